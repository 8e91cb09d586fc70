package dev.novatrace.trace;

import dev.novatrace.index.Names;

import dev.novatrace.config.Option;
import dev.novatrace.config.PyLiterals;
import dev.novatrace.config.Settings;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Param;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The truth of a test on the deployment's settings, as the settings a trace assumes decide it:
 * {@code CONF.quota.driver == UNIFIED_LIMITS_DRIVER}, {@code CONF.reclaim_instance_interval > 0},
 * {@code not CONF.workarounds.x and y}, or a call of a function of the tree that only returns such
 * a test ({@code limit_utils.use_unified_limits()}). The branch the settings take is the path a
 * cloud runs by default; the other is taken only where an operator sets an option otherwise.
 */
final class SettingTests {

  /** How deep a test may follow functions that return tests. */
  private static final int CALL_DEPTH = 3;

  /** What a test comes to, and the settings that decided it. */
  record Decision(boolean value, List<Assumed> assumed) {
    Decision {
      assumed = List.copyOf(assumed);
    }

    /** {@code [quota] driver set otherwise}: when the other branch runs. */
    String otherwise() {
      return String.join(" or ", assumed.stream().map(Assumed::key).distinct().toList())
          + " set otherwise";
    }

    /** {@code [quota] driver = nova.quota.DbQuotaDriver (default)}, joined with "; ". */
    String describe() {
      return String.join("; ", assumed.stream().map(Assumed::describe).distinct().toList());
    }
  }

  private final Settings settings;
  private final TraceProfile profile;
  private final Resolver resolver;
  private final PolicyAnswers policy;
  private final FunctionLocals functionLocals = new FunctionLocals();
  private final Gates gates;
  /**
   * Options and rules no test may be decided on now: while the branch taken where one is set
   * otherwise is traced, its default does not hold (what value it has is not known).
   */
  private final Set<String> released = new TreeSet<>();
  /**
   * Fields set on the path so far to a value the deployment decides, by name: {@code
   * Destination(allow_cross_cell_move=allowed)} in the API is what the conductor reads from
   * {@code request_spec.requested_destination.allow_cross_cell_move} after the cast.
   */
  private final CarriedFields<Known> carried = new CarriedFields<>();

  SettingTests(Settings settings, TraceProfile profile) {
    this(settings, profile, null, PolicyAnswers.NONE);
  }

  /** As the full constructor, with no gates. */
  SettingTests(Settings settings, TraceProfile profile, Resolver resolver, PolicyAnswers policy) {
    this(settings, profile, resolver, policy, new Gates(null, List.of()));
  }

  /**
   * Tests decided by {@code settings} and by what {@code policy} answers; {@code resolver}
   * (may be null) finds what the calls in a called function's body call.
   */
  SettingTests(Settings settings, TraceProfile profile, Resolver resolver, PolicyAnswers policy,
      Gates gates) {
    this.gates = gates;
    this.settings = settings;
    this.profile = profile;
    this.resolver = resolver;
    this.policy = policy;
  }

  /** A function a call runs, and how many of its parameters the receiver fills. */
  record Callee(FunctionInfo function, int offset) {}

  /**
   * Where a test is read: its module and scope (null in a module alone), the function each call
   * runs (or null), the test a local name is bound to (or null), and the values the
   * parameters of a called function were bound to.
   */
  private record Env(ModuleInfo module, Scope scope, Function<Expr.Call, Callee> callee,
      Function<String, Expr> locals, Map<String, Value> params, Function<String, String> literals,
      Map<String, Value> assigned) {
    Env(ModuleInfo module, Scope scope, Function<Expr.Call, Callee> callee,
        Function<String, Expr> locals, Map<String, Value> params) {
      this(module, scope, callee, locals, params, name -> null, null);
    }
  }

  /**
   * Where the tracer reads a test: the frame's module and scope, what its calls run, the tests
   * and literals its names are bound to, and what the deployment decides of its parameters
   * (values its caller passed: {@link #decidedArgs}).
   */
  record Site(ModuleInfo module, Scope scope, Function<Expr.Call, Callee> callee,
      Function<String, Expr> locals, Function<String, String> literals,
      Map<String, Object> params) {}

