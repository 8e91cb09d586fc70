package dev.novatrace.neutron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.novatrace.project.ApiAction;
import dev.novatrace.trace.Resolver;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Discovery on the fixture neutron-api: one code pattern per extension module. */
class NeutronActionDiscoveryTest {
  private final Resolver resolver = NeutronTrees.fixture("neutron-api");

  private Plugins plugins() {
    return new Plugins(NeutronTrees.cls(resolver, "neutron.plugins.core_plugin.CorePlugin"),
        Map.of("WIDGETS", NeutronTrees.cls(resolver, "neutron.plugins.widget_plugin.WidgetPlugin")),
        List.of(NeutronTrees.cls(resolver, "neutron.plugins.core_plugin.GadgetExtensionDriver")),
        List.of(NeutronTrees.cls(resolver,
            "neutron.plugins.core_plugin.ChoosyMechanismDriver")));
  }

  private List<ApiAction> actions() {
    return new NeutronActionDiscovery(resolver.index(), resolver, plugins()).discover();
  }

  private ApiAction action(String name) {
    return actions().stream().filter(a -> a.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no action " + name));
  }

  /**
   * Abstract, pass-only and raise-only methods are no actions (widgets-delete, widgets-unshine,
   * ports-update, ports-delete, sprockets-create); doodads is filtered out by the mechanism
   * driver; widgets-shine comes from a module-level update of widget's ACTION_MAP.
   */
  @Test
  void everyImplementedOperationOfALoadedExtensionSortedByName() {
    assertEquals(List.of("ports-create", "ports-list", "ports-show", "sprockets-count",
        "sprockets-list", "widgets-create", "widgets-gadgets-create", "widgets-gadgets-list",
        "widgets-list", "widgets-polish", "widgets-shine", "widgets-show", "widgets-update"),
        actions().stream().map(ApiAction::name).toList());
  }

  @ParameterizedTest
  @CsvSource({
      "widgets-create, POST, /v2.0/fab/widgets, 201, WidgetDbMixin.create_widget, WidgetPlugin",
      "widgets-show, GET, /v2.0/fab/widgets/{id}, 200, WidgetDbMixin.get_widget, WidgetPlugin",
      "widgets-update, PUT, /v2.0/fab/widgets/{id}, 200, NotifyingWidgetMixin.update_widget,"
          + " WidgetPlugin",
      "widgets-polish, PUT, /v2.0/fab/widgets/{id}/polish, 200, WidgetDbMixin.polish,"
          + " WidgetPlugin",
      "widgets-gadgets-create, POST, /v2.0/widgets/{widget_id}/gadgets, 201,"
          + " CorePlugin.create_widget_gadget, CorePlugin",
      "ports-create, POST, /v2.0/ports, 201, PortDbMixin.create_port, CorePlugin",
      "sprockets-count, GET, /v2.0/sprockets/count, 200, SprocketController.count,"
          + " SprocketController",
      "sprockets-list, GET, /v2.0/sprockets, 200, SprocketController.index, SprocketController",
  })
  void requestEntryAndReceiver(String name, String verb, String path, String code, String entry,
      String receiver) {
    ApiAction a = action(name);
    assertEquals(List.of(verb, path, verb + " " + path, code, entry, receiver, List.of(),
        List.of()), List.of(a.httpMethod(), a.path(), a.requestLabel(), a.responseCode(),
        a.entry().owner().name() + "." + a.entry().name(), a.receiver().name(), a.aliases(),
        a.extensions()));
  }

  @Test
  void aliasesOfThePluginsTheDriversAndTheCustomChecks() {
    NeutronActionDiscovery d = new NeutronActionDiscovery(resolver.index(), resolver, plugins());
    assertEquals(List.of("gadgets", "sorting", "widget", "widget-shine"),
        d.loadedAliases().stream().sorted().toList());
    assertEquals(List.of(), d.unread());
  }

  @Test
  void withoutItsPluginAServiceCollectionHasNoActions() {
    Plugins coreOnly = new Plugins(plugins().core(), Map.of(), plugins().extensionDrivers(),
        plugins().mechanismDrivers());
    List<String> names = new NeutronActionDiscovery(resolver.index(), resolver, coreOnly)
        .discover().stream().map(ApiAction::name).toList();
    assertFalse(names.stream().anyMatch(n -> n.startsWith("widgets-")
        && !n.startsWith("widgets-gadgets")), names.toString());
  }

  /**
   * neutron-lib 5.x annotates its maps ({@code ACTION_MAP: ActionMap = {...}}): the index keeps
   * plain assignments only, so the values are read from the module's statements.
   */
  @Test
  void annotatedModuleAssignmentsAreRead() {
    var widget = resolver.index().module("neutron_lib.api.definitions.widget").orElseThrow();
    assertNull(widget.bindings().get("ACTION_MAP"), "the index now binds annotated names");
    Object map = new ResourceValues(resolver).member(widget, "ACTION_MAP");
    assertEquals(Map.of("widget", Map.of("polish", "PUT")), map);
  }
}
