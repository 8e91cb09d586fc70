package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import java.util.Map;
import java.util.TreeMap;

/**
 * One collection an extension's {@code get_resources()} declares: what Neutron's
 * {@code ResourceExtension(collection, controller, parent=, path_prefix=, member_actions=,
 * collection_actions=, collection_methods=)} holds, with the controller read as far as
 * discovery needs. Action maps are {@code {name: HTTP verb}}, sorted by name.
 *
 * @param pathPrefix the URL prefix ({@code /qos}), or null for "the serving plugin's
 *     {@code path_prefix}" ({@code build_resource_info} asks the plugin)
 */
record ResourceDecl(String collection, Parent parent, String pathPrefix, Controller controller,
    Map<String, String> memberActions, Map<String, String> collectionActions,
    Map<String, String> collectionMethods) {

  ResourceDecl {
    memberActions = sorted(memberActions);
    collectionActions = sorted(collectionActions);
    collectionMethods = sorted(collectionMethods);
  }

  private static Map<String, String> sorted(Map<String, String> m) {
    return java.util.Collections.unmodifiableMap(new TreeMap<>(m));
  }

  /** {@code {'collection_name': 'ports', 'member_name': 'port'}} of a sub-resource. */
  record Parent(String collection, String member) {}

  /** What serves the collection's requests. */
  sealed interface Controller {}

  /**
   * {@code base.create_resource(collection, resource, plugin, ...)}: Neutron's generic
   * controller, calling {@code <op>[_<parent member>]_<resource>} on the plugin.
   *
   * @param collection and {@code resource} name the plugin methods, dashes as underscores
   */
  record PluginBacked(ServedBy plugin, String collection, String resource, Parent parent)
      implements Controller {}

  /** {@code resource.Resource(XController())}: a controller class with its own methods. */
  record Custom(ClassInfo cls) implements Controller {}

  /** The plugin behind a generic controller. */
  sealed interface ServedBy {}

  /** {@code directory.get_plugin(type)}; the core plugin is type {@code CORE}. */
  record PluginType(String type) implements ServedBy {}

  /** {@code SomePlugin.get_instance()}: a singleton of that class, not looked up by type. */
  record PluginClass(ClassInfo cls) implements ServedBy {}
}