  /**
   * The truth of {@code test} in {@code module}, or null when the settings do not decide it (or
   * no setting takes part). {@code callee}: the function a call of the tree resolves to, if any.
   */
  Decision decide(Expr test, ModuleInfo module, Function<Expr.Call, FunctionInfo> callee) {
    return decide(test, module, null, c -> {
      FunctionInfo fn = callee.apply(c);
      return fn == null ? null : new Callee(fn, fn.owner() == null ? 0 : 1);
    }, name -> null);
  }

  /**
   * As the other {@code decide}, in {@code scope}; {@code locals} gives the test a local name
   * was bound to ({@code offload = CONF.shelved_offload_time == 0}), or null.
   */
  Decision decide(Expr test, ModuleInfo module, Scope scope, Function<Expr.Call, Callee> callee,
      Function<String, Expr> locals) {
    return decide(test, new Site(module, scope, callee, locals, name -> null, Map.of()));
  }

  /** As the other {@code decide}, where the tracer is ({@code site}). */
  Decision decide(Expr test, Site site) {
    if (settings.isEmpty() && policy == PolicyAnswers.NONE) {
      return null;
    }
    Value v = value(test, env(site), 0);
    if (!(v instanceof Known k) || k.from().isEmpty()) {
      return null;
    }
    return new Decision(truthy(k.value()), k.from());
  }

  private static Env env(Site site) {
    Map<String, Value> params = new HashMap<>();
    site.params().forEach((name, v) -> params.put(name, (Value) v));
    return new Env(site.module(), site.scope(), site.callee(), site.locals(), params,
        site.literals(), null);
  }

  /**
   * What the deployment decides of the arguments a call passes ({@code power_off(instance,
   * timeout, ...)} with {@code timeout} read from {@code CONF.shutdown_timeout}), by the
   * callee's parameter names: values for its frame's {@link Site#params}. Opaque to the caller.
   */
  Map<String, Object> decidedArgs(Map<String, Expr> passed, Site site) {
    if (settings.isEmpty() || passed.isEmpty()) {
      return Map.of();
    }
    Env env = env(site);
    Map<String, Object> out = new java.util.TreeMap<>();
    passed.forEach((name, arg) -> {
      if (value(arg, env, 0) instanceof Known k && !k.from().isEmpty()) {
        out.put(name, k);
      }
    });
    return out;
  }

  /** A text for a memo key of what {@link #decidedArgs} gave. */
  static String key(Map<String, Object> decided) {
    StringBuilder b = new StringBuilder();
    decided.forEach((name, v) -> b.append(name).append('=')
        .append(v instanceof Known k ? String.valueOf(k.value()) : "?").append(';'));
    return b.toString();
  }

  private sealed interface Value {}

  /** A value known, and what about the deployment it was read from. */
  private record Known(Object value, List<Assumed> from) implements Value {}

  /** The configuration object itself ({@code CONF}) or one of its groups. */
  private record Conf(String group) implements Value {}

  private record Unknown() implements Value {}

  private static final Unknown UNKNOWN = new Unknown();

  private Value value(Expr e, Env env, int depth) {
    if (e instanceof Expr.Constant c) {
      return constant(c);
    }
    if (e instanceof Expr.Name n) {
      return name(n, env, depth);
    }
    if (e instanceof Expr.Attribute a) {
      return attribute(a, env, depth);
    }
    if (e instanceof Expr.Operation op) {
      return operation(op, env, depth);
    }
    if (e instanceof Expr.Sequence seq && seq.kind() != Expr.SeqKind.GENERATOR
        && seq.kind() != Expr.SeqKind.DICT) {
      return sequence(seq, env, depth);
    }
    if (e instanceof Expr.Subscript sub) {
      return item(sub, env, depth);
    }
    if (e instanceof Expr.Call c && c.func() instanceof Expr.Attribute get
        && get.attr().equals("safe_get") && c.args().size() == 1
        && Names.string(c.args().get(0).value()) != null
        && profile.settingsGroup(get.value()).isPresent()) {
      // self.configuration.safe_get('backup_use_temp_snapshot'): the option, by its name.
      return setting(profile.settingsGroup(get.value()).get(),
          Names.string(c.args().get(0).value()));
    }
    if (e instanceof Expr.Call c) {
      Value checked = policyCheck(c, env);
      if (checked == UNKNOWN) {
        checked = builtinOrGet(c, env, depth);
      }
      return checked != UNKNOWN || depth >= CALL_DEPTH ? checked : returned(c, env, depth);
    }
    return UNKNOWN;
  }

