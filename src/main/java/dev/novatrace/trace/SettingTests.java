package dev.novatrace.trace;

import static dev.novatrace.trace.Deployed.UNKNOWN;
import static dev.novatrace.trace.Deployed.same;
import static dev.novatrace.trace.Deployed.truthy;

import dev.novatrace.config.Settings;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import dev.novatrace.trace.Deployed.Known;
import dev.novatrace.trace.SettingReader.Env;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The truth of a test on the deployment's settings, as the settings a trace assumes decide it:
 * {@code CONF.quota.driver == UNIFIED_LIMITS_DRIVER}, {@code CONF.reclaim_instance_interval > 0},
 * {@code not CONF.workarounds.x and y}, or a call of a function of the tree that only returns such
 * a test ({@code limit_utils.use_unified_limits()}). The branch the settings take is the path a
 * cloud runs by default; the other is taken only where an operator sets an option otherwise.
 * What an expression comes to is {@link SettingReader}'s reading; this class keeps what a trace
 * changes as it goes (options let go of, fields set on the path) and what a closed gate or a
 * refusing policy check decides of an if.
 */
final class SettingTests {
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
  private final SettingReader reader;

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
    this.reader = new SettingReader(settings, profile, resolver, policy, gates, released,
        carried);
  }

  /** A function a call runs, and how many of its parameters the receiver fills. */
  record Callee(FunctionInfo function, int offset) {}

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
    Deployed v = reader.value(test, env(site), 0);
    if (!(v instanceof Known k) || k.from().isEmpty()) {
      return null;
    }
    return new Decision(truthy(k.value()), k.from());
  }

  private static Env env(Site site) {
    Map<String, Deployed> params = new HashMap<>();
    site.params().forEach((name, v) -> params.put(name, (Deployed) v));
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
      if (reader.value(arg, env, 0) instanceof Known k && !k.from().isEmpty()) {
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
    Deployed v = settings.isEmpty() && policy == PolicyAnswers.NONE ? UNKNOWN
        : reader.value(value, new Env(module, scope, callee, locals, Map.of()), 0);
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
        : gates.entered(block, resolve).flatMap(reader::closed);
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
          instanceof Value.StringValue name) {
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

}
