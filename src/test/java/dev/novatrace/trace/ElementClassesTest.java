package dev.novatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.testing.MiniNova;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which classes a collection holds, read from the code that fills it. */
class ElementClassesTest {
  private final Resolver resolver = MiniNova.workspace().resolver();
  private final ElementClasses elements = new ElementClasses(resolver,
      new PrivateFields(resolver, MiniNova.workspace().profile()));

  private Scope scopeOf(String cls, String method) {
    FunctionInfo fn = resolver.classNamed(cls).orElseThrow().methods().get(method);
    return resolver.scopeOf(fn);
  }

  @Test
  void aDictsListFilledThroughPartialConvertersHoldsEachConvertersClass() {
    // devices = device_info_get_devices(get_device_info(instance, bdms)): a key of a dict
    // display (returned by a function that imports the converters' module in its body), read
    // with .get('devices') or [], filled by partial(_convert_devices, Cls) converters chained.
    Scope scope = scopeOf("nova.compute.manager.ComputeManager", "_prep_devices");
    List<String> held = elements.of(scope.local("devices"), scope).stream()
        .map(ClassInfo::name).toList();
    assertEquals(List.of("DriverDevice", "DriverImageDevice", "DriverBlankDevice",
        "DriverSnapshotDevice", "DriverSwapDevice"), held);
  }

  @Test
  void aDictIsNoListOfObjects() {
    // device_info is the dict itself: running through it gives its keys, so no class.
    Scope scope = scopeOf("nova.compute.manager.ComputeManager", "_prep_devices");
    assertEquals(List.of(), elements.of(scope.local("device_info"), scope));
  }
}
