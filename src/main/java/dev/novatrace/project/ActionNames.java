package dev.novatrace.project;

import dev.novatrace.util.SafeName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How actions are named: the API's own action in kebab case without {@code os-}
 * ({@code os-migrateLive} → {@code migrate-live}), REST methods as resource and operation
 * ({@code servers-create}), made unique across resources. A project's own canonical names (the
 * hand-drawn collection's) are its discovery's.
 */
public final class ActionNames {
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

  /**
   * Makes names unique: the first action of a name keeps it (those of the {@code primary}
   * resource come first: Nova's servers), later ones are prefixed with their resource
   * ({@code aggregates-add-host}); exact duplicates (the same method reached twice) are dropped.
   */
  public static List<ApiAction> unique(List<ApiAction> actions, String primary) {
    List<ApiAction> ordered = new ArrayList<>(actions);
    ordered.sort(Comparator.comparing((ApiAction a) -> !a.path().startsWith(primary))
        .thenComparing(a -> a.path().length()));
    Map<String, ApiAction> byName = new LinkedHashMap<>();
    Set<List<Object>> seen = new java.util.HashSet<>();
    for (ApiAction a : ordered) {
      if (!seen.add(List.of(a.entry(), a.requestLabel()))) {
        continue;
      }
      // A name comes from the code under trace and becomes a file name: it is made safe here,
      // once, so every output (files, pages, links) names the action the same safe way.
      String name = SafeName.of(a.name());
      if (byName.containsKey(name)) {
        String resource = SafeName.of(ActionNames.resource(a.path()));
        name = SafeName.of(resource + "-" + name);
        int n = 2;
        while (byName.containsKey(name)) {
          name = SafeName.of(resource + "-" + SafeName.of(a.name()) + "-" + n++);
        }
      }
      // A renamed action gives up its aliases: they belong to the action that kept the name.
      byName.put(name, name.equals(a.name()) ? a : a.withName(name, List.of()));
    }
    List<ApiAction> out = new ArrayList<>(byName.values());
    out.sort(Comparator.comparing(ApiAction::name));
    return out;
  }
}
