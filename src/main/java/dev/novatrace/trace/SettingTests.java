package dev.novatrace.trace;

import dev.novatrace.config.Option;
import dev.novatrace.config.PyLiterals;
import dev.novatrace.config.Settings;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.List;
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
  record Decision(boolean value, List<Settings.Setting> assumed) {
    Decision {
      assumed = List.copyOf(assumed);
    }

    /** {@code [quota] driver set otherwise}: when the other branch runs. */
    String otherwise() {
      return String.join(" or ", assumed.stream().map(s -> s.option().key()).distinct().toList())
          + " set otherwise";
    }

    /** {@code [quota] driver = nova.quota.DbQuotaDriver (default)}, joined with "; ". */
    String describe() {
      return String.join("; ", assumed.stream().map(Settings.Setting::describe).distinct()
          .toList());
    }
  }

  private final Settings settings;
  private final TraceProfile profile;
  /**
   * Options no test may be decided on now: while the branch taken where an option is set
   * otherwise is traced, that option's default does not hold (what value it has is not known).
   */
  private final Set<String> released = new TreeSet<>();
  /** The local names of the function whose test is being decided (see decide). */
  private Function<String, Expr> locals = name -> null;

  SettingTests(Settings settings, TraceProfile profile) {
    this.settings = settings;
    this.profile = profile;
  }

  /**
   * The truth of {@code test} in {@code module}, or null when the settings do not decide it (or
   * no setting takes part). {@code callee}: the function a call of the tree resolves to, if any.
   */
  Decision decide(Expr test, ModuleInfo module, Function<Expr.Call, FunctionInfo> callee) {
    return decide(test, module, callee, name -> null);
  }

  /**
   * As the other {@code decide}; {@code locals} gives the test a local name was bound to
   * ({@code offload = CONF.shelved_offload_time == 0}), or null.
   */
  Decision decide(Expr test, ModuleInfo module, Function<Expr.Call, FunctionInfo> callee,
      Function<String, Expr> locals) {
    if (settings.isEmpty()) {
      return null;
    }
    this.locals = locals;
    Value v = value(test, module, callee, 0);
    if (!(v instanceof Known k) || k.from().isEmpty()) {
      return null;
    }
    return new Decision(truthy(k.value()), k.from());
  }

  private sealed interface Value {}

  /** A value known, and the settings it was read from. */
  private record Known(Object value, List<Settings.Setting> from) implements Value {}

  /** The configuration object itself ({@code CONF}) or one of its groups. */
  private record Conf(String group) implements Value {}

  private record Unknown() implements Value {}

  private static final Unknown UNKNOWN = new Unknown();

  private Value value(Expr e, ModuleInfo module, Function<Expr.Call, FunctionInfo> callee,
      int depth) {
    if (e instanceof Expr.Constant c) {
      return constant(c);
    }
    if (e instanceof Expr.Name n) {
      if (profile.isSettings(n.id())) {
        return new Conf(null);
      }
      // A local bound to a test: that test (depth bounds a name bound to itself).
      Expr bound = depth < CALL_DEPTH ? locals.apply(n.id()) : null;
      return bound != null ? value(bound, module, callee, depth + 1)
          : moduleConstant(n.id(), module);
    }
    if (e instanceof Expr.Attribute a) {
      return attribute(a, module, callee, depth);
    }
    if (e instanceof Expr.Operation op) {
      return operation(op, module, callee, depth);
    }
    if (e instanceof Expr.Sequence seq && seq.kind() != Expr.SeqKind.GENERATOR
        && seq.kind() != Expr.SeqKind.DICT) {
      return sequence(seq, module, callee, depth);
    }
    if (e instanceof Expr.Call c && c.args().isEmpty() && depth < CALL_DEPTH) {
      return returned(c, callee, depth);
    }
    return UNKNOWN;
  }

  private Value attribute(Expr.Attribute a, ModuleInfo module,
      Function<Expr.Call, FunctionInfo> callee, int depth) {
    java.util.Optional<String> group = profile.settingsGroup(a.value());
    if (group.isPresent()) {
      return setting(group.get(), a.attr());
    }
    Value owner = value(a.value(), module, callee, depth);
    if (!(owner instanceof Conf conf)) {
      return UNKNOWN;
    }
    if (conf.group() != null) {
      return setting(conf.group(), a.attr());
    }
    // CONF.x is an option of [DEFAULT] when one is so named, else the group x.
    Value inDefault = setting(Option.DEFAULT_GROUP, a.attr());
    return inDefault instanceof Known ? inDefault : new Conf(a.attr());
  }

  /** {@code ('default', 'qcow2')}: a list of what each item is, when every item is known. */
  private Value sequence(Expr.Sequence seq, ModuleInfo module,
      Function<Expr.Call, FunctionInfo> callee, int depth) {
    List<Object> items = new ArrayList<>();
    List<Settings.Setting> from = new ArrayList<>();
    for (Expr x : seq.elements()) {
      if (!(value(x, module, callee, depth) instanceof Known k)) {
        return UNKNOWN;
      }
      items.add(k.value());
      from.addAll(k.from());
    }
    return new Known(items, from);
  }

  private Value setting(String group, String name) {
    return settings.get(group, name)
        .<Value>map(s -> s.value() == Option.UNKNOWN || released.contains(key(s))
            ? UNKNOWN : new Known(s.value(), List.of(s)))
        .orElse(UNKNOWN);
  }

  private static String key(Settings.Setting s) {
    return s.option().group() + "." + s.option().name();
  }

  /**
   * Lets go of the options {@code d} assumed, for as long as the branch they do not take is
   * traced; returns those it let go of, for {@link #restore}.
   */
  List<String> release(Decision d) {
    List<String> now = new ArrayList<>();
    for (Settings.Setting s : d.assumed()) {
      if (released.add(key(s))) {
        now.add(key(s));
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

  /** A function of the tree whose body is {@code return TEST}: the test, in its own module. */
  private Value returned(Expr.Call c, Function<Expr.Call, FunctionInfo> callee, int depth) {
    FunctionInfo fn = callee.apply(c);
    int params = fn == null ? 0 : fn.ast().params().size() - (fn.owner() == null ? 0 : 1);
    if (fn == null || params != 0) {
      return UNKNOWN;
    }
    List<Stmt> body = fn.ast().body();
    int first = !body.isEmpty() && body.get(0) instanceof Stmt.ExprStmt doc
        && doc.value() instanceof Expr.Constant k && k.kind() == Expr.ConstKind.STRING ? 1 : 0;
    if (body.size() != first + 1 || !(body.get(first) instanceof Stmt.Return r)
        || r.value() == null) {
      return UNKNOWN;
    }
    Function<String, Expr> outer = locals;
    locals = name -> null; // the callee's names are its own
    try {
      return value(r.value(), fn.module(), x -> null, depth + 1);
    } finally {
      locals = outer;
    }
  }

  private Value operation(Expr.Operation op, ModuleInfo module,
      Function<Expr.Call, FunctionInfo> callee, int depth) {
    List<Expr> xs = op.operands();
    String o = op.op();
    if (o.equals("not") && xs.size() == 1) {
      Value v = value(xs.get(0), module, callee, depth);
      return v instanceof Known k ? new Known(!truthy(k.value()), k.from()) : UNKNOWN;
    }
    if (o.equals("-") && xs.size() == 1) {
      Value v = value(xs.get(0), module, callee, depth);
      return v instanceof Known k && k.value() instanceof Number n
          ? new Known(n instanceof Long l ? -l : -n.doubleValue(), k.from()) : UNKNOWN;
    }
    if (o.equals("and") || o.equals("or")) {
      return shortCircuit(o.equals("and"), xs, module, callee, depth);
    }
    if (xs.size() == 2) {
      Value l = value(xs.get(0), module, callee, depth);
      Value r = value(xs.get(1), module, callee, depth);
      if (l instanceof Known a && r instanceof Known b) {
        Boolean result = compare(o, a.value(), b.value());
        if (result != null) {
          List<Settings.Setting> from = new ArrayList<>(a.from());
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
  private Value shortCircuit(boolean and, List<Expr> xs, ModuleInfo module,
      Function<Expr.Call, FunctionInfo> callee, int depth) {
    List<Settings.Setting> from = new ArrayList<>();
    boolean allKnown = true;
    for (Expr x : xs) {
      Value v = value(x, module, callee, depth);
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