  /** A builtin that converts a value ({@code int}, {@code str}, ...), named or passed. */
  private record Builtin(String name) implements Value {}

  private static final Set<String> CONVERSIONS = Set.of("int", "str", "float", "bool");

  /** {@code pair[0]} of a known list or tuple, by a known index. */
  private Value item(Expr.Subscript sub, Env env, int depth) {
    if (value(sub.value(), env, depth) instanceof Known list && list.value() instanceof List<?> l
        && value(sub.index(), env, depth) instanceof Known i && i.value() instanceof Long at
        && at >= 0 && at < l.size()) {
      List<Assumed> from = new ArrayList<>(list.from());
      from.addAll(i.from());
      return new Known(l.get(at.intValue()), from);
    }
    return UNKNOWN;
  }

  /**
   * {@code int(x)} of a known x; and {@code d.get(key, default)} of a mapping the tree cannot
   * see into (an instance's metadata): the default, where nothing set the key, which is what
   * the diagram then assumes ({@code instance.system_metadata['image_os_shutdown_timeout'] not
   * set}).
   */
  private Value builtinOrGet(Expr.Call c, Env env, int depth) {
    List<dev.novatrace.python.ast.Arg> args = c.args();
    boolean positional = args.stream()
        .allMatch(a -> a.kind() == dev.novatrace.python.ast.Arg.Kind.POSITIONAL);
    if (c.func() instanceof Expr.Name && args.size() == 1 && positional
        && value(c.func(), env, depth) instanceof Builtin b
        && value(args.get(0).value(), env, depth) instanceof Known k) {
      Object converted = convert(b.name(), k.value());
      return converted == Option.UNKNOWN ? UNKNOWN : new Known(converted, k.from());
    }
    if (c.func() instanceof Expr.Attribute get && get.attr().equals("get") && args.size() == 2
        && positional && value(args.get(0).value(), env, depth) instanceof Known key
        && key.value() instanceof String k
        && value(args.get(1).value(), env, depth) instanceof Known dflt && !dflt.from().isEmpty()) {
      String where = env.module().ast().text(get.value().pos());
      List<Assumed> from = new ArrayList<>(dflt.from());
      from.addAll(key.from());
      from.add(new Assumed(where + "['" + k + "']", where + "['" + k + "'] not set"));
      return new Known(dflt.value(), from);
    }
    return UNKNOWN;
  }

  private static Object convert(String builtin, Object v) {
    switch (builtin) {
      case "bool":
        return truthy(v);
      case "str":
        return v instanceof String ? v : Option.UNKNOWN;
      case "int":
        return v instanceof Long ? v : v instanceof Double d ? (Object) (long) d.doubleValue()
            : v instanceof Boolean bo ? (Object) (bo ? 1L : 0L) : Option.UNKNOWN;
      case "float":
        return v instanceof Number n ? (Object) n.doubleValue() : Option.UNKNOWN;
      default:
        return Option.UNKNOWN;
    }
  }

  private Value name(Expr.Name n, Env env, int depth) {
    if (profile.isSettings(n.id())) {
      return new Conf(null);
    }
    if (env.assigned() != null && env.assigned().containsKey(n.id())) {
      return env.assigned().get(n.id());
    }
    Value passed = env.params().get(n.id());
    if (passed != null) {
      return passed;
    }
    // A local bound to a test: that test (depth bounds a name bound to itself).
    Expr bound = depth < CALL_DEPTH ? env.locals().apply(n.id()) : null;
    if (bound != null) {
      return value(bound, env, depth + 1);
    }
    Object literal = literalValue(env.literals().apply(n.id()));
    if (literal != Option.UNKNOWN) {
      return new Known(literal, List.of());
    }
    if (CONVERSIONS.contains(n.id()) && env.scope() != null && env.scope().param(n.id()) == null
        && env.scope().local(n.id()) == null) {
      return new Builtin(n.id());
    }
    return moduleConstant(n.id(), env.module());
  }

