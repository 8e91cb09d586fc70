package dev.novatrace.trace;

import static dev.novatrace.trace.Deployed.UNKNOWN;
import static dev.novatrace.trace.Deployed.compare;
import static dev.novatrace.trace.Deployed.constant;
import static dev.novatrace.trace.Deployed.convert;
import static dev.novatrace.trace.Deployed.truthy;

import dev.novatrace.config.Option;
import dev.novatrace.config.Settings;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import dev.novatrace.trace.Deployed.Builtin;
import dev.novatrace.trace.Deployed.Conf;
import dev.novatrace.trace.Deployed.Known;
import dev.novatrace.trace.SettingTests.Callee;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * What an expression comes to under the deployment's settings and policy ({@link Deployed}):
 * options read from the configuration object, literals, module constants, conversions and
 * comparisons of what is known, fields set on the path, and what a function of the tree returns
 * ({@link DecidedReturns}). The reading behind {@link SettingTests}.
 */
final class SettingReader {

  /** How deep a test may follow functions that return tests. */
  static final int CALL_DEPTH = 3;

  private static final Set<String> CONVERSIONS = Set.of("int", "str", "float", "bool");

  private final Settings settings;
  private final TraceProfile profile;
  private final Resolver resolver;
  private final PolicyAnswers policy;
  private final Gates gates;
  /** Options and rules no test may be decided on now (the {@link SettingTests}' own set). */
  private final Set<String> released;
  /** Fields set on the path to a value the deployment decides (the {@link SettingTests}'). */
  private final CarriedFields<Known> carried;
  private final DecidedReturns returns;

  /**
   * A reading of {@code settings} and of what {@code policy} answers; {@code resolver} (may be
   * null) finds what the calls in a called function's body call. {@code released} and {@code
   * carried} are shared with the {@link SettingTests} that change them as a trace goes.
   */
  SettingReader(Settings settings, TraceProfile profile, Resolver resolver, PolicyAnswers policy,
      Gates gates, Set<String> released, CarriedFields<Known> carried) {
    this.settings = settings;
    this.profile = profile;
    this.resolver = resolver;
    this.policy = policy;
    this.gates = gates;
    this.released = released;
    this.carried = carried;
    this.returns = new DecidedReturns(this, resolver);
  }

  /**
   * Where a test is read: its module and scope (null in a module alone), the function each call
   * runs (or null), the test a local name is bound to (or null), and the values the
   * parameters of a called function were bound to.
   */
  record Env(ModuleInfo module, Scope scope, Function<Expr.Call, Callee> callee,
      Function<String, Expr> locals, Map<String, Deployed> params,
      Function<String, String> literals, Map<String, Deployed> assigned) {
    Env(ModuleInfo module, Scope scope, Function<Expr.Call, Callee> callee,
        Function<String, Expr> locals, Map<String, Deployed> params) {
      this(module, scope, callee, locals, params, name -> null, null);
    }
  }

