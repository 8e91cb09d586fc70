package dev.novatrace.nova;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How actions are named: the API's own action in kebab case without {@code os-}
 * ({@code os-migrateLive} → {@code migrate-live}), REST methods as resource and operation
 * ({@code servers-create}), and the names of the hand-drawn collection as canonical names or
 * aliases.
 */
public final class ActionNames {
  /** REST operations that the original collection names: mechanical name → friendly name. */
  static final Map<String, String> REST_FRIENDLY = Map.ofEntries(
      Map.entry("servers-create", "boot"),
      Map.entry("servers-detail", "list"),
      Map.entry("servers-delete", "delete"),
      Map.entry("servers-update", "rename"),
      Map.entry("metadata-create", "meta"),
      Map.entry("volume-attachments-create", "volume-attach"),
      Map.entry("volume-attachments-delete", "volume-detach"),
      Map.entry("interface-create", "interface-attach"),
      Map.entry("interface-delete", "interface-detach"),
      Map.entry("server-external-events-create", "refresh-network"));

  /** Other names the original collection uses for API actions. */
  static final Map<String, List<String>> ACTION_ALIASES = Map.of(
      "migrate-live", List.of("live-migrate"),
      "migrate", List.of("cold-migrate"),
      "create-image", List.of("snapshot"),
      "create-backup", List.of("backup"),
      "change-password", List.of("change-admin-password"));

  private ActionNames() {}

  /** {@code os-migrateLive} → {@code migrate-live}; {@code add_host} → {@code add-host}. */
  public static String kebab(String apiName) {
    String n = apiName.startsWith("os-") ? apiName.substring(3) : apiName;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (Character.isUpperCase(c)) {
        // A run of capitals is one word: getVNCConsole → get-vnc-console.
        boolean inRun = i > 0 && Character.isUpperCase(n.charAt(i - 1))
            && (i + 1 >= n.length() || !Character.isLowerCase(n.charAt(i + 1)));
        if (!inRun && sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
          sb.append('-');
        }
        sb.append(Character.toLowerCase(c));
      } else if (c == '_' || c == ' ' || c == '-') {
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '-') {
          sb.append('-');
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  /** The resource a path names: its last literal segment ({@code os-volume_attachments}). */
  public static String resource(String path) {
    String[] parts = path.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      String p = parts[i];
      if (!p.isEmpty() && !p.startsWith("{") && !p.equals("detail") && !p.equals("action")) {
        return kebab(p);
      }
    }
    return "root";
  }

  /** {@code servers} + {@code create} → {@code servers-create}. */
  public static String rest(String path, String method) {
    return resource(path) + "-" + kebab(method);
  }
}