  /** The value of a literal's text as the tracer keeps it ({@code None}, {@code 'x'}, 3). */
  private static Object literalValue(String text) {
    String fixed = LiteralFlags.fixed(text);
    if (fixed == null) {
      return Option.UNKNOWN;
    }
    switch (fixed) {
      case "None":
        return null;
      case "True":
        return true;
      case "False":
        return false;
      default:
        if (fixed.startsWith("'")) {
          return fixed.substring(1, fixed.length() - 1);
        }
        return fixed.length() > 18 ? Option.UNKNOWN : (Object) Long.parseLong(fixed);
    }
  }

  private Value attribute(Expr.Attribute a, Env env, int depth) {
    java.util.Optional<String> group = profile.settingsGroup(a.value());
    if (group.isPresent()) {
      return setting(group.get(), a.attr());
    }
    Value owner = value(a.value(), env, depth);
    if (!(owner instanceof Conf conf)) {
      Known set = carried.get(a.attr());
      if (set != null) {
        return set;
      }
      // A field only gated code sets holds its default where the gate is closed.
      return gates.field(a.attr()).flatMap(this::closed)
          .<Value>map(assumed -> new Known(false, List.of(assumed))).orElse(UNKNOWN);
    }
    if (conf.group() != null) {
      return setting(conf.group(), a.attr());
    }
    // CONF.x is an option of [DEFAULT] when one is so named, else the group x.
    Value inDefault = setting(Option.DEFAULT_GROUP, a.attr());
    return inDefault instanceof Known ? inDefault : new Conf(a.attr());
  }

  /** {@code ('default', 'qcow2')}: a list of what each item is, when every item is known. */
  private Value sequence(Expr.Sequence seq, Env env, int depth) {
    List<Object> items = new ArrayList<>();
    List<Assumed> from = new ArrayList<>();
    for (Expr x : seq.elements()) {
      if (!(value(x, env, depth) instanceof Known k)) {
        return UNKNOWN;
      }
      items.add(k.value());
      from.addAll(k.from());
    }
    return new Known(items, from);
  }

  private Value setting(String group, String name) {
    return settings.get(group, name)
        .<Value>map(s -> s.value() == Option.UNKNOWN || released.contains(s.option().key())
            ? UNKNOWN : new Known(s.value(), List.of(Assumed.of(s))))
        .orElse(UNKNOWN);
  }

  /**
   * {@code context.can(rule, fatal=False)}: a check that only asks, answered by the
   * deployment's policy for the trace's caller.
   */
  private Value policyCheck(Expr.Call c, Env env) {
    if (policy == PolicyAnswers.NONE || resolver == null || env.scope() == null) {
      return UNKNOWN;
    }
    java.util.Optional<Expr> rule = profile.askedPolicy(c);
    if (rule.isEmpty()
        || !(resolver.valueOf(rule.get(), env.scope()) instanceof dev.novatrace.trace.Value
            .StringValue name)) {
      return UNKNOWN;
    }
    String key = "policy " + name.value();
    if (released.contains(key)) {
      return UNKNOWN;
    }
    return policy.answer(name.value())
        .<Value>map(a -> new Known(a.allowed(), List.of(new Assumed(key, a.describe()))))
        .orElse(UNKNOWN);
  }

