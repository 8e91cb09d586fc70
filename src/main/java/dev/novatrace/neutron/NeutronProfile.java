package dev.novatrace.neutron;

import dev.novatrace.config.OptionReader;
import dev.novatrace.config.Policies;
import dev.novatrace.config.Settings;
import dev.novatrace.detail.DetailRules;
import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.Names;
import dev.novatrace.project.ApiAction;
import dev.novatrace.project.ProjectProfile;
import dev.novatrace.project.ProjectProfile.Check;
import dev.novatrace.project.TaskFlowLibrary;
import dev.novatrace.project.TypeTables;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.trace.CallStrings;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Scope;
import dev.novatrace.trace.Step;
import dev.novatrace.trace.TaskFlows;
import dev.novatrace.trace.TypeHints;
import dev.novatrace.trace.Value;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything Neutron-specific the tracer and the detail policies need, composed as
 * {@link dev.novatrace.cinder.CinderProfile} does for Cinder: where code runs
 * ({@link NeutronTopology}), what values are ({@link NeutronTypeHints}), what standard detail
 * folds ({@link NeutronDetailRules}), the deployment ({@link Deployment}, the plugins it loads)
 * and the actions ({@link NeutronActionDiscovery}).
 */
final class NeutronProfile implements ProjectProfile {

  /**
   * The state a reader follows: a port's, a network's, a router's status; a port binding's
   * result ({@code vif_type}: unbound, binding_failed, or the driver's type); and the revision
   * of a resource OVN was last written at ({@code OVNRevisionNumbers.revision_number}), which
   * OVN's maintenance task compares with the resource's own to find what it must write again.
   */
  private static final Set<String> STATE_FIELDS = Set.of("status", "admin_state_up",
      "revision_number", "vif_type");

  private static final NeutronDetailRules DETAIL = new NeutronDetailRules();

  private final Deployment deployment;
  private final LoadedPlugins plugins;
  /** The entry points the tree's package declares (or Neutron's own setup.cfg's). */
  private final EntryPoints names;
  private final TypeTables hints;
  /** What discovery found of the deployment; nothing before it. */
  private volatile Discovered found = Discovered.NONE;

  /**
   * What the deployment runs, found once with the tree's actions: the configured ML2 drivers,
   * the callback subscriptions its start-up makes, and the actions' entries.
   */
  private record Discovered(DriverDispatch drivers, CallbackTable callbacks,
      NestedActions nested, Set<String> aliases, List<Continuation> later,
      ModelListeners listeners, Hooks hooks, Map<String, String> services,
      IdlePluginClasses idle) {
    static final Discovered NONE = new Discovered(null, null, NestedActions.NONE, Set.of(),
        List.of(), ModelListeners.NONE, Hooks.NONE, Map.of(), IdlePluginClasses.NONE);
  }

  /**
   * The pecan hooks that check a request's policy and reserve its quota before the plugin runs
   * ({@code PolicyHook.before}, {@code QuotaEnforcementHook.before}), each null where the tree
   * has none.
   */
  record Hooks(FunctionInfo policy, FunctionInfo quota) {
    static final Hooks NONE = new Hooks(null, null);

    static Hooks of(Resolver resolver) {
      return new Hooks(before(resolver, "neutron.pecan_wsgi.hooks.policy_enforcement.PolicyHook"),
          before(resolver, "neutron.pecan_wsgi.hooks.quota_enforcement.QuotaEnforcementHook"));
    }

    private static FunctionInfo before(Resolver resolver, String hook) {
      return resolver.classNamed(hook).map(c -> resolver.lookupMethod(c, "before", null))
          .orElse(null);
    }
  }

  NeutronProfile(Deployment deployment, LoadedPlugins plugins, EntryPoints names) {
    this.deployment = deployment;
    this.plugins = plugins;
    this.names = names;
    this.hints = NeutronTypeHints.of(plugins.l3());
  }

  @Override
  public String apiParticipant() {
    return NeutronTopology.SERVER;
  }

  @Override
  public List<String> participantOrder() {
    return NeutronTopology.PARTICIPANT_ORDER;
  }

