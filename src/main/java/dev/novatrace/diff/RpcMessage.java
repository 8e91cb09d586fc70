package dev.novatrace.diff;

import dev.novatrace.project.Services;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an RPC method out of a diagram message. A message is an RPC when it goes, not as a reply,
 * from one Nova service to another ({@code nova_api->>nova_compute: pause_instance}); its method is
 * the label's first word. Labels that are plainly prose are not methods: a method name is a Python
 * identifier with an underscore ({@code pause_instance}, optionally followed by "(...)"), since
 * every RPC method of Nova's managers and rpcapi clients has two words or more, while one-word
 * labels such as {@code done} or {@code pause} are what people write as descriptions.
 */
public final class RpcMessage {
  private static final Pattern METHOD = Pattern.compile("[A-Za-z_]\\w*_\\w*(\\(.*\\))?");

  /** A word that says how a message goes. */
  private static final Pattern VERB = Pattern.compile("(?i)\\b(cast|call)\\b");
  /** A word that introduces the method: "RPC cast attach_volume", "call select_destinations". */
  private static final Set<String> INTRODUCERS = Set.of("rpc", "cast", "call");

  private RpcMessage() {}

  /**
   * What a drawn RPC message says: the methods it may name and the verbs its words state.
   * {@code methods} holds alternatives, any one of which is enough ({@code note =
   * "resize_instance/migrate_server"} names the API's method and the RPC method it becomes).
   */
  public record Drawn(List<String> methods, Set<String> verbs) {}

  /**
   * Reads an RPC message and the notes drawn on its own source line, as seqdiag's edge notes
   * are: the method is the label's first word when that is a method name, else the word after
   * "RPC", "cast" or "call" in the label, and also every name of a note that is nothing but method
   * names ({@code select_destinations}, {@code resize_instance/migrate_server}). The verbs are the
   * words "cast" and "call" of label and notes ({@code cast (or call if deleting)} states both).
   */
  public static Optional<Drawn> drawn(FlatStep s, List<FlatStep> notes) {
    if (!isRpc(s)) {
      return Optional.empty();
    }
    Set<String> methods = new LinkedHashSet<>();
    method(s).or(() -> introduced(s.text())).ifPresent(methods::add);
    Set<String> verbs = new java.util.TreeSet<>();
    verbs(s.text(), verbs);
    for (FlatStep n : notes) {
      methods.addAll(namesOnly(n.text()));
      verbs(n.text(), verbs);
    }
    return Optional.of(new Drawn(new ArrayList<>(methods), verbs));
  }

  private static Optional<String> introduced(String label) {
    String[] words = label.strip().split("[\\s,;:]+");
    for (int i = 0; i + 1 < words.length; i++) {
      if (INTRODUCERS.contains(words[i].toLowerCase(Locale.ROOT))) {
        String next = stripCall(words[i + 1]);
        if (METHOD.matcher(next).matches()) {
          return Optional.of(next);
        }
      }
    }
    return Optional.empty();
  }

  /** The names of a note made only of method names, split at '/', ',' or spaces; else none. */
  private static List<String> namesOnly(String note) {
    List<String> out = new ArrayList<>();
    for (String word : note.strip().split("[/,\\s]+")) {
      String name = stripCall(word);
      if (!METHOD.matcher(name).matches()) {
        return List.of();
      }
      out.add(name);
    }
    return out;
  }

  private static void verbs(String text, Set<String> out) {
    var m = VERB.matcher(text);
    while (m.find()) {
      out.add(m.group(1).toLowerCase(Locale.ROOT));
    }
  }

  private static String stripCall(String word) {
    int paren = word.indexOf('(');
    return paren < 0 ? word : word.substring(0, paren);
  }

  public static boolean isService(String participant) {
    return Services.isService(participant);
  }

  /** Whether the step is a message between two Nova services that is not a reply. */
  public static boolean isRpc(FlatStep s) {
    return (s.kind() == FlatStep.Kind.CALL || s.kind() == FlatStep.Kind.CAST)
        && isService(s.from()) && isService(s.to()) && !s.from().equals(s.to());
  }

  /** The RPC method the step calls, when it is an RPC whose label names one. */
  public static Optional<String> method(FlatStep s) {
    if (!isRpc(s)) {
      return Optional.empty();
    }
    String first = s.text().strip().split("\\s+|\\\\n", 2)[0];
    if (!METHOD.matcher(first).matches()) {
      return Optional.empty();
    }
    int paren = first.indexOf('(');
    return Optional.of(paren < 0 ? first : first.substring(0, paren));
  }
}