  /**
   * A field set on the path ({@code x.f = value}, {@code Thing(f=value)}): what the deployment
   * decides of the value is what a later test reads of any {@code y.f}, after the object
   * travels over RPC too; a value it does not decide makes the field unknown again. Set in a
   * branch ({@code inBranch}), the value holds after it only where no other value was known:
   * both branches of {@code if host: Destination(host=host, f=x) else: Destination(f=x)} set
   * the same, and a diagram follows what its branches do.
   */
  void carry(String field, Expr value, boolean inBranch, ModuleInfo module, Scope scope,
      Function<Expr.Call, Callee> callee, Function<String, Expr> locals) {
    Value v = settings.isEmpty() && policy == PolicyAnswers.NONE ? UNKNOWN
        : value(value, new Env(module, scope, callee, locals, Map.of()), 0);
    Known k = v instanceof Known known && !known.from().isEmpty() ? known : null;
    Known before = carried.peek(field);
    if (k == null && before == null) {
      return;
    }
    if (inBranch && k != null && before != null && !same(before.value(), k.value())) {
      k = null; // two values, depending on a branch: neither is known after it
    }
    put(field, k);
  }

  private void put(String field, Known k) {
    carried.put(field, k);
  }

  /** Forgets the fields set so far: a new path begins. */
  void newPath() {
    carried.clear();
  }

  /** Starts noting what a function's trace reads and writes of the fields set on the path. */
  void journal() {
    carried.begin();
  }

  /** Stops the innermost noting: what it noted, kept with the trace. */
  CarriedFields.Journal<?> endJournal() {
    return carried.end();
  }

  /** Whether a remembered trace holds for the fields set now. */
  @SuppressWarnings("unchecked")
  boolean holds(CarriedFields.Journal<?> journal) {
    return carried.holds((CarriedFields.Journal<Known>) journal);
  }

  /** Reuses a remembered trace: what it read and wrote of the fields. */
  @SuppressWarnings("unchecked")
  void replay(CarriedFields.Journal<?> journal) {
    carried.replay((CarriedFields.Journal<Known>) journal);
  }

  /** What keeps {@code gate} closed: its rule denies the caller (and is not let go of). */
  java.util.Optional<Assumed> closed(Gate gate) {
    String key = "policy " + gate.rule();
    if (released.contains(key)) {
      return java.util.Optional.empty();
    }
    return policy.answer(gate.rule()).filter(a -> !a.allowed())
        .map(a -> new Assumed(key, a.describe()));
  }

  /**
   * An if whose one branch the caller cannot run: it enters code a closed gate keeps ({@code if
   * not self._is_selected_host_in_source_cell(selection): <cross-cell task>}), or it starts with
   * a policy check that refuses the caller ({@code if host_name: context.can(...migrate:host)},
   * an admin's rule, raises for a manager). The other branch is the path.
   */
  Decision gated(Stmt.If s, Scope scope,
      java.util.function.Function<Expr.Call, ModuleInfo> resolve) {
    java.util.Optional<Assumed> body = shut(s.body(), scope, resolve);
    if (body.isPresent()) {
      return new Decision(false, List.of(body.get()));
    }
    return shut(s.orElse(), scope, resolve).map(a -> new Decision(true, List.of(a)))
        .orElse(null);
  }

  private java.util.Optional<Assumed> shut(List<Stmt> block, Scope scope,
      java.util.function.Function<Expr.Call, ModuleInfo> resolve) {
    java.util.Optional<Assumed> refused = refused(block, scope);
    return refused.isPresent() || gates.isEmpty() ? refused
        : gates.entered(block, resolve).flatMap(this::closed);
  }

  /** The first policy check of a block's own statements, where it refuses the caller. */
  private java.util.Optional<Assumed> refused(List<Stmt> block, Scope scope) {
    if (policy == PolicyAnswers.NONE || resolver == null || scope == null) {
      return java.util.Optional.empty();
    }
    for (Stmt st : block) {
      if (!(st instanceof Stmt.ExprStmt e) || !(e.value() instanceof Expr.Call c)) {
        continue;
      }
      java.util.Optional<Expr> rule = profile.enforcedPolicy(c);
      if (rule.isPresent() && resolver.valueOf(rule.get(), scope)
          instanceof dev.novatrace.trace.Value.StringValue name) {
        String key = "policy " + name.value();
        if (released.contains(key)) {
          return java.util.Optional.empty();
        }
        return policy.answer(name.value()).filter(a -> !a.allowed())
            .map(a -> new Assumed(key, a.describe()));
      }
    }
    return java.util.Optional.empty();
  }