  @Override
  public List<ApiAction> discoverActions(CodeIndex index, Resolver resolver) {
    Optional<Plugins> loaded = plugins.resolve(resolver);
    if (loaded.isEmpty()) {
      return List.of();
    }
    // The configured drivers first: the start-up closure and the traces decide on them.
    DriverDispatch drivers = plugins.dispatch(resolver);
    Set<String> aliases = Set.copyOf(
        new ExtensionAliases(new ResourceValues(resolver)).supported(loaded.get()));
    Map<String, String> services = new java.util.TreeMap<>();
    loaded.get().services().forEach((type, cls) -> services.put(type, cls.qualifiedName()));
    services.put("CORE", loaded.get().core().qualifiedName());
    found = new Discovered(drivers, null, NestedActions.NONE, aliases, List.of(),
        ModelListeners.NONE, Hooks.NONE, Map.copyOf(services),
        IdlePluginClasses.of(names, loaded.get(), resolver));
    StartUp startUp = StartUp.of(loaded.get(), resolver, this);
    CallbackTable callbacks = CallbackTable.of(index, resolver)
        .filtered(s -> startUp.exists(s) && !unsubscribedByItsClass(s, resolver))
        .rebound(startUp::runningOn);
    List<ApiAction> actions = new NeutronActionDiscovery(index, resolver, loaded.get())
        .discover();
    found = new Discovered(drivers, callbacks, NestedActions.of(actions), aliases,
        LaterWork.of(deployment, resolver), ModelListeners.of(startUp.functions(), resolver),
        Hooks.of(resolver), found.services(), found.idle());
    return actions;
  }

  /**
   * What Neutron's API does around the plugin method it calls (docs/neutron-design.md, 1.2 and
   * 1.3; pecan's hooks and the legacy controller alike): it enforces the policy rule named
   * after the method ({@code create_port}, {@code add_router_interface}), reserves quota for a
   * create, and once a create, update or delete returns publishes the resource's
   * {@code BEFORE_RESPONSE}, whose subscribers run before the reply (the Nova notifier's
   * {@code network-changed}, the DHCP agents' notification). A member action publishes none.
   */
  @Override
  public ApiFrame apiFrame(ApiAction action) {
    String method = action.entry().name();
    List<Check> checks = new java.util.ArrayList<>();
    checks.add(new Check("check policy: " + method, found.hooks().policy()));
    java.util.regex.Matcher m = CUD.matcher(method);
    if (!m.matches()) {
      return new ApiFrame(checks, List.of());
    }
    String resource = m.group(2);
    if (m.group(1).equals("create")) {
      checks.add(new Check("reserve quota: " + resource, found.hooks().quota()));
    }
    CallbackTable callbacks = found.callbacks();
    List<Dispatch> after = callbacks == null ? List.of()
        : callbacks.subscribers(resource, BEFORE_RESPONSE).stream()
            .map(sub -> new Dispatch(sub.function(), sub.receiver(),
                responseParameters(sub, resource, method)))
            .toList();
    return new ApiFrame(checks, after);
  }

  /**
   * What the API hook's {@code BEFORE_RESPONSE} hands a subscriber: the key's names, and a
   * payload whose {@code action} is the plugin method the request ran ({@code
   * APIEventPayload(context, notifier_method, notifier_action, ...)}, the controller's {@code
   * plugin_handlers[action]}), for the subscriber's tests of it ({@code action in
   * ['update_port', 'delete_port']}).
   */
  private static Map<String, String> responseParameters(Subscriber sub, String resource,
      String method) {
    Map<String, String> out = new java.util.HashMap<>(
        keyParameters(sub, new CallbackTable.Key(resource, BEFORE_RESPONSE)));
    payloadParameter(sub).ifPresent(payload -> out.put(payload + ".action", "'" + method + "'"));
    return out;
  }

  /**
   * Whether the subscriber's own class unsubscribes it ({@code
   * registry.unsubscribe_by_resource(self._send_dhcp_notification, resource)}): the DHCP
   * notifier drops its API-level listener once the core plugin's native events reach it, as ML2's
   * do, so a request never reaches it.
   */
  private static boolean unsubscribedByItsClass(Subscriber sub, Resolver resolver) {
    ClassInfo owner = sub.function().owner();
    if (owner == null) {
      return false;
    }
    boolean[] unsubscribes = {false};
    for (FunctionInfo method : owner.methods().values()) {
      dev.novatrace.trace.CallSites.inFunction(resolver, method, site -> {
        Expr.Call c = site.call();
        String name = Names.simpleName(c.func());
        unsubscribes[0] |= name != null && name.startsWith("unsubscribe") && !c.args().isEmpty()
            && c.args().get(0).value() instanceof Expr.Attribute a
            && a.value() instanceof Expr.Name n && n.id().equals("self")
            && a.attr().equals(sub.function().name());
      });
    }
    return unsubscribes[0];
  }

