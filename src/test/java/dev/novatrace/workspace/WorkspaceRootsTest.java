package dev.novatrace.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.files.FolderSources;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.project.SourceTree;
import dev.novatrace.testing.Fixtures;
import dev.novatrace.trace.Value;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tree read with a companion package: the fixture {@code fixtures/roots} holds {@code nova/},
 * whose {@code compute/api.py} imports from {@code acme_lib/}, and {@code other_pkg/}, which no
 * one reads. Both packages are parsed and indexed together, the tests of each left out.
 */
class WorkspaceRootsTest {
  static final Path ROOTS = Fixtures.ROOT.resolve("roots");

  private static Workspace load(List<String> packages) {
    return Workspace.load(new SourceTree(new FolderSources(ROOTS), "roots", null, "nova", packages),
        "fake", null);
  }

  private static List<String> modules(Workspace ws) {
    return ws.index().modules().stream().map(ModuleInfo::name).sorted().toList();
  }

  @Test
  void everyPackageOfTheTreeIsIndexedAndTheTestsOfEachLeftOut() {
    Workspace ws = load(List.of("nova", "acme_lib"));
    assertEquals(List.of("acme_lib", "acme_lib.api", "acme_lib.api.definitions",
        "acme_lib.api.definitions.widget", "acme_lib.constants", "nova", "nova.compute",
        "nova.compute.api", "nova.virt", "nova.virt.fake", "nova.virt.fake.driver"), modules(ws));
    assertEquals(List.of(), ws.parseFailures());
    assertEquals("acme_lib/api/definitions/widget.py",
        ws.index().module("acme_lib.api.definitions.widget").orElseThrow().path());
  }

  @Test
  void aModuleAndAClassOfTheCompanionResolveThroughTheProjectsImports() {
    Workspace ws = load(List.of("nova", "acme_lib"));
    ModuleInfo api = ws.index().module("nova.compute.api").orElseThrow();
    Value def = ws.resolver().memberOf(api, "widget_def");
    assertEquals("acme_lib.api.definitions.widget",
        assertInstanceOf(Value.ModuleValue.class, def).module().name());
    Value widget = ws.resolver().memberOf(api, "Widget");
    assertEquals("acme_lib.api.definitions.widget.Widget",
        assertInstanceOf(Value.ClassValue.class, widget).cls().qualifiedName());
    Value constants = ws.resolver().memberOf(api, "constants");
    assertEquals("acme_lib.constants",
        assertInstanceOf(Value.ModuleValue.class, constants).module().name());
    // The companion's own imports resolve inside it.
    ModuleInfo definition = ((Value.ModuleValue) def).module();
    assertInstanceOf(Value.ModuleValue.class, ws.resolver().memberOf(definition, "constants"));
  }

  @Test
  void withoutTheCompanionItsNamesStayUnresolved() {
    Workspace ws = load(List.of("nova"));
    assertTrue(modules(ws).stream().allMatch(m -> m.startsWith("nova")), modules(ws).toString());
    ModuleInfo api = ws.index().module("nova.compute.api").orElseThrow();
    assertInstanceOf(Value.Unknown.class, ws.resolver().memberOf(api, "widget_def"));
  }
}