  /**
   * Lets go of what {@code d} assumed, for as long as the branch it does not take is traced;
   * returns what it let go of, for {@link #restore}.
   */
  List<String> release(Decision d) {
    List<String> now = new ArrayList<>();
    for (Assumed a : d.assumed()) {
      if (released.add(a.key())) {
        now.add(a.key());
      }
    }
    return now;
  }

  /** Holds the defaults {@link #release} let go of again. */
  void restore(List<String> keys) {
    keys.forEach(released::remove);
  }

  /** What is let go of now: part of what a function's trace depends on. */
  String releasedKey() {
    return released.isEmpty() ? "" : released.toString();
  }

  /**
   * What a function of the tree returns, where the deployment decides it: each return its
   * decided tests let run gives the same value ({@code allowed = context.can(...); if allowed:
   * ...; return allowed}). Its parameters hold what the call passes them, or their defaults.
   */
  private Value returned(Expr.Call c, Env env, int depth) {
    Callee callee = env.callee().apply(c);
    if (callee == null) {
      return UNKNOWN;
    }
    FunctionInfo fn = callee.function();
    Map<String, Value> params = new HashMap<>();
    List<Param> declared = fn.ast().params();
    for (int i = callee.offset(); i < declared.size(); i++) {
      if (declared.get(i).defaultValue() instanceof Expr.Constant k) {
        params.put(declared.get(i).name(), constant(k));
      }
    }
    Arguments.passed(declared, callee.offset(), c)
        .forEach((name, arg) -> params.put(name, value(arg, env, depth)));
    declared.forEach(p -> params.putIfAbsent(p.name(), UNKNOWN));
    Scope scope = resolver == null ? null : resolver.scopeOf(fn);
    Function<Expr.Call, Callee> inner = scope == null ? x -> null : x -> calleeIn(x, scope);
    Map<String, Expr> locals = functionLocals.of(fn);
    Returns r = new Returns();
    Env body = new Env(fn.module(), scope, inner, locals::get, params, name -> null,
        new HashMap<>());
    if (returns(fn.ast().body(), body, depth + 1, r)) {
      r.values.add(new Known(null, List.of())); // falling off the end returns None
    }
    return r.result();
  }

  /** The function a call in {@code scope} runs, if the resolver finds one. */
  private Callee calleeIn(Expr.Call c, Scope scope) {
    return resolver.valueOf(c.func(), scope) instanceof dev.novatrace.trace.Value.FunctionValue fv
        ? new Callee(fv.function(), fv.receiverOffset()) : null;
  }

  /** The values a function's returns give, as far as its decided tests let them run. */
  private static final class Returns {
    final List<Known> values = new ArrayList<>();
    final List<Assumed> decidedBy = new ArrayList<>();
    boolean unknown;

    Value result() {
      if (unknown || values.isEmpty()) {
        return UNKNOWN;
      }
      Object first = values.get(0).value();
      List<Assumed> from = new ArrayList<>(decidedBy);
      for (Known k : values) {
        if (!same(first, k.value())) {
          return UNKNOWN;
        }
        from.addAll(k.from());
      }
      return new Known(first, from);
    }
  }

  /**
   * Reads a block for its returns: true when its end can be reached. A loop, with or try that
   * holds a return is more than this reading follows.
   */
  private boolean returns(List<Stmt> body, Env env, int depth, Returns r) {
    for (Stmt s : body) {
      if (r.unknown) {
        return false;
      }
      if (s instanceof Stmt.Return ret) {
        Value v = ret.value() == null ? new Known(null, List.of()) : value(ret.value(), env, depth);
        if (v instanceof Known k) {
          r.values.add(k);
        } else {
          r.unknown = true;
        }
        return false;
      }
      if (s instanceof Stmt.Raise) {
        return false;
      }
      if (s instanceof Stmt.Assign a) {
        assign(a, env, depth);
      } else if (s instanceof Stmt.If i) {
        if (!branches(i, env, depth, r)) {
          return false;
        }
      } else if (s instanceof Stmt.Try t) {
        // The body is the path; a handler is a failure's (its returns are not this reading's).
        if (!returns(t.body(), env, depth, r) || !returns(t.orElse(), env, depth, r)
            || !returns(t.finalBody(), env, depth, r)) {
          return false;
        }
      } else if (s instanceof Stmt.With w) {
        if (!returns(w.body(), env, depth, r)) {
          return false;
        }
      } else if (!(s instanceof Stmt.FunctionDef || s instanceof Stmt.ClassDef)) {
        if (holdsReturn(List.of(s))) {
          r.unknown = true;
          return false;
        }
        forget(s, env); // a loop's assignments may or may not run
      }
    }
    return true;
  }