  /** A plugin's create, update or delete of one resource: {@code update_port}. */
  private static final java.util.regex.Pattern CUD =
      java.util.regex.Pattern.compile("(create|update|delete)_([a-z_]+)");
  private static final String BEFORE_RESPONSE = "before_response";

  /** What SQLAlchemy runs as a port's status is set ({@link ModelListeners}). */
  @Override
  public List<Dispatch> onAssign(Expr.Attribute target, Scope scope, Resolver resolver) {
    return found.listeners().onAssign(target, scope, resolver);
  }

  /** A port row's status assigned: a change of state the session writes. */
  @Override
  public Optional<Summary> rowWritten(Expr.Attribute target, Scope scope, Resolver resolver) {
    return found.listeners().rowOf(target, scope, resolver).map(model ->
        new Summary("database", model.name(), Step.Effect.STATE));
  }

  /** What the agents and OVN start later for a port the request provisions ({@link LaterWork}). */
  @Override
  public List<Continuation> continuations() {
    return found.later();
  }

  /**
   * A callback subscriber, at standard detail: one note naming it, and the messages it sends
   * (the DHCP agents' casts, OVN's writes), as an engineer draws a publish. Else the detail
   * rules' folds.
   */
  @Override
  public Optional<String> foldedAs(Step.Origin callee) {
    Optional<String> folded = DETAIL.foldedAs(callee);
    CallbackTable callbacks = found.callbacks();
    if (folded.isPresent() || callbacks == null) {
      return folded;
    }
    return callbacks.isSubscriber(callee.path(), callee.line())
        ? Optional.of("callback " + callee.function().replaceFirst("^_+", "").replace('_', ' '))
        : Optional.empty();
  }

  @Override
  public boolean isCallback(Step.Origin callee) {
    CallbackTable callbacks = found.callbacks();
    return callbacks != null && callbacks.isSubscriber(callee.path(), callee.line());
  }

  // Where code runs.

  @Override
  public Optional<String> participantOf(ModuleInfo module) {
    return NeutronTopology.TABLES.participantOf(module.path());
  }

  /** An agent the baseline does not run gets no message ({@link Deployment#agents}). */
  @Override
  public boolean isDeployed(String participant) {
    return !participant.startsWith("neutron_") || participant.equals(NeutronTopology.SERVER)
        || deployment.agents().contains(participant);
  }

  @Override
  public boolean isDatabase(String participant) {
    return participant.equals("database");
  }

  @Override
  public boolean isEndpoint(String participant) {
    return NeutronTopology.TABLES.isEndpoint(participant);
  }

  @Override
  public Optional<RpcServer> rpcServer(ClassInfo clientClass) {
    return NeutronTopology.TABLES.rpcServer(clientClass);
  }

  @Override
  public String rpcParticipant(RpcServer server, String method, String callerParticipant) {
    return server.participant();
  }

  @Override
  public Optional<ClientModule> clientModule(String modulePath) {
    return NeutronTopology.TABLES.clientModule(modulePath);
  }

  // What values are and what standard detail folds.

  @Override
  public TypeHints typeHints() {
    return hints;
  }

  @Override
  public DetailRules detailRules() {
    return DETAIL;
  }

  @Override
  public TaskFlows taskFlows() {
    return TaskFlowLibrary.NAMES;
  }

  // Endpoints and notes.

  @Override
  public Optional<Summary> summary(FunctionInfo function) {
    return Optional.empty();
  }

  @Override
  public Step.Effect endpointEffect(FunctionInfo fn) {
    return requestEffect(fn.name());
  }

  /**
   * {@code FloatingIP.update_object(context, {'status': status}, id=...)} and {@code
   * update_objects}: the dict of values written, after the context.
   */
  @Override
  public java.util.OptionalInt valuesArgument(String method) {
    if (method.equals("update")) {
      return java.util.OptionalInt.of(0); // row.update({...}), query(...).update({...})
    }
    return method.equals("update_object") || method.equals("update_objects")
        ? java.util.OptionalInt.of(1) : java.util.OptionalInt.empty();
  }

