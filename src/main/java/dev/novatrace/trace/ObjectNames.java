package dev.novatrace.trace;

import dev.novatrace.index.ModuleInfo;
import java.util.HashMap;
import java.util.Map;

/**
 * The object a save's receiver holds, for its label ({@code Instance.save}, not a bare list of
 * fields): the class its name conventionally holds, else the registered class its name spells
 * ({@code migration_context} → {@code MigrationContext}), else the receiver as written.
 */
final class ObjectNames {
  private final Resolver resolver;
  private final Map<String, String> cache = new HashMap<>();

  ObjectNames(Resolver resolver) {
    this.resolver = resolver;
  }

  String of(String receiver) {
    return cache.computeIfAbsent(receiver, this::find);
  }

  private String find(String receiver) {
    String last = receiver.substring(receiver.lastIndexOf('.') + 1).replaceFirst("^_+", "");
    for (String type : resolver.hints().parameterTypes(last)) {
      if (resolver.classNamed(type).isPresent()) {
        return type.substring(type.lastIndexOf('.') + 1);
      }
    }
    String spelled = ConstText.camelCase(last);
    for (String pkg : resolver.hints().registryPackages()) {
      for (ModuleInfo m : resolver.index().modulesUnder(pkg)) {
        if (m.classes().containsKey(spelled)) {
          return spelled;
        }
      }
    }
    return receiver;
  }
}