  /** {@code name = value} and {@code a, b = pair} as the reading goes. */
  private void assign(Stmt.Assign a, Env env, int depth) {
    Value v = value(a.value(), env, depth);
    for (Expr t : a.targets()) {
      if (t instanceof Expr.Name n) {
        env.assigned().put(n.id(), v);
      } else if (t instanceof Expr.Sequence seq && v instanceof Known k
          && k.value() instanceof List<?> items && items.size() == seq.elements().size()) {
        for (int i = 0; i < items.size(); i++) {
          if (seq.elements().get(i) instanceof Expr.Name n) {
            env.assigned().put(n.id(), new Known(items.get(i), k.from()));
          }
        }
      } else if (t instanceof Expr.Sequence seq) {
        seq.elements().forEach(x -> {
          if (x instanceof Expr.Name n) {
            env.assigned().put(n.id(), UNKNOWN);
          }
        });
      }
    }
  }

  /** An if in the reading: the branch a decided test takes, else both, names merged after. */
  private boolean branches(Stmt.If i, Env env, int depth, Returns r) {
    Value test = value(i.test(), env, depth);
    if (test instanceof Known k) {
      r.decidedBy.addAll(k.from());
      return returns(truthy(k.value()) ? i.body() : i.orElse(), env, depth, r);
    }
    Env first = copy(env);
    Env second = copy(env);
    boolean body1 = returns(i.body(), first, depth, r);
    boolean body2 = returns(i.orElse(), second, depth, r);
    if (!body1 && !body2) {
      return false;
    }
    Map<String, Value> joined = body1 && body2 ? join(first.assigned(), second.assigned())
        : body1 ? first.assigned() : second.assigned();
    env.assigned().clear();
    env.assigned().putAll(joined);
    return true;
  }

  private static Env copy(Env env) {
    return new Env(env.module(), env.scope(), env.callee(), env.locals(), env.params(),
        env.literals(), new HashMap<>(env.assigned()));
  }

  /** What two branches leave: a name both bind the same holds it, else nothing known. */
  private static Map<String, Value> join(Map<String, Value> a, Map<String, Value> b) {
    Map<String, Value> out = new HashMap<>();
    Set<String> names = new TreeSet<>(a.keySet());
    names.addAll(b.keySet());
    for (String n : names) {
      Value x = a.get(n);
      Value y = b.get(n);
      out.put(n, x instanceof Known kx && y instanceof Known ky && same(kx.value(), ky.value())
          ? x : UNKNOWN);
    }
    return out;
  }

  /** Names a statement may bind, unknown after it. */
  private static void forget(Stmt s, Env env) {
    dev.novatrace.index.StatementWalker.forEach(List.of(s), st -> {
      if (st instanceof Stmt.Assign a) {
        a.targets().forEach(t -> {
          if (t instanceof Expr.Name n) {
            env.assigned().put(n.id(), UNKNOWN);
          }
        });
      } else if (st instanceof Stmt.AugAssign a && a.target() instanceof Expr.Name n) {
        env.assigned().put(n.id(), UNKNOWN);
      } else if (st instanceof Stmt.For f && f.target() instanceof Expr.Name n) {
        env.assigned().put(n.id(), UNKNOWN);
      }
    });
  }

  private static boolean holdsReturn(List<Stmt> body) {
    return body.stream().anyMatch(s -> s instanceof Stmt.Return
        || dev.novatrace.index.StatementWalker.children(s).stream().anyMatch(SettingTests::holdsReturn));
  }