  @Override
  public boolean isStateField(String field) {
    return STATE_FIELDS.contains(field);
  }

  /**
   * Neutron's objects ({@code neutron/objects/}) are the database layer: their public methods
   * other than the framework's {@code obj_*} helpers are what reaches it.
   */
  @Override
  public boolean isEndpointCall(FunctionInfo fn) {
    return !fn.name().startsWith("_") && !fn.name().startsWith("obj_")
        && !IN_MEMORY.contains(fn.name());
  }

  /**
   * The object framework's own work on what it holds ({@code neutron/objects/base.py}): a dict
   * or keyword arguments made of the fields, a filter checked, fields converted, a value parsed;
   * no query.
   */
  private static final Set<String> IN_MEMORY = Set.of("to_dict", "to_kwargs", "is_synthetic",
      "is_object_field", "validate_filters", "add_extra_filter_name", "from_db_object",
      "has_standard_attributes", "modify_fields_to_db", "modify_fields_from_db", "filter_to_str",
      "filter_to_json_str", "load_json_from_str", "update_fields", "clean_obj_from_primitive",
      "obj_class_from_name", "db_context_writer", "db_context_reader");

  /** {@code Port.create}, {@code RouterPort.get_objects}: the object class it is called on. */
  @Override
  public String endpointLabel(FunctionInfo fn, Value receiver) {
    if (fn.owner() == null) {
      return fn.name();
    }
    String owner = receiver instanceof Value.InstanceValue iv ? iv.cls().name()
        : receiver instanceof Value.ClassValue cv ? cv.cls().name() : fn.owner().name();
    return owner + "." + fn.name();
  }

  /** A call of another action's entry: one note naming that action ({@link NestedActions}). */
  @Override
  public Optional<String> noteForCall(Expr.Call call, Value callee, Scope scope,
      Resolver resolver, CallStrings strings) {
    return callee instanceof Value.FunctionValue fv ? found.nested().noteFor(fv.function())
        : Optional.empty();
  }

  @Override
  public List<String> notesForDecorators(FunctionInfo function, Resolver resolver) {
    return List.of();
  }

  @Override
  public List<Dispatch> dispatched(Expr.Call call, Scope scope, Resolver resolver,
      CallStrings strings) {
    Discovered now = found;
    if (now.drivers() == null) {
      return List.of();
    }
    List<Dispatch> toDrivers = now.drivers().of(call, scope, resolver, strings);
    CallbackTable callbacks = now.callbacks();
    if (!toDrivers.isEmpty() || callbacks == null) {
      return toDrivers;
    }
    // registry.publish(R, E, ...): every subscriber the deployment's start-up made, in order.
    return CallbackTable.published(call, scope, resolver, strings)
        .map(k -> callbacks.subscribers(k.resource(), k.event()).stream()
            .map(s -> new Dispatch(s.function(), s.receiver(),
                publishedParameters(s, k, call, scope, resolver),
                triggerParameter(s, call, scope, resolver))).toList())
        .orElse(List.of());
  }

  /** A publish to a key no subscriber the deployment's start-up made listens to. */
  @Override
  public boolean reachesNobody(Expr.Call call, Scope scope, Resolver resolver,
      CallStrings strings) {
    CallbackTable callbacks = found.callbacks();
    return callbacks != null && CallbackTable.published(call, scope, resolver, strings)
        .map(k -> callbacks.subscribers(k.resource(), k.event()).isEmpty()).orElse(false);
  }

  /**
   * The key's names, and the fields of the payload the publisher builds that the code fixes
   * ({@link PayloadFields}: no {@code request_body} passed, so {@code payload.request_body} is
   * None), by the subscriber's fourth parameter.
   */
  private static Map<String, String> publishedParameters(Subscriber s, CallbackTable.Key key,
      Expr.Call call, Scope scope, Resolver resolver) {
    Map<String, String> out = new java.util.HashMap<>(keyParameters(s, key));
    Expr payload = CallbackRegistry.argument(call, 3, "payload");
    payloadParameter(s).filter(name -> payload != null)
        .ifPresent(name -> out.putAll(PayloadFields.of(name, payload, scope, resolver)));
    return out;
  }

