package dev.novatrace.diff;

import java.util.Optional;
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

  private RpcMessage() {}

  public static boolean isService(String participant) {
    return participant.startsWith("nova_");
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