  private Value operation(Expr.Operation op, Env env, int depth) {
    List<Expr> xs = op.operands();
    String o = op.op();
    if (o.equals("not") && xs.size() == 1) {
      Value v = value(xs.get(0), env, depth);
      return v instanceof Known k ? new Known(!truthy(k.value()), k.from()) : UNKNOWN;
    }
    if (o.equals("-") && xs.size() == 1) {
      Value v = value(xs.get(0), env, depth);
      return v instanceof Known k && k.value() instanceof Number n
          ? new Known(n instanceof Long l ? -l : -n.doubleValue(), k.from()) : UNKNOWN;
    }
    if (o.equals("and") || o.equals("or")) {
      return shortCircuit(o.equals("and"), xs, env, depth);
    }
    if (xs.size() == 2) {
      Value l = value(xs.get(0), env, depth);
      Value r = value(xs.get(1), env, depth);
      if (l instanceof Known a && r instanceof Known b) {
        Boolean result = compare(o, a.value(), b.value());
        if (result != null) {
          List<Assumed> from = new ArrayList<>(a.from());
          from.addAll(b.from());
          return new Known(result, from);
        }
      }
    }
    return UNKNOWN;
  }

  /**
   * {@code a and b}: one falsy operand known decides it, whatever the others are; all known
   * decide it too. {@code or} alike with a truthy one.
   */
  private Value shortCircuit(boolean and, List<Expr> xs, Env env, int depth) {
    List<Assumed> from = new ArrayList<>();
    boolean allKnown = true;
    for (Expr x : xs) {
      Value v = value(x, env, depth);
      if (!(v instanceof Known k)) {
        allKnown = false;
      } else if (truthy(k.value()) != and) {
        return new Known(!and, k.from());
      } else {
        from.addAll(k.from());
      }
    }
    return allKnown ? new Known(and, from) : UNKNOWN;
  }

  private static Boolean compare(String op, Object a, Object b) {
    switch (op) {
      case "==":
        return same(a, b);
      case "!=":
        return !same(a, b);
      case "is":
        return a == null || b == null ? a == b : same(a, b);
      case "is not":
        return a == null || b == null ? a != b : !same(a, b);
      case "in":
      case "not in":
        if (b instanceof List<?> list) {
          boolean in = list.stream().anyMatch(x -> same(a, x));
          return op.equals("in") == in;
        }
        if (a instanceof String s && b instanceof String t) {
          return op.equals("in") == t.contains(s);
        }
        return null;
      default:
        if (a instanceof Number x && b instanceof Number y) {
          int c = Double.compare(x.doubleValue(), y.doubleValue());
          return switch (op) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            default -> null;
          };
        }
        return null;
    }
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
    }
    return Objects.equals(a, b);
  }

  /** Python's truth of a value. */
  static boolean truthy(Object v) {
    if (v == null) {
      return false;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof Long l) {
      return l != 0;
    }
    if (v instanceof Double d) {
      return d != 0;
    }
    if (v instanceof String s) {
      return !s.isEmpty();
    }
    if (v instanceof List<?> l) {
      return !l.isEmpty();
    }
    return true;
  }

  /** A literal, read as option defaults are read. */
  private static Value constant(Expr.Constant c) {
    Object v = PyLiterals.constant(c);
    return v == Option.UNKNOWN ? UNKNOWN : new Known(v, List.of());
  }

  /** {@code UNIFIED_LIMITS_DRIVER = "..."} at the top of the module: its value. */
  private static Value moduleConstant(String name, ModuleInfo module) {
    if (module == null) {
      return UNKNOWN;
    }
    Value found = UNKNOWN;
    for (Stmt s : module.body()) {
      if (s instanceof Stmt.Assign a && a.targets().size() == 1
          && a.targets().get(0) instanceof Expr.Name n && n.id().equals(name)) {
        // Assigned twice at the top: not a constant.
        if (found != UNKNOWN || !(a.value() instanceof Expr.Constant c)) {
          return UNKNOWN;
        }
        found = constant(c);
      }
    }
    return found;
  }
}