  /**
   * The subscriber's third parameter (after {@code self}) holds the publisher's trigger: the
   * object or function it passed ({@code registry.publish(resources.SEGMENT,
   * events.PRECOMMIT_CREATE, add_network_segment, ...)}), where the code says which, so a
   * subscriber's test of its trigger's class can be decided.
   */
  private static Map<String, Value> triggerParameter(Subscriber s, Expr.Call call, Scope scope,
      Resolver resolver) {
    List<dev.novatrace.python.ast.Param> params = calledWith(s);
    Expr trigger = CallbackRegistry.argument(call, 2, "trigger");
    if (params.size() < 3 || trigger == null) {
      return Map.of();
    }
    Value v = resolver.valueOf(trigger, scope);
    return v instanceof Value.FunctionValue || v instanceof Value.InstanceValue
        ? Map.of(params.get(2).name(), v) : Map.of();
  }

  /**
   * A subscriber is called {@code callback(resource, event, trigger, payload=...)}: its first
   * two parameters (after {@code self}) hold the key's names.
   */
  private static Map<String, String> keyParameters(Subscriber s, CallbackTable.Key key) {
    List<dev.novatrace.python.ast.Param> params = calledWith(s);
    if (params.size() < 2) {
      return Map.of();
    }
    return Map.of(params.get(0).name(), "'" + key.resource() + "'",
        params.get(1).name(), "'" + key.event() + "'");
  }

  /** The name of the subscriber's fourth parameter, which the registry hands the payload. */
  private static Optional<String> payloadParameter(Subscriber s) {
    List<dev.novatrace.python.ast.Param> params = calledWith(s);
    return params.size() > 3 ? Optional.of(params.get(3).name()) : Optional.empty();
  }

  /** The parameters the registry passes a subscriber its arguments in: those after self. */
  private static List<dev.novatrace.python.ast.Param> calledWith(Subscriber s) {
    List<dev.novatrace.python.ast.Param> params = s.function().ast().params();
    boolean bound = s.function().owner() != null && !params.isEmpty()
        && (params.get(0).name().equals("self") || params.get(0).name().equals("cls"));
    return bound ? params.subList(1, params.size()) : params;
  }

  /**
   * neutron-lib's registry keeps a callback it is handed ({@code registry.subscribe(cb, ...)},
   * {@code unsubscribe_by_resource(cb, resource)}), and so does SQLAlchemy's event listening
   * ({@code db_api.sqla_listen(Model, 'after_update', cb)}): nothing runs there.
   */
  @Override
  public boolean keepsCallbacks(Expr.Call call) {
    String name = Names.simpleName(call.func());
    return name != null && (name.equals("subscribe") || name.startsWith("unsubscribe")
        || name.equals("sqla_listen"));
  }

  @Override
  public boolean runsOnce(dev.novatrace.python.ast.Stmt.For loop, Scope scope) {
    DriverDispatch drivers = found.drivers();
    return drivers != null && drivers.runsOnce(loop, scope);
  }

  /**
   * Code of a mechanism driver the deployment does not configure never runs, nor that of a
   * plugin it does not load.
   */
  @Override
  public boolean runs(FunctionInfo fn) {
    DriverDispatch drivers = found.drivers();
    return (drivers == null || drivers.runs(fn)) && !found.idle().isIdle(fn);
  }

  @Override
  public Optional<Boolean> assumption(Expr.Call call) {
    DriverDispatch drivers = found.drivers();
    Optional<Boolean> isInstance = drivers == null ? Optional.empty() : drivers.isInstance(call);
    if (isInstance.isPresent()) {
      return isInstance;
    }
    return noAgents(call) ? Optional.of(false) : extensionSupported(call);
  }

  /** The agent schedulers' lookups of the agents of one kind: {@code get_dhcp_agents_...}. */
  private static final java.util.regex.Pattern AGENT_LOOKUP =
      java.util.regex.Pattern.compile("get_(dhcp|l3)_agents\\w*");

