package dev.novatrace.diff;

import dev.novatrace.diff.Finding.Kind;
import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.util.EditDistance;
import dev.novatrace.nova.NovaProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks RPC messages between Nova services: the method a message names must be one the target
 * service's manager or rpcapi client defines. Targets that serve no RPC (nova_api) and labels that
 * name no method (see {@link RpcMessage}) are not checked.
 */
public final class RpcCheck {
  private final CodeIndex index;

  public RpcCheck(CodeIndex index) {
    this.index = index;
  }

  public List<Finding> check(String diagram, List<FlatStep> steps) {
    List<Finding> out = new ArrayList<>();
    for (FlatStep s : steps) {
      Optional<String> method = RpcMessage.method(s);
      List<ClassInfo> classes = classes(s.to());
      if (method.isEmpty() || classes.isEmpty()) {
        continue;
      }
      Set<String> methods = new TreeSet<>();
      classes.forEach(c -> methods.addAll(c.methods().keySet()));
      if (!methods.contains(method.get())) {
        String names = String.join(", ", classes.stream().map(ClassInfo::name).toList());
        out.add(Finding.of(diagram, s.line(), Kind.UNKNOWN_RPC, method.get()
            + " is not an RPC method of " + s.to() + " (" + names + ")",
            closest(method.get(), methods).orElse("")));
      }
    }
    return out;
  }

  private List<ClassInfo> classes(String participant) {
    List<ClassInfo> out = new ArrayList<>();
    for (String qualified : NovaProfile.rpcClassesOf(participant)) {
      int dot = qualified.lastIndexOf('.');
      index.module(qualified.substring(0, dot)).map(ModuleInfo::classes)
          .map(m -> m.get(qualified.substring(dot + 1))).ifPresent(out::add);
    }
    return out;
  }

  private static Optional<String> closest(String method, Set<String> methods) {
    return methods.stream().filter(m -> !m.startsWith("_"))
        .filter(m -> EditDistance.between(m, method) <= Math.max(2, method.length() / 4))
        .min(Comparator.comparingInt((String m) -> EditDistance.between(m, method))
            .thenComparing(Comparator.naturalOrder()));
  }
}
