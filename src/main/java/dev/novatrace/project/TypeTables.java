package dev.novatrace.project;

import dev.novatrace.trace.TypeHints;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A project's type hints as data, in the shape every project gives them: what a conventionally
 * named parameter holds, which class a configured factory builds, attributes bound at run time,
 * and where the driver a trace follows (loaded by name from configuration) is held.
 *
 * @param parameterTypes conventional parameter names → the classes each holds, tried in order
 *     (one table serves old and new trees)
 * @param factories factories that load a class by configuration → the in-tree default first
 * @param attributeTypes attributes bound by configuration: class → attribute → class
 * @param driverHolders classes whose {@code driver} attribute is the driver followed
 * @param driverParameters parameter names that are handed the driver followed
 * @param driverType the class of the driver followed
 * @param registryPackages packages whose classes register themselves by name (objects)
 */
public record TypeTables(Map<String, List<String>> parameterTypes,
    Map<String, List<String>> factories, Map<String, Map<String, String>> attributeTypes,
    List<String> driverHolders, Set<String> driverParameters, String driverType,
    List<String> registryPackages) implements TypeHints {

  @Override
  public List<String> parameterTypes(String parameterName) {
    if (driverParameters.contains(parameterName)) {
      return List.of(driverType);
    }
    return parameterTypes.getOrDefault(parameterName, List.of());
  }

  @Override
  public Optional<String> attributeType(String classQualifiedName, String attribute) {
    if (attribute.equals("driver") && driverHolders.contains(classQualifiedName)) {
      return Optional.of(driverType);
    }
    return Optional.ofNullable(
        attributeTypes.getOrDefault(classQualifiedName, Map.of()).get(attribute));
  }

  @Override
  public List<String> factoryTypes(String functionQualifiedName) {
    return factories.getOrDefault(functionQualifiedName, List.of());
  }
}