  /**
   * Whether {@code call} (or the {@code len()} of it) looks up agents of a kind the baseline
   * does not run: none are found ({@code len(self.get_dhcp_agents_hosting_networks(...))} under
   * OVN, which runs no DHCP agent).
   */
  private boolean noAgents(Expr.Call call) {
    Expr.Call lookup = call.func() instanceof Expr.Name n && n.id().equals("len")
        && call.args().size() == 1 && call.args().get(0).value() instanceof Expr.Call inner
        ? inner : call;
    String name = dev.novatrace.index.Names.simpleName(lookup.func());
    java.util.regex.Matcher m = name == null ? null : AGENT_LOOKUP.matcher(name);
    return m != null && m.matches()
        && !deployment.agents().contains("neutron_" + m.group(1) + "_agent");
  }

  /**
   * {@code extensions.is_extension_supported(self.plugin, constants.DHCP_AGENT_SCHEDULER_EXT_ALIAS)}
   * holds where a loaded plugin supports the alias the constant names (its name, lower case,
   * without {@code _EXT_ALIAS}: {@code dhcp_agent_scheduler}). Undecided otherwise: a constant
   * may name an alias differently.
   */
  private Optional<Boolean> extensionSupported(Expr.Call call) {
    String name = Names.simpleName(call.func());
    if (!"is_extension_supported".equals(name) && !"is_ext_supported".equals(name)
        || call.args().isEmpty()) {
      return Optional.empty();
    }
    String constant = Names.simpleName(call.args().get(call.args().size() - 1).value());
    if (constant == null || !constant.endsWith("_ALIAS")) {
      return Optional.empty();
    }
    String alias = constant.replaceFirst("(_EXT)?_ALIAS$", "").toLowerCase(java.util.Locale.ROOT);
    return found.aliases().contains(alias) ? Optional.of(true) : Optional.empty();
  }

  /**
   * Every option Neutron and neutron-lib declare, at its default, and the deployment's
   * baseline where the code has no usable default (no core plugin, no mechanism driver).
   */
  @Override
  public Settings settings(CodeIndex index) {
    Settings s = Settings.of(OptionReader.readAll(index, "neutron", java.util.Map.of()));
    s = s.baseline("DEFAULT", "core_plugin", deployment.corePlugin());
    s = s.baseline("DEFAULT", "service_plugins", String.join(",", deployment.servicePlugins()));
    s = s.baseline("ml2", "mechanism_drivers", deployment.mechanismDriver());
    s = s.baseline("ml2", "type_drivers", String.join(",", deployment.typeDrivers()));
    s = s.baseline("ml2", "tenant_network_types",
        String.join(",", deployment.projectNetworkTypes()));
    s = s.baseline("ml2", "project_network_types",
        String.join(",", deployment.projectNetworkTypes()));
    return s.baseline("ml2", "extension_drivers", String.join(",", deployment.extensionDrivers()));
  }

  @Override
  public Policies policies(CodeIndex index) {
    return Policies.read(index, "neutron.conf.policies");
  }

  @Override
  public Optional<String> policyCheckMethod() {
    return Optional.empty();
  }

  /**
   * A configured driver's method the manager runs ({@code mech_driver.py}'s {@code
   * create_port_postcommit}) is what a reader looks for, not the manager's loop over its
   * drivers that calls it.
   */
  @Override
  public boolean anchorsAtCallee(Step.Origin callee) {
    DriverDispatch drivers = found.drivers();
    CallbackTable callbacks = found.callbacks();
    // So is a subscriber the registry runs for a published event (the OVN router provider's
    // _process_router_create), not the publish.
    return drivers != null && drivers.files().contains(callee.path())
        || callbacks != null && callbacks.isSubscriber(callee.path(), callee.line());
  }

  /**
   * ovsdbapp keeps a replica of the northbound database in the server (its IDL): a lookup or a
   * get is answered there (ovn_client.py: "lookup() is a direct in-memory IDL access"); only a
   * transaction's writes reach OVN.
   */
  @Override
  public boolean readsLocally(String participant) {
    return participant.equals("ovn_nb");
  }

  /**
   * ovsdbapp's read commands too: {@code ls_get}, {@code lsp_get_up}, {@code db_find_rows}; and
   * the objects' tests of what the database holds: {@code objects_exist},
   * {@code network_has_no_subnet}.
   */
  @Override
  public Step.Effect requestEffect(String method) {
    return OVSDB_READS.matcher(method).find() || DB_TESTS.matcher(method).find()
        ? Step.Effect.READ : ProjectProfile.super.requestEffect(method);
  }

