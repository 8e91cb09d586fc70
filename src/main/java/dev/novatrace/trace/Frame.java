package dev.novatrace.trace;

import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Param;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-function walking state: what the {@link Tracer}'s parts read and change while they walk one
 * function's body. Mutable on purpose: a walk goes statement by statement and each one leaves
 * what the next sees (a literal bound, a field assigned but not yet saved).
 */
final class Frame {
  final FunctionInfo fn;
  /** Not final: a loop unrolled over a list of objects binds its variable for each pass. */
  Scope scope;
  final String participant;
  final int depth;
  final Step.Origin origin;
  /** Parameters known to be bound to a literal True (true) or False/None (false). */
  final Map<String, Boolean> flags;
  /** Attributes assigned on a receiver since its last save: receiver text → field → value. */
  final Map<String, LinkedHashMap<String, Step.Field>> assigned = new HashMap<>();
  /** The fields the save being labelled writes, until its message is made. */
  List<Step.Field> lastSaved;
  /** The object and method of that save ({@code Instance.save}). */
  String lastSubject;
  /** The last update of a row a query read drawn here, and the name it was set through. */
  Step.Message lastRowWrite;
  String lastRowReceiver;
  /**
   * Receivers whose unsaved fields depend on which branch of an if ran: each branch's
   * condition with the fields it leaves, until the save that writes them.
   */
  final Map<String, List<Alternative>> alternatives = new HashMap<>();
  /** Names bound to a literal's text here: parameters the call bound, locals assigned one. */
  final Map<String, String> literals;
  /** Parameters bound to a function the caller handed over. */
  final Map<String, Handed> callables;
  /** Parameters bound to a string the caller built ({@link PathTemplates}). */
  final Map<String, String> templates;
  /** Names of objects a save or create stored here: a field set to one is no column. */
  final Set<String> stored = new HashSet<>();
  /** Locals holding a receiver's fields as they were before a helper changed them. */
  final Map<String, Snapshot> snapshots = new HashMap<>();
  /** The {@code **kwargs} parameter's name, or null, and the keywords it holds here. */
  final String keywordsName;
  final Map<String, Expr> keywords;
  /** Locals bound to a test the settings decide ({@code offload = CONF.x == 0}). */
  final Map<String, Expr> settingTests = new HashMap<>();
  /**
   * The values assigned to each local on the path walked so far: the last one, or in a
   * branch each one that may have run (an if the flags decide walks only its taken branch).
   */
  final Map<String, List<Expr>> reached = new HashMap<>();
  /** Inside a branch or loop an assignment may not happen: it makes a name unknown. */
  int branching;
  /** The context manager a {@code with} statement enters now, while its items are walked. */
  Expr entered;
  /** The literal text a field of {@code self} holds on the path, or null. */
  java.util.function.Function<String, String> selfField = attr -> null;
  /** The strings of the named constants the caller passed, by parameter. */
  private final Map<String, String> constants;
  /** What the deployment decides of the parameters the caller passed (opaque). */
  Map<String, Object> decided = Map.of();
  /** Reads the keys of the dicts callers write as displays ({@link DictShapes}). */
  final DictShapes shapes;

  Frame(FunctionInfo fn, Scope scope, String participant, int depth,
      Map<String, Boolean> flags, CallBinding binding, DictShapes shapes) {
    this.fn = fn;
    this.shapes = shapes;
    this.flags = new HashMap<>(flags); // a parameter assigned again lets go of its flag
    this.literals = new HashMap<>(binding.literals());
    this.callables = binding.callables();
    this.templates = binding.templates();
    this.constants = binding.constants();
    // What a caller passed by keyword that no named parameter takes is the **kwargs dict.
    Param star = fn.ast().params().stream().filter(p -> p.kind() == Param.Kind.VAR_KEYWORD)
        .findFirst().orElse(null);
    this.keywordsName = star == null ? null : star.name();
    Map<String, Expr> extra = new LinkedHashMap<>();
    if (star != null) {
      Set<String> named = new HashSet<>();
      fn.ast().params().forEach(p -> named.add(p.name()));
      binding.passed().forEach((k, v) -> {
        if (!named.contains(k)) {
          extra.put(k, v);
        }
      });
    }
    this.keywords = extra;
    this.scope = scope;
    this.participant = participant;
    this.depth = depth;
    this.origin = Step.Origin.of(fn);
  }

  /** What a call made here is read against, with the scope as it is now. */
  CallContext context() {
    return new CallContext(fn, scope, participant, flags, callables, literals, selfField,
        templates);
  }

  /** The string a parameter holds that the caller bound to a named constant, if {@code e} is one. */
  java.util.Optional<String> constant(Expr e) {
    return e instanceof Expr.Name n && scope.param(n.id()) != null
        ? java.util.Optional.ofNullable(constants.get(n.id())) : java.util.Optional.empty();
  }

  /** The literal text {@code e} holds here ({@link Literals}), or null. */
  String literal(Expr e) {
    String text = Literals.of(e, literals, scope, fn.module().ast());
    return text != null ? text
        : shapes.value(e, literals, scope, x -> Literals.of(x, literals, scope, fn.module().ast()));
  }

  /** An expression's source text, shortened as labels and conditions show it. */
  String text(Expr e) {
    return ConstText.shorten(fn.module().ast().text(e.pos()));
  }

  /** Notes {@code field} as assigned on {@code receiver} and not saved yet. */
  void assign(String receiver, Step.Field field) {
    assigned.computeIfAbsent(receiver, k -> new LinkedHashMap<>()).put(field.name(), field);
  }

  /** A copy of unsaved fields by receiver, deep enough that changing one leaves the other. */
  static Map<String, LinkedHashMap<String, Step.Field>> copy(
      Map<String, LinkedHashMap<String, Step.Field>> fields) {
    Map<String, LinkedHashMap<String, Step.Field>> out = new HashMap<>();
    fields.forEach((k, v) -> out.put(k, new LinkedHashMap<>(v)));
    return out;
  }

  /** What a local holds of a receiver's fields as they were ({@link FieldSnapshots}). */
  record Snapshot(String receiver, java.util.Set<String> fields) {}
}