  /**
   * What {@code e} comes to where {@code env} reads it; {@code depth} counts the names and
   * returned functions followed to get there (at most {@link #CALL_DEPTH}).
   */
  Deployed value(Expr e, Env env, int depth) {
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
      Deployed checked = policyCheck(c, env);
      if (checked == UNKNOWN) {
        checked = builtinOrGet(c, env, depth);
      }
      return checked != UNKNOWN || depth >= CALL_DEPTH ? checked : returns.returned(c, env, depth);
    }
    return UNKNOWN;
  }

  /** {@code pair[0]} of a known list or tuple, by a known index. */
  private Deployed item(Expr.Subscript sub, Env env, int depth) {
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
  private Deployed builtinOrGet(Expr.Call c, Env env, int depth) {
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

  private Deployed name(Expr.Name n, Env env, int depth) {
    if (profile.isSettings(n.id())) {
      return new Conf(null);
    }
    if (env.assigned() != null && env.assigned().containsKey(n.id())) {
      return env.assigned().get(n.id());
    }
    Deployed passed = env.params().get(n.id());
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

  private Deployed attribute(Expr.Attribute a, Env env, int depth) {
    java.util.Optional<String> group = profile.settingsGroup(a.value());
    if (group.isPresent()) {
      return setting(group.get(), a.attr());
    }
    if (profile.isSettingsObject(a, env.module())) { // cfg.CONF
      return new Conf(null);
    }
    Deployed owner = value(a.value(), env, depth);
    if (!(owner instanceof Conf conf)) {
      Known set = carried.get(a.attr());
      if (set != null) {
        return set;
      }
      // A field only gated code sets holds its default where the gate is closed.
      return gates.field(a.attr()).flatMap(this::closed)
          .<Deployed>map(assumed -> new Known(false, List.of(assumed))).orElse(UNKNOWN);
    }
    if (conf.group() != null) {
      return setting(conf.group(), a.attr());
    }
    // CONF.x is an option of [DEFAULT] when one is so named, else the group x.
    Deployed inDefault = setting(Option.DEFAULT_GROUP, a.attr());
    return inDefault instanceof Known ? inDefault : new Conf(a.attr());
  }

  /** {@code ('default', 'qcow2')}: a list of what each item is, when every item is known. */
  private Deployed sequence(Expr.Sequence seq, Env env, int depth) {
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

  private Deployed setting(String group, String name) {
    return settings.get(group, name)
        .<Deployed>map(s -> s.value() == Option.UNKNOWN || released.contains(s.option().key())
            ? UNKNOWN : new Known(s.value(), List.of(Assumed.of(s))))
        .orElse(UNKNOWN);
  }

  /**
   * {@code context.can(rule, fatal=False)}: a check that only asks, answered by the
   * deployment's policy for the trace's caller.
   */
  private Deployed policyCheck(Expr.Call c, Env env) {
    if (policy == PolicyAnswers.NONE || resolver == null || env.scope() == null) {
      return UNKNOWN;
    }
    java.util.Optional<Expr> rule = profile.askedPolicy(c);
    if (rule.isEmpty()
        || !(resolver.valueOf(rule.get(), env.scope()) instanceof Value.StringValue name)) {
      return UNKNOWN;
    }
    String key = "policy " + name.value();
    if (released.contains(key)) {
      return UNKNOWN;
    }
    return policy.answer(name.value())
        .<Deployed>map(a -> new Known(a.allowed(), List.of(new Assumed(key, a.describe()))))
        .orElse(UNKNOWN);
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

  private Deployed operation(Expr.Operation op, Env env, int depth) {
    List<Expr> xs = op.operands();
    String o = op.op();
    if (o.equals("not") && xs.size() == 1) {
      Deployed v = value(xs.get(0), env, depth);
      return v instanceof Known k ? new Known(!truthy(k.value()), k.from()) : UNKNOWN;
    }
    if (o.equals("-") && xs.size() == 1) {
      Deployed v = value(xs.get(0), env, depth);
      return v instanceof Known k && k.value() instanceof Number n
          ? new Known(n instanceof Long l ? -l : -n.doubleValue(), k.from()) : UNKNOWN;
    }
    if (o.equals("and") || o.equals("or")) {
      return shortCircuit(o.equals("and"), xs, env, depth);
    }
    if (xs.size() == 2) {
      Deployed l = value(xs.get(0), env, depth);
      Deployed r = value(xs.get(1), env, depth);
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
  private Deployed shortCircuit(boolean and, List<Expr> xs, Env env, int depth) {
    List<Assumed> from = new ArrayList<>();
    boolean allKnown = true;
    for (Expr x : xs) {
      Deployed v = value(x, env, depth);
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

  /** {@code UNIFIED_LIMITS_DRIVER = "..."} at the top of the module: its value. */
  private static Deployed moduleConstant(String name, ModuleInfo module) {
    if (module == null) {
      return UNKNOWN;
    }
    Deployed found = UNKNOWN;
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