  private static final java.util.regex.Pattern DB_TESTS =
      java.util.regex.Pattern.compile("(^|_)exists?$|_has_");

  /**
   * The plugin's methods are the entry and the database layer at once: the rows they read are
   * what a GET does, and their own business in a request that writes, as a service's reads
   * are past the controller.
   */
  /** Another action's route called from this one ({@link NestedActions}), however deep. */
  @Override
  public boolean keepsNote(String text) {
    return NestedActions.isNote(text);
  }

  @Override
  public boolean drawsEntryReads(String request) {
    return request != null && request.startsWith("GET ");
  }

  private static final java.util.regex.Pattern OVSDB_READS = java.util.regex.Pattern.compile(
      "^(lookup|db_find\\w*|db_get|db_list\\w*)$|^[a-z]+_(get|list)(_|$)");

  /**
   * Neutron's loaders of a class by its entry-point alias or its path: {@code
   * NeutronManager.load_class_for_provider} and neutron-lib's {@code
   * load_class_by_alias_or_classname} (the IPAM driver, {@code cfg.CONF.ipam_driver}).
   */
  @Override
  public Optional<String> classByAlias(String loader, String namespace, String name) {
    return LOADERS.contains(loader) ? names.className(namespace, name) : Optional.empty();
  }

  private static final Set<String> LOADERS = Set.of("load_class_for_provider",
      "load_class_by_alias_or_classname");

  /**
   * {@code directory.get_plugin(plugin_constants.L3)}: the plugin loaded for that type (each
   * service plugin under the type its {@code get_plugin_type()} gives; the core plugin under
   * {@code CORE}).
   */
  @Override
  public Optional<String> factoryTypeFor(String function, String type) {
    return function.equals("neutron_lib.plugins.directory.get_plugin")
        ? Optional.ofNullable(found.services().get(type)) : Optional.empty();
  }

  @Override
  public boolean isSettings(String name) {
    return name.equals("CONF");
  }

  /** {@code context.session.merge(row)} gives back the session's copy of {@code row}. */
  @Override
  public boolean returnsItsArgument(Expr.Call call) {
    return call.func() instanceof Expr.Attribute a && a.attr().equals("merge")
        && onSession(a.value());
  }

  @Override
  public boolean isSpawner(Expr.Call call) {
    String name = Names.simpleName(call.func());
    return name != null && name.startsWith("spawn");
  }

  /**
   * SQLAlchemy used directly, as Neutron's older DB code and its segment allocations do:
   * {@code context.session.add(row)}, {@code session.query(Model).filter_by(...).update(...)}.
   * Reads ({@code first()}, {@code all()}) are the query's; only writes are messages.
   */
  @Override
  public Optional<String> unknownReceiverDatabaseCall(Expr.Call call) {
    if (ProjectProfile.savesItself(call)) {
      return Optional.of("database");
    }
    if (call.func() instanceof Expr.Attribute a && SESSION_WRITES.contains(a.attr())
        && onSession(a.value())) {
      return Optional.of("database");
    }
    return Optional.empty();
  }

  private static final Set<String> SESSION_WRITES = Set.of("add", "delete", "update", "merge",
      "bulk_save_objects", "bulk_insert_mappings", "execute");

  /** Whether an expression is a session or a query made on one. */
  private static boolean onSession(Expr e) {
    if (e instanceof Expr.Attribute a) {
      return a.attr().equals("session") || onSession(a.value());
    }
    if (e instanceof Expr.Name n) {
      return n.id().equals("session");
    }
    return e instanceof Expr.Call c && onSession(c.func());
  }

  /**
   * Neutron's objects write themselves with {@code create()} and {@code update()}; a segment
   * allocation object takes a row from its pool with {@code allocate()}.
   */
  @Override
  public boolean writesFields(String method) {
    return method.equals("create") || method.equals("update") || method.equals("allocate");
  }

  /**
   * A row created, updated with the values a request gives ({@code network.update(...)}),
   * deleted (one, or those a filter selects: {@code delete_objects}), or taken from an
   * allocation pool is a change of state: a Neutron resource is its record.
   */
  @Override
  public boolean isRecordLifecycle(String method) {
    return method.equals("create") || method.equals("update") || method.equals("delete")
        || method.equals("allocate") || method.equals("delete_objects");
  }
}
