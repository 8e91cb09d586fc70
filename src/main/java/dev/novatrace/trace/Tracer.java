package dev.novatrace.trace;

import dev.novatrace.config.Settings;
import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.ExprChildren;
import dev.novatrace.python.ast.Param;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Follows the calls of a function through the code and turns them into the raw {@link Step}
 * tree: messages where a call crosses into another participant, notes for checks and
 * notifications, blocks for the branches and loops that decide whether a message happens, and a
 * {@link Step.Local} for every helper followed inside one participant. How much of that a diagram
 * shows is not decided here but by a detail policy, so one trace serves every level of detail.
 */
public final class Tracer {
  private final Resolver resolver;
  private final ObjectNames objectNames;
  private final TraceProfile profile;
  /** Helpers nested this deep inside one participant are not followed (recursion guard). */
  private final int horizon;
  /** Remembered traces by what they depend on, each with the fields it read (see Traced). */
  private final Map<String, List<Traced>> memo = new HashMap<>();
  /**
   * The functions being traced, each with the class of its receiver: one method run on objects
   * of different classes is no recursion (a task's {@code execute()} running another task's).
   */
  private final Set<String> onStack = new HashSet<>();
  /**
   * The activations being traced, outermost first, and the shallowest of them a recursion guard
   * cut at since the innermost frame began: a frame traced while a caller's activation was cut
   * lacks what that caller would add elsewhere, so it is not remembered for other callers.
   */
  private final List<String> stack = new ArrayList<>();
  private int cutAt = Integer.MAX_VALUE;
  private final Set<String> unresolved = new TreeSet<>();
  private final CallClassifier classifier;
  private final LiteralFlags flags;
  private final HandOffs handOffs;
  private final ElementClasses elements;
  private final Callables callables;
  private final EventWaits eventWaits;
  private final InternalWrites internalWrites;
  /**
   * The participant that called into the service being traced (a compute host into its virt
   * driver), or null: the host that events the driver waits for reach.
   */
  private String crossedFrom;

  private final SettingTests settings;

  public Tracer(Resolver resolver, TraceProfile profile, int horizon) {
    this(resolver, profile, horizon, Settings.NONE);
  }

  /** A tracer that takes the branches {@code settings} decide as the default path. */
  public Tracer(Resolver resolver, TraceProfile profile, int horizon, Settings settings) {
    this(resolver, profile, horizon, settings, PolicyAnswers.NONE);
  }

  /**
   * A tracer that takes the branches {@code settings} and what {@code policy} answers decide
   * as the default path.
   */
  public Tracer(Resolver resolver, TraceProfile profile, int horizon, Settings settings,
      PolicyAnswers policy) {
    this.resolver = resolver;
    this.objectNames = new ObjectNames(resolver);
    this.profile = profile;
    this.horizon = horizon;
    this.classifier = new CallClassifier(resolver, profile);
    this.flags = classifier.flags();
    this.handOffs = new HandOffs(resolver, profile, classifier);
    this.elements = new ElementClasses(resolver);
    this.callables = new Callables(resolver, classifier);
    this.eventWaits = new EventWaits(resolver, profile);
    this.internalWrites = new InternalWrites(resolver, profile::isStateField,
        profile::valuesArgument);
    this.settings = new SettingTests(settings, profile, resolver, policy,
        new Gates(resolver.index(), profile.gates()));
  }

  /** Calls that could not be resolved, as {@code path:line: callee}, sorted (for --explain). */
  public Set<String> unresolved() {
    return unresolved;
  }

  /** The steps of one function run by {@code participant}, decorator checks first. */
  public List<Step> traceFunction(FunctionInfo fn, String participant, int depth) {
    settings.newPath(); // what another action's path set is not this one's
    selfFields.clear();
    return traceFunction(fn, participant, depth, null, Map.of());
  }

  /**
   * The steps of {@code fn} called on an instance of {@code self} (null: its own class) with
   * the parameters in {@code flags} bound to literal True/False/None.
   */
  List<Step> traceFunction(FunctionInfo fn, String participant, int depth, ClassInfo self,
      Map<String, Boolean> flags) {
    return traced(fn, participant, depth, self, flags, Binding.NONE).steps();
  }

  /**
   * What tracing a function gives: its steps, and the fields it assigned on a receiver but
   * left for a caller to save (receiver text in the function → field → value).
   */
  private record Traced(List<Step> steps, Map<String, LinkedHashMap<String, Step.Field>> unsaved,
      CarriedFields.Journal<?> carried, CarriedFields.Journal<String> selfSet) {}

  /**
   * Fields of {@code self} the path set to a literal, by class and name ({@code
   * MigrationTask.host_list} = {@code None}): a constructor's caller fixes what the methods it
   * runs later test ({@code if self.host_list is None:} on a first migration).
   */
  private final CarriedFields<String> selfFields = new CarriedFields<>();

  private Traced traced(FunctionInfo fn, String participant, int depth, ClassInfo self,
      Map<String, Boolean> flags, Binding binding) {
    String key = key(fn) + "|" + participant + "|" + depth + "|"
        + (self == null ? "" : self.qualifiedName()) + "|" + new TreeMap<>(flags) + "|"
        + binding.key() + "|" + settings.releasedKey() + "|" + crossedFrom;
    for (Traced cached : memo.getOrDefault(key, List.of())) {
      if (settings.holds(cached.carried()) && selfFields.holds(cached.selfSet())) {
        settings.replay(cached.carried());
        selfFields.replay(cached.selfSet());
        return cached;
      }
    }
    String activation = activation(fn, self);
    boolean entered = onStack.add(activation);
    int index = stack.size();
    stack.add(activation);
    int outerCut = cutAt;
    cutAt = Integer.MAX_VALUE;
    settings.journal();
    selfFields.begin();
    boolean journaled = true;
    try {
      Frame frame = new Frame(fn, resolver.scopeOf(fn).withSelf(self).withPassed(binding.types()),
          participant, depth, flags, binding);
      frame.decided = binding.decided();
      frame.selfField = attr -> frame.scope.selfClass() == null ? null
          : selfFields.get(frame.scope.selfClass().qualifiedName() + "." + attr);
      List<Step> out = new ArrayList<>();
      for (String note : profile.notesForDecorators(fn, resolver)) {
        out.add(new Step.Note(participant, note, frame.origin));
      }
      walk(fn.ast().body(), frame, out);
      frame.assigned.values().removeIf(Map::isEmpty);
      journaled = false;
      Traced result = new Traced(List.copyOf(out), frame.assigned, settings.endJournal(),
          selfFields.end());
      if (cutAt >= index) {
        memo.computeIfAbsent(key, k -> new ArrayList<>()).add(result);
      }
      return result;
    } finally {
      if (journaled) {
        settings.endJournal();
        selfFields.end();
      }
      cutAt = Math.min(outerCut, cutAt);
      stack.remove(stack.size() - 1);
      if (entered) {
        onStack.remove(activation);
      }
    }
  }

  /**
   * Whether {@code activation} is being traced already (a recursion, not followed again); the
   * frames above it then depend on where they were reached from.
   */
  private boolean recursive(String activation) {
    if (!onStack.contains(activation)) {
      return false;
    }
    cutAt = Math.min(cutAt, stack.indexOf(activation));
    return true;
  }

  /** A function on the stack, told apart by the class {@code self} is an instance of. */
  private static String activation(FunctionInfo fn, ClassInfo self) {
    ClassInfo receiver = self != null ? self : fn.owner();
    return key(fn) + "|" + (receiver == null ? "" : receiver.qualifiedName());
  }

  private static String key(FunctionInfo fn) {
    return fn.qualifiedName() + "@" + fn.ast().pos().start();
  }

  /**
   * What one call binds in its callee besides flags: parameters bound to a literal's text,
   * functions passed in (called inside the callee, they are traced there), every argument as
   * written (to carry fields the callee leaves unsaved back to the caller's receiver), and the
   * types of the arguments the caller's code tells ({@code self._run(task)}: {@code
   * task.execute()} inside is that task class's).
   */
  private record Binding(Map<String, String> literals, Map<String, Handed> callables,
      Map<String, Expr> passed, Map<String, Value> types, Map<String, Object> decided,
      Map<String, String> templates) {
    static final Binding NONE = new Binding(Map.of(), Map.of(), Map.of(), Map.of());

    Binding(Map<String, String> literals, Map<String, Handed> callables,
        Map<String, Expr> passed, Map<String, Value> types) {
      this(literals, callables, passed, types, Map.of(), Map.of());
    }

    /** The same binding, with what the enclosing call handed a nested def ({@link Handed}). */
    Binding enclosedBy(Handed handed) {
      Map<String, Handed> all = handed.withClosure(callables);
      return all == callables ? this
          : new Binding(literals, all, passed, types, decided, templates);
    }

    String key() {
      StringBuilder sb = new StringBuilder(new TreeMap<>(literals).toString());
      new TreeMap<>(callables).forEach((k, v) -> sb.append(k).append('=').append(v.key()));
      new TreeMap<>(types).forEach((k, v) -> sb.append(k).append(':').append(Value.typeText(v)));
      sb.append(SettingTests.key(decided));
      sb.append(new TreeMap<>(templates));
      return sb.toString();
    }
  }

  /**
   * RPC arguments travel by name: a parameter of the client bound to a literal value ({@code
   * host_list=None}) binds the server method's parameter of that name.
   */
  private static Binding rpcBinding(FunctionInfo manager, Frame f) {
    Map<String, String> literals = new HashMap<>();
    for (Param p : manager.ast().params()) {
      String text = LiteralFlags.fixed(f.literals.get(p.name()));
      if (text != null && f.scope.param(p.name()) != null) {
        literals.put(p.name(), text);
      }
    }
    return literals.isEmpty() ? Binding.NONE
        : new Binding(literals, Map.of(), Map.of(), Map.of());
  }

  /** The binding of {@code c} to the parameters of the function it calls. */
  private Binding binding(Value.FunctionValue fv, Expr.Call c, Frame f) {
    return binding(fv.function(), fv.receiverOffset(), c, f);
  }

  /** The binding of {@code c} to {@code fn}'s parameters ({@code offset}: 1 for a receiver). */
  private Binding binding(FunctionInfo fn, int offset, Expr.Call c, Frame f) {
    List<Param> params = fn.ast().params();
    Map<String, Expr> passed = Arguments.passed(params, offset, c, f.scope);
    Map<String, String> literals = new HashMap<>();
    Map<String, Handed> callables = new HashMap<>();
    Map<String, Value> types = new HashMap<>();
    Map<String, String> templates = new HashMap<>();
    passed.forEach((name, arg) -> {
      String template = PathTemplates.of(arg, f.scope, f.templates);
      if (template == null && arg instanceof Expr.Name n && f.scope.param(n.id()) == null) {
        template = PathTemplates.triedInTurn(n.id(), f.fn, f.scope); // a method tried in turn
      }
      if (template != null) {
        templates.put(name, template); // the path a client's HTTP request names
      }
      Value v = resolver.valueOf(arg, f.scope);
      Value held = v instanceof Value.Unknown ? elements.passed(fn, name, arg, f.scope) : null;
      if (held != null) {
        v = held; // a list of objects of known classes, which the callee loops over
      }
      if (v instanceof Value.InstanceValue || v instanceof Value.ClassValue
          || v instanceof Value.FlowValue || v instanceof Value.Elements) {
        types.put(name, v);
      }
      String literal = literal(arg, f);
      if (literal != null) {
        literals.put(name, literal);
      }
      Handed callable = callable(arg, f);
      if (callable != null) {
        callables.put(name, callable);
      }
    });
    Scope own = resolver.scopeOf(fn);
    Arguments.defaults(params, offset, c).forEach((name, d) -> {
      String literal = Literals.of(d, Map.of(), own, fn.module().ast());
      if (literal != null) {
        literals.put(name, literal);
      }
    });
    // What the deployment decides of an argument (a timeout read from an option) is the
    // parameter's value in the callee.
    return new Binding(literals, callables, passed, types, settings.decidedArgs(passed, site(f)),
        templates);
  }

  /**
   * The class of an object created right there ({@code Task(...)}, or a local bound to it), or
   * null: the elements of a list a loop runs through once each.
   */
  private ClassInfo createdObject(Expr arg, Frame f) {
    Expr e = arg;
    if (arg instanceof Expr.Name n && f.scope.param(n.id()) == null
        && f.scope.bound(n.id()) == null && f.scope.local(n.id()) != null) {
      e = f.scope.local(n.id());
    }
    return e instanceof Expr.Call c
        && resolver.valueOf(c.func(), f.scope) instanceof Value.ClassValue cv ? cv.cls() : null;
  }

  /** A function an argument hands over ({@link Callables}), or null. */
  private Handed callable(Expr arg, Frame f) {
    return callables.of(arg, f.context());
  }

  private String literal(Expr e, Frame f) {
    return Literals.of(e, f.literals, f.scope, f.fn.module().ast());
  }

  /**
   * {@code instance.update(instance_attrs)} where {@code instance_attrs} is the function's
   * {@code **kwargs}: the fields are the keywords the caller passed ({@code
   * _delete(..., task_state=DELETING)}).
   */
  private boolean updatesFromKeywords(Expr.Call c, Frame f) {
    if (!(c.func() instanceof Expr.Attribute a) || !a.attr().equals("update")
        || c.args().size() != 1 || !(c.args().get(0).value() instanceof Expr.Name n)
        || f.keywords.isEmpty() || !n.id().equals(f.keywordsName)) {
      return false;
    }
    String receiver = Names.dotted(a.value());
    if (receiver == null) {
      return false;
    }
    f.keywords.forEach((name, value) -> assign(receiver, field(name, value, f), f));
    return true;
  }

  /** Per-function walking state. */
  private static final class Frame {
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
    /** The literal text a field of {@code self} holds on the path, or null. */
    java.util.function.Function<String, String> selfField = attr -> null;
    /** What the deployment decides of the parameters the caller passed (opaque). */
    Map<String, Object> decided = Map.of();

    Frame(FunctionInfo fn, Scope scope, String participant, int depth,
        Map<String, Boolean> flags, Binding binding) {
      this.fn = fn;
      this.flags = flags;
      this.literals = new HashMap<>(binding.literals());
      this.callables = binding.callables();
      this.templates = binding.templates();
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
  }

  private void walk(List<Stmt> body, Frame f, List<Step> out) {
    for (int i = 0; i < body.size(); i++) {
      Stmt s = body.get(i);
      Boolean fixed = s instanceof Stmt.If known ? flag(known.test(), f) : null;
      if (fixed != null) {
        // The branch a fixed value takes is simply part of the block: a guard that ends it
        // ("if not same_cell: ...; return") makes the rest of the block its else.
        Stmt.If known = (Stmt.If) s;
        List<Stmt> taken = fixed ? known.body() : known.orElse();
        // What the branch binds a name to (prepare = self._stay_on_host) is what the name
        // holds after it, not the function's first assignment of it.
        bindAssigned(taken, f);
        List<Stmt> spliced = new ArrayList<>(taken);
        spliced.addAll(body.subList(i + 1, body.size()));
        walk(spliced, f, out);
        return;
      }
      SettingTests.Decision byDefault = s instanceof Stmt.If test ? decision(test, f) : null;
      if (byDefault != null) {
        if (defaultPath((Stmt.If) s, byDefault, body.subList(i + 1, body.size()), f, out)) {
          return;
        }
        continue;
      }
      if (s instanceof Stmt.If guard && guard.orElse().isEmpty() && endsWithReturn(guard.body())
          && flag(guard.test(), f) == null) {
        // "if x: ...; return" makes the rest of the block its else branch.
        expression(guard.test(), f, out, false);
        List<Step> then = new ArrayList<>();
        branch(guard.body(), f, then);
        List<Step> rest = new ArrayList<>();
        List<Stmt> after = body.subList(i + 1, body.size());
        walk(after, f, rest);
        Step.BlockKind onlyUnless = then.isEmpty() && !rest.isEmpty()
            ? unlessKind(guard.test(), after) : null;
        if (onlyUnless != null) {
          out.add(new Step.Block(onlyUnless, List.of(
              new Step.Branch(condition(guard.test(), f), List.of()), new Step.Branch("", rest)),
              f.origin));
        } else if (then.isEmpty()) {
          out.addAll(rest);
        } else {
          out.add(new Step.Block(Step.BlockKind.GUARD, List.of(
              new Step.Branch(condition(guard.test(), f), then), new Step.Branch("", rest)), f.origin));
        }
        return;
      }
      if (s instanceof Stmt.If decided && decided.orElse().isEmpty()
          && Boolean.TRUE.equals(flag(decided.test(), f)) && endsWithReturn(decided.body())) {
        // A guard known to hold returns: what follows it never runs.
        walk(decided.body(), f, out);
        return;
      }
      if (s instanceof Stmt.If raising && raising.orElse().isEmpty()
          && endsWithRaise(raising.body()) && flag(raising.test(), f) == null) {
        failurePath(raising, f, out);
        continue;
      }
      Stmt.If trailing = trailingGuard(s, f);
      if (trailing != null) {
        hoistGuard((Stmt.If) s, trailing, body.subList(i + 1, body.size()), f, out);
        return;
      }
      statement(s, f, out);
      if (s instanceof Stmt.Return || s instanceof Stmt.Raise) {
        return; // the rest of the block is unreachable
      }
    }
  }

  /**
   * {@code if bad: ...; raise X}: the way to an exception (a check that sets the error state
   * and raises), a FAILURE block a policy may leave out. Fields it sets do not reach a later
   * save, since the function leaves by raising.
   */
  private void failurePath(Stmt.If raising, Frame f, List<Step> out) {
    expression(raising.test(), f, out, false);
    Map<String, LinkedHashMap<String, Step.Field>> before = copy(f.assigned);
    List<Step> steps = new ArrayList<>();
    branch(raising.body(), f, steps);
    f.assigned.clear();
    f.assigned.putAll(before);
    addFailure(condition(raising.test(), f), steps, f, out);
  }

  /** The steps of a way to an exception, as a FAILURE block, if it draws any. */
  private static void addFailure(String condition, List<Step> steps, Frame f, List<Step> out) {
    if (!steps.isEmpty()) {
      out.add(new Step.Block(Step.BlockKind.FAILURE,
          List.of(new Step.Branch(condition, steps)), f.origin));
    }
  }

  /**
   * The guard that ends the first branch of {@code s} ({@code if a: ...; if b: ...; return}),
   * when neither test is decided by a literal; else null.
   */
  private Stmt.If trailingGuard(Stmt s, Frame f) {
    if (!(s instanceof Stmt.If outer) || outer.body().isEmpty() || flag(outer.test(), f) != null
        || !(outer.body().get(outer.body().size() - 1) instanceof Stmt.If guard)
        || !guard.orElse().isEmpty() || !endsWithReturn(guard.body())
        || flag(guard.test(), f) != null || decision(guard, f) != null) {
      return null;
    }
    return guard;
  }

  /**
   * {@code if a: ...; if b: X; return} followed by {@code rest}: the rest of the function runs
   * unless both hold, so it is the else of a guard on {@code a and b} drawn after the outer
   * branch. This is how a routine chooses between two routes after a common start (a task
   * that, once the scheduler has chosen, runs another task for a move to another cell).
   */
  private void hoistGuard(Stmt.If outer, Stmt.If guard, List<Stmt> rest, Frame f,
      List<Step> out) {
    List<Stmt> before = outer.body().subList(0, outer.body().size() - 1);
    ifStatement(new Stmt.If(outer.test(), before, outer.orElse(), outer.pos()), guard.test(), f,
        out);
    List<Step> then = new ArrayList<>();
    f.branching++;
    branch(guard.body(), f, then);
    f.branching--;
    List<Step> otherwise = new ArrayList<>();
    walk(rest, f, otherwise);
    if (then.isEmpty()) {
      out.addAll(otherwise);
    } else {
      String condition = condition(outer.test(), f) + " and " + condition(guard.test(), f);
      out.add(new Step.Block(Step.BlockKind.GUARD, List.of(
          new Step.Branch(condition, then), new Step.Branch("", otherwise)), f.origin));
    }
  }

  /**
   * How the rest of a block after an empty {@code if test: return} runs, when not always:
   * "if CONF.x <= 0: return" makes it a choice the setting decides (CHOICE); "if ok: return"
   * before code that ends by raising makes it the failure path (FAILURE). Null: the main flow.
   */
  private Step.BlockKind unlessKind(Expr test, List<Stmt> rest) {
    if (readsSettings(test)) {
      return Step.BlockKind.CHOICE;
    }
    return endsWithRaise(rest) ? Step.BlockKind.FAILURE : null;
  }

  /** Whether a test reads a setting of the deployment ({@link TraceProfile#isSettings}). */
  private boolean readsSettings(Expr test) {
    if (test instanceof Expr.Attribute && Names.root(test) instanceof Expr.Name n
        && profile.isSettings(n.id())) {
      return true;
    }
    for (Expr child : ExprChildren.of(test)) {
      if (child != null && readsSettings(child)) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWithRaise(List<Stmt> body) {
    return !body.isEmpty() && body.get(body.size() - 1) instanceof Stmt.Raise;
  }

  /**
   * A loop body that returns from a try unless it fails, its handlers going on to the next
   * ({@code for mv in versions: try: return get(mv) except NotAvailable: pass}): the items are
   * tried in turn until one works, usually the first, not each of them.
   */
  private static boolean triesInTurn(List<Stmt> body) {
    return !body.isEmpty() && body.get(body.size() - 1) instanceof Stmt.Try t
        && endsWithReturn(t.body()) && !t.handlers().isEmpty()
        && t.handlers().stream().noneMatch(h -> endsWithReturn(h.body()))
        // Some handler goes on to the next item; one that raises is the way the loop fails.
        && t.handlers().stream().anyMatch(h -> !endsWithRaise(h.body()))
        && t.orElse().isEmpty() && t.finalBody().isEmpty();
  }

  /**
   * A loop that stops at the first call that succeeds ({@code for host in hosts: if
   * claim_resources(...): claimed = host; break}): {@code , until claim resources succeeds}.
   */
  private static String untilSucceeds(List<Stmt> body) {
    for (Stmt s : body) {
      if (s instanceof Stmt.If i && i.test() instanceof Expr.Call c && i.orElse().isEmpty()
          && !i.body().isEmpty() && i.body().get(i.body().size() - 1) instanceof Stmt.Simple b
          && b.kind().equals("break") && Names.simpleName(c.func()) != null) {
        return ", until " + Names.simpleName(c.func()).replaceFirst("^_+", "").replace('_', ' ')
            + " succeeds";
      }
    }
    return "";
  }

  private static boolean endsWithReturn(List<Stmt> body) {
    return !body.isEmpty() && body.get(body.size() - 1) instanceof Stmt.Return;
  }

  private void statement(Stmt s, Frame f, List<Step> out) {
    if (s instanceof Stmt.ExprStmt e) {
      expression(e.value(), f, out, true);
    } else if (s instanceof Stmt.Assign a) {
      expression(a.value(), f, out, true);
      bindInBranch(a, f);
      constructed(a, f);
      a.targets().forEach(t -> recordAssignment(t, a.value(), f));
      a.targets().forEach(t -> trackName(t, a.value(), f));
      a.targets().forEach(t -> reached(t, a.value(), f));
      a.targets().forEach(t -> carry(t, a.value(), f));
      snapshot(a, f);
    } else if (s instanceof Stmt.AugAssign a) {
      expression(a.value(), f, out, false);
    } else if (s instanceof Stmt.AnnAssign a && a.value() != null) {
      expression(a.value(), f, out, true);
      recordAssignment(a.target(), a.value(), f);
    } else if (s instanceof Stmt.Return r && r.value() != null) {
      expression(r.value(), f, out, true);
    } else if (s instanceof Stmt.If i) {
      ifStatement(i, f, out);
    } else if (s instanceof Stmt.For loop) {
      if (unrolled(loop, f, out)) {
        return;
      }
      expression(loop.iter(), f, out, false);
      trackName(loop.target(), null, f);
      String label = "for " + text(loop.target(), f) + " in " + text(loop.iter(), f)
          + (triesInTurn(loop.body()) ? ", until one returns" : untilSucceeds(loop.body()));
      List<ClassInfo> held = loop.target() instanceof Expr.Name
          ? elements.of(loop.iter(), f.scope) : List.of();
      if (held.isEmpty()) {
        loop(label, loop.body(), f, out);
      } else {
        loopByClass(label, loop, held, f, out);
      }
    } else if (s instanceof Stmt.While w) {
      expression(w.test(), f, out, false);
      loop("while " + text(w.test(), f), w.body(), f, out);
    } else if (s instanceof Stmt.With w) {
      for (Stmt.WithItem item : w.items()) {
        // A context manager frames the block; it is not a step of its own worth a note.
        expression(item.context(), f, out, false);
      }
      walk(w.body(), f, out);
      // Events the block waits for arrive once what it does triggered them.
      out.addAll(eventWaits.after(w, f.context(), f.reached, crossedFrom, f.origin));
      for (int i = w.items().size() - 1; i >= 0; i--) {
        exited(w.items().get(i).context(), f, out);
      }
    } else if (s instanceof Stmt.Try t) {
      tryStatement(t, f, out);
    } else if (s instanceof Stmt.Match m) {
      expression(m.subject(), f, out, false);
      List<Step.Branch> branches = new ArrayList<>();
      for (Stmt.Case c : m.cases()) {
        List<Step> steps = new ArrayList<>();
        branch(c.body(), f, steps);
        branches.add(new Step.Branch("case " + f.fn.module().ast().text(c.pattern()), steps));
      }
      addBranches(branches, f, out);
    }
  }

  /**
   * The normal path only: handlers are error paths an engineer leaves out of the picture. But
   * when the body calls a method that only raises NotImplementedError (a driver that does not
   * implement {@code rebuild}), a handler catching it is the fallback that really runs.
   */
  private void tryStatement(Stmt.Try t, Frame f, List<Step> out) {
    Optional<Stmt.Handler> fallback = t.handlers().stream()
        .filter(h -> Calls.catches(h, NOT_IMPLEMENTED)).findFirst();
    int raising = fallback.isEmpty() ? -1 : firstUnimplemented(t.body(), f);
    SettingTests.Decision implemented = raising < 0 && fallback.isPresent()
        ? chosenImplemented(t.body(), f) : null;
    if (implemented != null) {
      List<Stmt> body = new ArrayList<>(t.body());
      body.addAll(t.orElse());
      chosenFallback(implemented, body, fallback.get().body(), f, out);
    } else if (raising < 0) {
      walk(t.body(), f, out);
      walk(t.orElse(), f, out);
    } else {
      walk(t.body().subList(0, raising), f, out);
      SettingTests.Decision chosen = chosenUnimplemented(t.body().get(raising), f);
      if (chosen == null) {
        walk(fallback.get().body(), f, out);
      } else {
        List<Stmt> rest = new ArrayList<>(t.body().subList(raising, t.body().size()));
        rest.addAll(t.orElse());
        chosenFallback(chosen, fallback.get().body(), rest, f, out);
      }
    }
    walk(FinallyOnSuccess.of(t), f, out);
  }

  /**
   * Leaving a with block runs its context manager's {@code __exit__(None, None, None)}, when
   * the manager is an object of a class of the tree that defines one (the Swift backup
   * driver's object writer puts the object to Swift there); what it does on an exception is
   * decided away by the Nones.
   */
  private void exited(Expr context, Frame f, List<Step> out) {
    if (!(resolver.valueOf(context, f.scope) instanceof Value.InstanceValue manager)) {
      return;
    }
    FunctionInfo exit = resolver.lookupMethod(manager.cls(), "__exit__", null);
    if (exit == null) {
      return;
    }
    Expr none = new Expr.Constant(Expr.ConstKind.NONE, "None", context.pos());
    Expr.Call c = new Expr.Call(new Expr.Attribute(context, "__exit__", context.pos()),
        List.of(Arg.positional(none), Arg.positional(none), Arg.positional(none)),
        context.pos());
    List<Step> leaving = new ArrayList<>();
    call(c, f, leaving, false);
    if (asksAService(leaving)) {
      // Only where leaving hands something to another service (an object put to Swift): the
      // records a manager keeps of its own block (an action event finished) are bookkeeping.
      out.addAll(leaving);
    }
  }

  private static boolean asksAService(List<Step> steps) {
    for (Step s : steps) {
      if (s instanceof Step.Message m && m.kind() == Step.Kind.SERVICE
          || s instanceof Step.Cast
          || s instanceof Step.Invocation inv && (inv.kind() == Step.Kind.RPC_CALL
              || asksAService(inv.steps()))
          || s instanceof Step.Local l && asksAService(l.steps())
          || s instanceof Step.Block b
              && b.branches().stream().anyMatch(br -> asksAService(br.steps()))) {
        return true;
      }
    }
    return false;
  }


  /**
   * The settings that made a statement's unimplemented call so, when they picked its receiver's
   * class ({@link OptionChoices}) and another class they could pick implements it; else null.
   */
  private SettingTests.Decision chosenUnimplemented(Stmt s, Frame f) {
    for (Expr.Call c : Calls.callsIn(s)) {
      if (resolver.valueOf(c.func(), f.scope) instanceof Value.FunctionValue fv
          && Calls.onlyRaises(fv.function(), NOT_IMPLEMENTED)) {
        List<Settings.Setting> by = OptionChoices.pickedUnimplemented(resolver, fv,
            x -> Calls.onlyRaises(x, NOT_IMPLEMENTED));
        return by.isEmpty() ? null
            : new SettingTests.Decision(true, by.stream().map(Assumed::of).toList());
      }
    }
    return null;
  }

  /**
   * The settings that picked the receiver of a call in a try body, when the picked class
   * implements it and another class they could pick only raises NotImplementedError; else null.
   */
  private SettingTests.Decision chosenImplemented(List<Stmt> body, Frame f) {
    for (Stmt s : body) {
      for (Expr.Call c : Calls.callsIn(s)) {
        if (resolver.valueOf(c.func(), f.scope) instanceof Value.FunctionValue fv) {
          List<Settings.Setting> by = OptionChoices.pickedImplemented(resolver, fv,
              x -> Calls.onlyRaises(x, NOT_IMPLEMENTED));
          if (!by.isEmpty()) {
            return new SettingTests.Decision(true, by.stream().map(Assumed::of).toList());
          }
        }
      }
    }
    return null;
  }

  /**
   * A try the settings decide: where they pick a class that does not implement the call, the
   * handler is the path, else the rest of the try body. A DEFAULT block, what they take first.
   */
  private void chosenFallback(SettingTests.Decision d, List<Stmt> taken, List<Stmt> other,
      Frame f, List<Step> out) {
    List<Step> otherSteps = otherwise(d, other, f);
    List<Step> takenSteps = new ArrayList<>();
    walk(taken, f, takenSteps);
    out.add(new Step.Block(Step.BlockKind.DEFAULT, List.of(
        new Step.Branch(d.describe(), takenSteps),
        new Step.Branch(d.otherwise(), otherSteps)), f.origin));
  }

  /**
   * The steps of the branch a decision does not take, traced with what it assumed let go of
   * (that option's value is not known there); the fields it assigns do not reach the path.
   */
  private List<Step> otherwise(SettingTests.Decision d, List<Stmt> other, Frame f) {
    Map<String, LinkedHashMap<String, Step.Field>> before = copy(f.assigned);
    // Nor do the names it binds: a literal or a list it assigns is not what the path holds.
    Map<String, String> literalsBefore = new HashMap<>(f.literals);
    Map<String, List<Expr>> reachedBefore = new HashMap<>(f.reached);
    List<Step> otherSteps = new ArrayList<>();
    List<String> released = settings.release(d);
    try {
      branchFields(other, before, f, otherSteps);
    } finally {
      settings.restore(released);
    }
    f.assigned.clear();
    f.assigned.putAll(before);
    f.literals.clear();
    f.literals.putAll(literalsBefore);
    f.reached.clear();
    f.reached.putAll(reachedBefore);
    return otherSteps;
  }

  private static final String NOT_IMPLEMENTED = "NotImplementedError";
  /** Python's conversions of a value to another type of the same value. */
  private static final Set<String> CONVERSIONS = Set.of("int", "str", "float", "bool");

  /** The first statement of a block that calls an unimplemented method, or -1. */
  private int firstUnimplemented(List<Stmt> body, Frame f) {
    for (int i = 0; i < body.size(); i++) {
      for (Expr.Call c : Calls.callsIn(body.get(i))) {
        if (resolver.valueOf(c.func(), f.scope) instanceof Value.FunctionValue fv
            && Calls.onlyRaises(fv.function(), NOT_IMPLEMENTED)) {
          return i;
        }
      }
    }
    return -1;
  }

  private void ifStatement(Stmt.If first, Frame f, List<Step> out) {
    ifStatement(first, null, f, out);
  }

  /** {@code trailingTest}: a test evaluated at the end of the first branch, or null. */
  private void ifStatement(Stmt.If first, Expr trailingTest, Frame f, List<Step> out) {
    Boolean known = flag(first.test(), f);
    if (known != null) {
      List<Stmt> taken = known ? first.body() : first.orElse();
      walk(taken, f, out);
      bindAssigned(taken, f);
      return;
    }
    expression(first.test(), f, out, false);
    List<Step.Branch> branches = new ArrayList<>();
    Map<String, LinkedHashMap<String, Step.Field>> before = copy(f.assigned);
    List<Alternative> after = new ArrayList<>();
    Stmt.If current = first;
    // The calls of the elif tests run on the way to every later branch (if a: ... elif b(): ...
    // else: ... calls b() before the else too): each such branch starts with them.
    List<Expr> elifTests = new ArrayList<>();
    while (true) {
      List<Step> steps = new ArrayList<>();
      if (current != first) {
        elifTests.add(current.test());
      }
      testCalls(elifTests, f, steps);
      String condition = condition(current.test(), f);
      Map<String, LinkedHashMap<String, Step.Field>> leaves;
      if (endsWithRaise(current.body())) {
        // if/elif bad: ...; raise: after its test, the way to an exception (see failurePath);
        // what it sets reaches no later save.
        List<Step> failing = new ArrayList<>();
        branchFields(current.body(), before, f, failing);
        addFailure(condition, failing, f, steps);
        leaves = copy(before);
      } else {
        leaves = branchFields(current.body(), before, f, steps);
      }
      if (current == first && trailingTest != null) {
        testCalls(List.of(trailingTest), f, steps);
        leaves = copy(f.assigned);
      }
      after.add(new Alternative(condition, leaves));
      branches.add(new Step.Branch(condition, steps));
      List<Stmt> orElse = current.orElse();
      // An elif is an If alone in orElse; so is "else: if", which means the same.
      if (orElse.size() == 1 && orElse.get(0) instanceof Stmt.If elif) {
        current = elif;
        continue;
      }
      List<Step> elseSteps = new ArrayList<>();
      testCalls(elifTests, f, elseSteps);
      if (endsWithRaise(orElse)) {
        // else: ...; raise (no backup to base an incremental one on): the way to an exception
        // when no test held, as an if's raising branch is.
        List<Step> failing = new ArrayList<>();
        branchFields(orElse, before, f, failing);
        addFailure(current == first ? Conditions.negated(condition(first.test(), f))
            : "otherwise", failing, f, elseSteps);
        after.add(new Alternative("", copy(before)));
      } else {
        after.add(new Alternative("", branchFields(orElse, before, f, elseSteps)));
      }
      if (!orElse.isEmpty() || !elseSteps.isEmpty()) {
        branches.add(new Step.Branch("", elseSteps));
      }
      break;
    }
    keepAlternatives(after, f);
    addBranches(branches, f, out);
  }

  /** The calls of tests that run only once an earlier branch was not taken: in a branch. */
  private void testCalls(List<Expr> tests, Frame f, List<Step> out) {
    f.branching++;
    try {
      tests.forEach(t -> expression(t, f, out, false));
    } finally {
      f.branching--;
    }
  }

  /**
   * In a branch, a name assigned an object holds that object for the rest of the branch: {@code
   * if migrations: migration = migrations[0] else: migration = objects.Migration(...);
   * migration.create()} creates a Migration, where the function's two assignments together
   * would leave the name's type unknown.
   */
  private void bindInBranch(Stmt.Assign a, Frame f) {
    if (f.branching > 0) {
      bindAssigned(List.of(a), f);
    }
  }

  /**
   * Names a branch known to run assigns hold what it assigns them from then on: {@code
   * rebuild_claim = self.rt.rebuild_claim} if evacuating, {@code claims.NopClaim} else, and
   * {@code rebuild_claim(...)} later calls the one the flag chose (the scope alone would answer
   * with one assignment whichever branch ran).
   */
  private void bindAssigned(List<Stmt> taken, Frame f) {
    for (Stmt s : taken) {
      if (s instanceof Stmt.Assign a && a.targets().size() == 1
          && a.targets().get(0) instanceof Expr.Name n) {
        Value v = resolver.valueOf(a.value(), f.scope);
        if (v instanceof Value.FunctionValue || v instanceof Value.ClassValue
            || v instanceof Value.InstanceValue) {
          f.scope = f.scope.withBound(Map.of(n.id(), v));
        }
      }
    }
  }

  /** One branch walked from the fields assigned before the if; the fields it leaves. */
  private Map<String, LinkedHashMap<String, Step.Field>> branchFields(List<Stmt> body,
      Map<String, LinkedHashMap<String, Step.Field>> before, Frame f, List<Step> out) {
    f.assigned.clear();
    f.assigned.putAll(copy(before));
    branch(body, f, out);
    return copy(f.assigned);
  }

  /**
   * After an if: a receiver's unsaved fields that every branch leaves the same are simply
   * pending; where branches differ ({@code task_state = REBOOT_PENDING} or
   * {@code REBOOT_PENDING_HARD}), the save that writes them is a choice on the same conditions.
   */
  private static void keepAlternatives(List<Alternative> after, Frame f) {
    f.assigned.clear();
    java.util.Set<String> receivers = new java.util.TreeSet<>();
    after.forEach(a -> receivers.addAll(a.fields().keySet()));
    for (String receiver : receivers) {
      List<Alternative> per = new ArrayList<>();
      for (Alternative a : after) {
        per.add(new Alternative(a.condition(), Map.of(receiver,
            a.fields().getOrDefault(receiver, new LinkedHashMap<>()))));
      }
      boolean same = per.stream().allMatch(a -> a.fields().equals(per.get(0).fields()));
      // Later code sees the last branch's fields, as when only one path was known.
      f.assigned.put(receiver, new LinkedHashMap<>(per.get(per.size() - 1).fields().get(receiver)));
      if (same) {
        f.alternatives.remove(receiver);
      } else {
        f.alternatives.put(receiver, per);
      }
    }
  }

  private static Map<String, LinkedHashMap<String, Step.Field>> copy(
      Map<String, LinkedHashMap<String, Step.Field>> fields) {
    Map<String, LinkedHashMap<String, Step.Field>> out = new HashMap<>();
    fields.forEach((k, v) -> out.put(k, new LinkedHashMap<>(v)));
    return out;
  }

  /** A branch's condition ("" for else) and the unsaved fields it leaves, by receiver. */
  private record Alternative(String condition, Map<String, LinkedHashMap<String, Step.Field>> fields) {}

  /** A choice between the branches as written, when any of them does something. */
  private void addBranches(List<Step.Branch> branches, Frame f, List<Step> out) {
    if (branches.stream().anyMatch(b -> !b.steps().isEmpty())) {
      out.add(new Step.Block(Step.BlockKind.CHOICE, List.copyOf(branches), f.origin));
    }
  }

  /** A body that may not run: names it assigns are unknown after it. */
  private void branch(List<Stmt> body, Frame f, List<Step> out) {
    f.branching++;
    Scope outer = f.scope;
    try {
      walk(body, f, out);
    } finally {
      f.branching--;
      // What the branch bound a name to (see statement) holds in the branch only.
      f.scope = outer;
    }
  }

  /**
   * A loop over a literal list of objects created there ({@code for task in (TaskA(...),
   * TaskB(...)): task.execute()}) runs its body once per object, in order, the loop variable
   * bound to each object's class: a sequence, not a repetition. False for any other loop.
   */
  private boolean unrolled(Stmt.For loop, Frame f, List<Step> out) {
    if (!(loop.target() instanceof Expr.Name variable)) {
      return false;
    }
    Expr iter = loop.iter();
    if (iter instanceof Expr.Name n && f.scope.param(n.id()) == null) {
      iter = f.scope.local(n.id());
    }
    if (!(iter instanceof Expr.Sequence list) || list.elements().isEmpty()) {
      return false;
    }
    List<ClassInfo> classes = new ArrayList<>();
    for (Expr element : list.elements()) {
      ClassInfo cls = createdObject(element, f);
      if (cls == null) {
        return false;
      }
      classes.add(cls);
    }
    expression(loop.iter(), f, out, false);
    Scope outer = f.scope;
    try {
      for (ClassInfo cls : classes) {
        f.scope = outer.withBound(Map.of(variable.id(), new Value.InstanceValue(cls)));
        walk(loop.body(), f, out);
      }
    } finally {
      f.scope = outer;
    }
    return true;
  }

  /**
   * A loop over a list of objects of known classes ({@link ElementClasses}): its body runs on an
   * object of each class, the loop variable bound to it, so a method called on it is that
   * class's own. Where the classes' steps differ, a choice by class ({@link ClassBranches}).
   */
  private void loopByClass(String label, Stmt.For loop, List<ClassInfo> held, Frame f,
      List<Step> out) {
    String variable = ((Expr.Name) loop.target()).id();
    Map<String, LinkedHashMap<String, Step.Field>> before = copy(f.assigned);
    Scope outer = f.scope;
    List<List<Step>> byClass = new ArrayList<>();
    try {
      for (ClassInfo cls : held) {
        f.scope = outer.withBound(Map.of(variable, new Value.InstanceValue(cls)));
        List<Step> steps = new ArrayList<>();
        branchFields(loop.body(), before, f, steps);
        byClass.add(steps);
      }
    } finally {
      f.scope = outer;
    }
    List<Step> steps = ClassBranches.of(variable, held, byClass, f.origin);
    if (!steps.isEmpty()) {
      out.add(new Step.Block(Step.BlockKind.LOOP,
          List.of(new Step.Branch(ConstText.shorten(label), steps)), f.origin));
    }
  }

  private void loop(String label, List<Stmt> body, Frame f, List<Step> out) {
    List<Step> steps = new ArrayList<>();
    branch(body, f, steps);
    if (!steps.isEmpty()) {
      out.add(new Step.Block(Step.BlockKind.LOOP,
          List.of(new Step.Branch(ConstText.shorten(label), steps)), f.origin));
    }
  }

  /**
   * {@code volume = objects.Volume(context=context, **volume_properties)}: the state fields an
   * object is built with ({@code 'status': 'creating'}) are assigned on it, for the write that
   * stores it to say.
   */
  private void constructed(Stmt.Assign a, Frame f) {
    if (a.targets().size() != 1 || !(a.targets().get(0) instanceof Expr.Name n)
        || !(a.value() instanceof Expr.Call c)
        || !(resolver.valueOf(c.func(), f.scope) instanceof Value.ClassValue)) {
      return;
    }
    Arguments.keywords(c, f.scope).forEach((name, value) -> {
      if (profile.isStateField(name)) {
        assign(n.id(), field(name, value, f), f);
      }
    });
  }

  private void recordAssignment(Expr target, Expr value, Frame f) {
    if (target instanceof Expr.Attribute a) {
      String receiver = Names.dotted(a.value());
      // A private attribute (migration._context) is the object's own state, not a saved field.
      // instance.info_cache = ic, after ic.save(): the record is stored on its own. An object's
      // request context (snapshot.context = context) is no field of its record.
      if (receiver != null && !a.attr().startsWith("_") && !a.attr().equals("context")
          && !(value instanceof Expr.Name n && f.stored.contains(n.id()))) {
        assign(receiver, field(a.attr(), value, f), f);
      }
    } else if (target instanceof Expr.Subscript sub && sub.value() instanceof Expr.Attribute a
        && !a.attr().startsWith("_")) {
      // instance.system_metadata['old_vm_state'] = ...: the next save writes that entry too.
      String receiver = Names.dotted(a.value());
      if (receiver != null) {
        assign(receiver, field(a.attr() + "[" + text(sub.index(), f) + "]", value, f), f);
      }
    } else if (target instanceof Expr.Sequence seq) {
      seq.elements().forEach(t -> recordAssignment(t, value, f));
    }
  }

  private static void assign(String receiver, Step.Field field, Frame f) {
    f.assigned.computeIfAbsent(receiver, k -> new LinkedHashMap<>()).put(field.name(), field);
  }

  /**
   * What a save will say of {@code name = value}: a literal is the value; a call or expression
   * is kept as computed text; a variable's name is never a state's value, only the field is.
   */
  private Step.Field field(String name, Expr value, Frame f) {
    String literal = literal(value, f);
    if (literal == null && value instanceof Expr.Call c) {
      literal = caseValues(c);
    }
    if (literal == null && value instanceof Expr.Name n) {
      literal = eitherLiteral(f.reached.get(n.id()), f);
    }
    if (literal == null && value instanceof Expr.Call conv && conv.func() instanceof Expr.Name b
        && CONVERSIONS.contains(b.id()) && conv.args().size() == 1
        && conv.args().get(0).kind() == Arg.Kind.POSITIONAL) {
      // size = int(new_size): the value converted says what is written.
      return field(name, conv.args().get(0).value(), f);
    }
    if (literal == null && value instanceof Expr.Attribute
        && resolver.valueOf(value, f.scope) instanceof Value.StringValue constant
        && !constant.value().contains("...")) {
      // fields.SnapshotStatus.AVAILABLE: a class's constant is the string it holds.
      literal = "'" + constant.value() + "'";
    }
    if (literal != null) {
      return new Step.Field(name, literal, false);
    }
    if (profile.isStateField(name)
        && (value instanceof Expr.Name || value instanceof Expr.Attribute)) {
      return new Step.Field(name, null, false);
    }
    // An attribute says whose it is (instance_type_id = new_flavor.id, not "= id").
    String dotted = value instanceof Expr.Attribute ? Names.dotted(value) : null;
    return new Step.Field(name, dotted != null ? dotted.replaceFirst("^self\\.", "")
        : ConstText.of(value, f.fn.module().ast()), true);
  }

  /**
   * The values a SQL CASE written as a value can set ({@code Case([(has_attachments,
   * 'in-use')], else_='available')}, Cinder's db_utils over SQLAlchemy's case): each string
   * literal it yields, in order, joined by "or"; null for any other call.
   */
  private static String caseValues(Expr.Call c) {
    if (!"Case".equals(Names.simpleName(c.func())) || c.args().isEmpty()
        || !(c.args().get(0).value() instanceof Expr.Sequence whens)) {
      return null;
    }
    List<String> values = new ArrayList<>();
    for (Expr when : whens.elements()) {
      if (when instanceof Expr.Sequence pair && pair.elements().size() == 2
          && Names.string(pair.elements().get(1)) != null) {
        values.add("'" + Names.string(pair.elements().get(1)) + "'");
      } else {
        return null;
      }
    }
    for (Arg a : c.args()) {
      if (a.kind() == Arg.Kind.KEYWORD && "else_".equals(a.keyword())) {
        String orElse = Names.string(a.value());
        if (orElse == null) {
          return null;
        }
        values.add("'" + orElse + "'");
      }
    }
    return values.size() < 2 ? null : String.join(" or ", values);
  }

  /**
   * A local the branches before assigned different literals ({@code orig_volume_status =
   * 'available'} or {@code 'in-use'}, by whether the volume has attachments): each, in order,
   * joined by "or"; null unless every value reaching here is a literal.
   */
  private String eitherLiteral(List<Expr> values, Frame f) {
    if (values == null || values.size() < 2) {
      return null;
    }
    java.util.LinkedHashSet<String> texts = new java.util.LinkedHashSet<>();
    for (Expr v : values) {
      String text = v instanceof Expr.Constant ? literal(v, f) : null;
      if (text == null) {
        return null;
      }
      texts.add(text);
    }
    return texts.size() < 2 ? null : String.join(" or ", texts);
  }

  /**
   * The dict a local handed to {@code update(...)} was last assigned on the path walked: a
   * branch not taken bound another ({@code updates = {'migration_status': 'error', ...}} where
   * the migration failed), which the function's first assignment would say.
   */
  private static Optional<Expr.Dict> reachedDict(Expr.Call c, Frame f) {
    if (c.args().size() != 1 || !(c.args().get(0).value() instanceof Expr.Name n)) {
      return Optional.empty();
    }
    List<Expr> values = f.reached.get(n.id());
    return values == null || values.isEmpty()
        || !(values.get(values.size() - 1) instanceof Expr.Dict d)
        || d.keys().stream().anyMatch(k -> Names.string(k) == null)
        ? Optional.empty() : Optional.of(d);
  }

  /**
   * {@code obj.update(x)} where {@code x} was last bound on the path to what a function returns
   * that always returns a dict literal with entries (LVM's create_export): those keys.
   */
  private Optional<List<String>> filledKeys(Expr.Call c, Frame f) {
    if (!(c.func() instanceof Expr.Attribute a) || !a.attr().equals("update")
        || Names.dotted(a.value()) == null || c.args().size() != 1
        || !(c.args().get(0).value() instanceof Expr.Name n)) {
      return Optional.empty();
    }
    List<Expr> values = f.reached.get(n.id());
    if (values == null || values.isEmpty()
        || !(values.get(values.size() - 1) instanceof Expr.Call call)
        || !(resolver.valueOf(call.func(), f.scope) instanceof Value.FunctionValue fv)
        || !MainReturns.fillsADict(fv.function())) {
      return Optional.empty();
    }
    List<String> keys = new ArrayList<>();
    StatementWalker.forEach(fv.function().ast().body(), st -> {
      if (st instanceof Stmt.Return r && r.value() instanceof Expr.Dict d) {
        d.keys().forEach(k -> {
          if (Names.string(k) != null && !keys.contains(Names.string(k))) {
            keys.add(Names.string(k));
          }
        });
      }
    });
    return keys.isEmpty() ? Optional.empty() : Optional.of(keys);
  }

  /** Keeps what a local was assigned on the path ({@link Frame#reached}). */
  private static void reached(Expr target, Expr value, Frame f) {
    if (target instanceof Expr.Name n) {
      List<Expr> values = f.branching == 0 ? new ArrayList<>()
          : new ArrayList<>(f.reached.getOrDefault(n.id(), List.of()));
      values.add(value);
      f.reached.put(n.id(), values);
    }
  }

  /** A local assigned a literal keeps its text, unless the assignment may not run. */
  private void trackName(Expr target, Expr value, Frame f) {
    if (target instanceof Expr.Name n) {
      String literal = f.branching == 0 ? literal(value, f) : null;
      if (literal != null) {
        f.literals.put(n.id(), literal);
      } else {
        f.literals.remove(n.id());
      }
      if (f.branching == 0 && value != null && setting(value, f) != null) {
        f.settingTests.put(n.id(), value);
      } else {
        f.settingTests.remove(n.id());
      }
    } else if (target instanceof Expr.Sequence seq) {
      for (int i = 0; i < seq.elements().size(); i++) {
        // a, b = pair: each name holds its item (timeout, retry = self._get_power_off_values()).
        Expr item = value == null ? null : new Expr.Subscript(value, new Expr.Constant(
            Expr.ConstKind.NUMBER, Integer.toString(i), value.pos()), value.pos());
        trackName(seq.elements().get(i), item, f);
      }
    }
  }

  /**
   * What the deployment makes of an if no literal flag decides: its settings or policy decide
   * the test, or a closed gate keeps one branch; null when nothing does.
   */
  private SettingTests.Decision decision(Stmt.If s, Frame f) {
    SettingTests.Decision d = setting(s.test(), f);
    if (d != null || flag(s.test(), f) != null) {
      return d;
    }
    return settings.gated(s, f.scope, c -> {
      Value v = resolver.valueOf(c.func(), f.scope);
      return v instanceof Value.FunctionValue fv ? fv.function().module()
          : v instanceof Value.ClassValue cv ? cv.cls().module() : null;
    });
  }

  /** {@code x.f = value}: what the deployment decides of the value, carried with the field. */
  private void carry(Expr target, Expr value, Frame f) {
    if (target instanceof Expr.Attribute a) {
      carried(a.attr(), value, f);
      if (a.value() instanceof Expr.Name n && n.id().equals(f.scope.selfName())
          && f.scope.selfClass() != null) {
        selfField(f.scope.selfClass().qualifiedName() + "." + a.attr(), value, f);
      }
    }
  }

  /** {@code self.x = literal}: kept for the methods of the object to test (see selfFields). */
  private void selfField(String key, Expr value, Frame f) {
    String text = LiteralFlags.fixed(literal(value, f));
    String before = selfFields.peek(key);
    if (text == null && before == null) {
      return;
    }
    if (f.branching > 0 && text != null && before != null && !text.equals(before)) {
      text = null; // two values, depending on a branch: neither is known after it
    }
    selfFields.put(key, text);
  }

  /**
   * {@code objects.Destination(allow_cross_cell_move=allowed)}: a class (by Python's naming, a
   * capitalized name) built with a field's value sets that field.
   */
  private void constructorFields(Expr.Call c, Frame f) {
    String name = dev.novatrace.index.Names.simpleName(c.func());
    if (name == null || name.isEmpty() || !Character.isUpperCase(name.charAt(0))) {
      return;
    }
    for (dev.novatrace.python.ast.Arg arg : c.args()) {
      if (arg.kind() == dev.novatrace.python.ast.Arg.Kind.KEYWORD) {
        carried(arg.keyword(), arg.value(), f);
      }
    }
    if (resolver.valueOf(c.func(), f.scope) instanceof Value.ClassValue cv) {
      initFields(cv.cls(), c, f);
    }
  }

  /**
   * {@code MigrationTask(..., host_list)} with {@code host_list} bound to None: the fields its
   * {@code __init__} sets straight from a parameter ({@code self.host_list = host_list}) hold
   * what the call passes, for the object's methods to test.
   */
  private void initFields(ClassInfo cls, Expr.Call c, Frame f) {
    FunctionInfo init = resolver.lookupMethod(cls, "__init__", null);
    if (init == null) {
      return;
    }
    Map<String, String> passed = binding(init, 1, c, f).literals();
    String self = init.ast().params().isEmpty() ? "self" : init.ast().params().get(0).name();
    for (Stmt st : init.ast().body()) {
      if (st instanceof Stmt.Assign a && a.targets().size() == 1
          && a.targets().get(0) instanceof Expr.Attribute t
          && t.value() instanceof Expr.Name n && n.id().equals(self)) {
        String key = cls.qualifiedName() + "." + t.attr();
        String text = a.value() instanceof Expr.Name p ? LiteralFlags.fixed(passed.get(p.id()))
            : null;
        if (text != null || selfFields.peek(key) != null) {
          selfFields.put(key, f.branching > 0 ? null : text);
        }
      }
    }
  }

  private void carried(String field, Expr value, Frame f) {
    settings.carry(field, value, f.branching > 0, f.fn.module(), f.scope, callee(f),
        f.settingTests::get);
  }

  /** Where the settings read a test of frame {@code f}. */
  private SettingTests.Site site(Frame f) {
    return new SettingTests.Site(f.fn.module(), f.scope, callee(f), f.settingTests::get,
        f.literals::get, f.decided);
  }

  /** The function a call in frame {@code f} runs, for the settings' reading of its returns. */
  private java.util.function.Function<Expr.Call, SettingTests.Callee> callee(Frame f) {
    return c -> resolver.valueOf(c.func(), f.scope) instanceof Value.FunctionValue fv
        ? new SettingTests.Callee(fv.function(), fv.receiverOffset()) : null;
  }

  /** What the deployment's settings make of a test no literal flag decides, or null. */
  private SettingTests.Decision setting(Expr test, Frame f) {
    if (flag(test, f) != null) {
      return null;
    }
    return settings.decide(test, site(f));
  }

  /**
   * An if the settings decide: the branch they take is the default path, drawn as what the
   * function goes on to do; the other is what runs where an operator sets them otherwise. A
   * DEFAULT block holds both, the default first. {@code if x: ...; return} decided either way
   * takes the rest of the block as its other branch: true when it did so (the block is done).
   */
  private boolean defaultPath(Stmt.If s, SettingTests.Decision d, List<Stmt> rest, Frame f,
      List<Step> out) {
    boolean guard = s.orElse().isEmpty() && endsWithReturn(s.body());
    List<Stmt> whenFalse = guard ? rest : s.orElse();
    List<Stmt> taken = d.value() ? s.body() : whenFalse;
    List<Stmt> other = d.value() ? whenFalse : s.body();
    evaluated(s.test(), f).forEach(e -> expression(e, f, out, false));
    List<Step> otherSteps = otherwise(d, other, f);
    List<Step> takenSteps = new ArrayList<>();
    walk(taken, f, takenSteps);
    bindAssigned(taken, f);
    if (takenSteps.isEmpty() && otherSteps.isEmpty() && !(guard && d.value())) {
      // Nothing to draw either way: no assumption worth naming. An early return by default is
      // kept: the function does nothing by default, which its caller's note must not hide.
      return guard;
    }
    out.add(new Step.Block(Step.BlockKind.DEFAULT, List.of(
        new Step.Branch(d.describe(), takenSteps),
        new Step.Branch(d.otherwise(), otherSteps)), f.origin));
    return guard;
  }

  /**
   * The parts of a test that run: {@code a and b()} stops at a False {@code a} (a setting off by
   * default, a literal flag), so {@code b()} is not called and not drawn; {@code or} alike at a
   * True.
   */
  private List<Expr> evaluated(Expr test, Frame f) {
    if (test instanceof Expr.Operation op && op.op().equals("not") && op.operands().size() == 1) {
      return evaluated(op.operands().get(0), f);
    }
    if (!(test instanceof Expr.Operation op && (op.op().equals("and") || op.op().equals("or")))) {
      return List.of(test);
    }
    boolean and = op.op().equals("and");
    List<Expr> out = new ArrayList<>();
    for (Expr x : op.operands()) {
      out.addAll(evaluated(x, f));
      SettingTests.Decision d = setting(x, f);
      Boolean known = d != null ? Boolean.valueOf(d.value()) : flag(x, f);
      if (known != null && known != and) {
        break;
      }
    }
    return out;
  }

  /** A branch's condition as drawn: its test, without what literal flags decide. */
  private String condition(Expr test, Frame f) {
    return ConstText.shorten(flags.residual(test, f.context(), e -> {
      SettingTests.Decision d = setting(e, f);
      return d == null ? null : d.value();
    }));
  }

  /** The truth of a test on a literal-bound parameter ({@code if async_:}), or null. */
  private Boolean flag(Expr test, Frame f) {
    return flags.truth(test, f.context());
  }

  /** Visits an expression in evaluation order, handling each call in it. */
  private void expression(Expr e, Frame f, List<Step> out, boolean statementLevel) {
    if (e == null || e instanceof Expr.Lambda) {
      return;
    }
    for (Expr child : ExprChildren.of(e)) {
      // A receiver chain (self._host.get_guest(i).pause()) is as much the statement as its end.
      boolean chain = statementLevel && (e instanceof Expr.Call c0 && child == c0.func()
          || e instanceof Expr.Attribute a0 && child == a0.value());
      expression(child, f, out, chain);
    }
    if (e instanceof Expr.Call c) {
      constructorFields(c, f);
      call(c, f, out, statementLevel);
    }
  }

  /** Acts on what a call is ({@link CallClassifier}): draws it, follows it, or both. */
  private void call(Expr.Call c, Frame f, List<Step> out, boolean statementLevel) {
    Value callee = resolver.valueOf(c.func(), f.scope);
    CallContext cx = f.context();
    CallSite site = classifier.classify(c, callee, cx, statementLevel);
    if (site instanceof CallSite.Noted n) {
      out.add(new Step.Note(f.participant, n.text(), f.origin));
      return;
    }
    if (site instanceof CallSite.Rpc r) {
      rpc(r, c, f, out);
      return;
    }
    Optional<List<String>> filled = site instanceof CallSite.FieldUpdate ? Optional.empty()
        : filledKeys(c, f);
    if (filled.isPresent()) {
      // volume.update(model_update), the driver's filled dict: its keys are the fields.
      String receiver = Names.dotted(((Expr.Attribute) c.func()).value());
      filled.get().forEach(k -> assign(receiver, new Step.Field(k, null, false), f));
      return;
    }
    if (site instanceof CallSite.FieldUpdate u) {
      Expr.Dict fields = reachedDict(c, f).orElse(u.fields());
      for (int i = 0; i < fields.keys().size(); i++) {
        assign(u.receiver(), field(Names.string(fields.keys().get(i)),
            fields.values().get(i), f), f);
      }
      return;
    }
    if (updatesFromKeywords(c, f)) {
      return;
    }
    if (site instanceof CallSite.FlowRun run) {
      flowRun(run, c, f, out);
      return;
    }
    if (site instanceof CallSite.HandedCall h) {
      handedOver(h.handed(), c, f, out, statementLevel);
    } else if (site instanceof CallSite.LookedUp l) {
      lookedUp(l, c, f, out, statementLevel);
    } else if (site instanceof CallSite.UnknownWrite w) {
      save(c, f, w.target(), null, null, Step.Effect.WRITE, out);
    } else if (site instanceof CallSite.Request r) {
      out.add(endpointMessage(f, r.target(), r.label(), r.effect()));
    } else if (site instanceof CallSite.Unresolved u) {
      unresolved.add(f.fn.module().path() + ":" + c.pos().line() + ": " + text(c.func(), f)
          + ": " + u.reason());
    } else {
      function(site, c, f, out);
    }
    for (HandOffs.Callback cb : handOffs.runningAtCall(c, callee, cx)) {
      helper(cb.function(), c, f, out, false, cb.self(), Map.of());
    }
  }

  /** A function of the tree called: a summary, an endpoint, another service, or a helper. */
  private void function(CallSite site, Expr.Call c, Frame f, List<Step> out) {
    if (site instanceof CallSite.Summarised s) {
      out.add(endpointMessage(f, s.summary().participant(), s.summary().label(),
          s.summary().effect()));
    } else if (site instanceof CallSite.Endpoint e) {
      FunctionInfo fn = e.callee().function();
      save(c, f, e.target(), fn, profile.endpointLabel(fn, e.callee().receiver()),
          profile.endpointEffect(fn), out);
    } else if (site instanceof CallSite.Crossing x) {
      crossing(x, c, f, out);
    } else if (site instanceof CallSite.Helper h) {
      helper(h.callee().function(), c, f, out, h.noteWorthy(), h.callee().instanceClass(),
          flags.bound(h.callee(), c, f.context()), binding(h.callee(), c, f));
    }
  }

  /** A synchronous call into another service: its steps are the callee's, traced there. */
  private void crossing(CallSite.Crossing x, Expr.Call c, Frame f, List<Step> out) {
    Value.FunctionValue fv = x.callee();
    FunctionInfo fn = fv.function();
    if (recursive(activation(fn, fv.instanceClass()))) {
      return;
    }
    String outer = crossedFrom;
    crossedFrom = f.participant;
    try {
      out.add(new Step.Invocation(f.participant, x.target(), fn.name(), Step.Kind.DRIVER,
          traced(fn, x.target(), 0, fv.instanceClass(), flags.bound(fv, c, f.context()),
              binding(fv, c, f)).steps(), f.origin));
    } finally {
      crossedFrom = outer;
    }
  }

  /**
   * A flow of tasks run ({@code engines.run(flow)}, {@code engine.run()}): each task's method
   * runs in turn, as if called here. The engine hands each task what its store holds, which the
   * trace cannot know, so no argument is bound.
   */
  private void flowRun(CallSite.FlowRun run, Expr.Call c, Frame f, List<Step> out) {
    Expr.Call unbound = new Expr.Call(c.func(), List.of(), c.pos());
    for (Value.FunctionValue task : run.tasks()) {
      // Not statement level: a task with nothing to draw is no note ("execute" says nothing).
      function(classifier.ofFunction(task, f.context(), false), unbound, f, out);
    }
    flowRevert(run, unbound, f, out);
  }

  /**
   * A flow that fails reverts the tasks that ran, the last first ({@link TaskFlows#revertMethod}):
   * the failure path (FAILURE), which a detail policy draws in full or cuts to what other
   * services see. Only tasks of the tree that define the method are asked.
   */
  private void flowRevert(CallSite.FlowRun run, Expr.Call unbound, Frame f, List<Step> out) {
    List<Step> reverts = new ArrayList<>();
    for (Value.FunctionValue revert : run.reverts()) {
      function(classifier.ofFunction(revert, f.context(), false), unbound, f, reverts);
    }
    if (!reverts.isEmpty()) {
      out.add(new Step.Block(Step.BlockKind.FAILURE, List.of(new Step.Branch(
          "a task fails: " + resolver.hints().taskFlows().revertMethod(), reverts)), f.origin));
    }
  }

  /**
   * A call through a function looked up in a dict of literals: the function of a literal key,
   * or a choice between all of them on the key.
   */
  private void lookedUp(CallSite.LookedUp l, Expr.Call c, Frame f, List<Step> out,
      boolean statementLevel) {
    List<Step.Branch> branches = new ArrayList<>();
    for (DictLookup.Entry e : l.entries()) {
      List<Step> steps = new ArrayList<>();
      function(classifier.ofFunction(e.function(), f.context(), statementLevel), c, f, steps);
      branches.add(new Step.Branch(l.key() + " == '" + e.key() + "'", steps));
    }
    if (branches.size() == 1) {
      out.addAll(branches.get(0).steps());
    } else {
      addBranches(branches, f, out);
    }
  }

  /**
   * The flags an RPC message gives its handler: the client method's literal flags, and the
   * literal keywords of the message itself ({@code cctxt.cast(ctxt, 'get_backup_device', ...,
   * async_call=True)}), each to the manager's parameter of its name.
   */
  private static Map<String, Boolean> sent(FunctionInfo manager, Expr.Call c, Frame f) {
    Map<String, Boolean> flags = new HashMap<>(f.flags);
    for (Arg a : c.args()) {
      if (a.kind() == Arg.Kind.KEYWORD && a.value() instanceof Expr.Constant k
          && (k.kind() == Expr.ConstKind.TRUE || k.kind() == Expr.ConstKind.FALSE)) {
        flags.put(a.keyword(), k.kind() == Expr.ConstKind.TRUE);
      }
    }
    return LiteralFlags.carried(manager, flags);
  }

  /**
   * An RPC message to the manager that serves it, whose method is traced in the server's
   * participant; a verb chosen at run time ({@code cctxt.cast if do_cast else cctxt.call}) is a
   * choice between the candidates.
   */
  private void rpc(CallSite.Rpc r, Expr.Call c, Frame f, List<Step> out) {
    List<Step> steps = r.handler()
        .map(m -> traced(m, r.target(), 0, r.manager(), sent(m, c, f),
            rpcBinding(m, f)).steps())
        .orElseGet(() -> List.of(new Step.Note(r.target(), "no method " + r.method() + " in "
            + r.server().managerClass(), f.origin)));
    if (r.verbs().size() == 1) {
      out.add(rpcMessage(r.verbs().get(0).verb(), f, r.target(), r.method(), steps));
      return;
    }
    List<Step.Branch> branches = new ArrayList<>();
    for (CallSite.Verb v : r.verbs()) {
      branches.add(new Step.Branch(v.condition(),
          List.of(rpcMessage(v.verb(), f, r.target(), r.method(), steps))));
    }
    out.add(new Step.Block(Step.BlockKind.CHOICE, branches, f.origin));
  }

  /**
   * A function handed over, called here. It runs in the participant it was handed over from: a
   * callback such as the compute manager's {@code _post_live_migration} or its
   * {@code update_task_state} closure runs in nova_compute on that host, even when the driver
   * calls it; a method keeps its receiver.
   */
  private void handedOver(Handed handed, Expr.Call c, Frame f, List<Step> out,
      boolean statementLevel) {
    Value.FunctionValue fv = handed.fn();
    FunctionInfo fn = fv.function();
    Binding b = binding(fv, c, f).enclosedBy(handed);
    String where = handed.participant();
    // cb(context, instance, local=True): literal flags decide the callee's branches here too.
    Map<String, Boolean> bound = flags.bound(fv, c, f.context());
    if (where.equals(f.participant) && fv.receiver() == null) {
      helper(fn, c, f, out, statementLevel, null, bound, b);
      return;
    }
    if (recursive(activation(fn, fv.instanceClass())) || f.depth >= horizon) {
      return;
    }
    Traced traced = traced(fn, where, f.depth + 1, fv.instanceClass(), bound, b);
    if (!traced.steps().isEmpty()) {
      out.add(new Step.Local(where, Step.Origin.of(fn), false, traced.steps(), f.origin));
    }
  }

  private Step.Message endpointMessage(Frame f, String target, String label, Step.Effect effect) {
    Step.Kind kind = profile.isDatabase(target) ? Step.Kind.DATABASE : Step.Kind.SERVICE;
    List<Step.Field> fields = f.lastSaved == null ? List.of() : f.lastSaved;
    String subject = f.lastSubject;
    Step.Effect written = fields.isEmpty() ? effect
        : fields.stream().map(Step.Field::name).anyMatch(profile::isStateField)
            ? Step.Effect.STATE : Step.Effect.WRITE;
    if (subject != null && kind == Step.Kind.DATABASE
        && profile.isRecordLifecycle(subject.substring(subject.lastIndexOf('.') + 1))) {
      // A record created or destroyed is a change of state as much as a state field is.
      written = Step.Effect.STATE;
    }
    f.lastSaved = null;
    f.lastSubject = null;
    return new Step.Message(f.participant, target, label, kind, written, f.origin, fields,
        subject);
  }

  private void helper(FunctionInfo fn, Expr.Call c, Frame f, List<Step> out,
      boolean statementLevel, ClassInfo self, Map<String, Boolean> flags) {
    helper(fn, c, f, out, statementLevel, self, flags, Binding.NONE);
  }

  private void helper(FunctionInfo fn, Expr.Call c, Frame f, List<Step> out,
      boolean statementLevel, ClassInfo self, Map<String, Boolean> flags, Binding binding) {
    // super().m(...) is the rest of the same method, not a helper one level deeper: a subclass
    // that extends its base class's method shows as much of it as the base class itself.
    boolean extension = extendsBase(c);
    // A client module's code is how a request leaves, at whatever depth its caller makes it (an
    // image downloaded twelve helpers below spawn): it adds no level of its own.
    boolean client = profile.clientModule(fn.module().path()).isPresent();
    if (recursive(activation(fn, self)) || f.depth >= horizon && !extension && !client) {
      return;
    }
    int depth = f.depth + (extension || client ? 0 : 1);
    Traced traced = traced(fn, f.participant, depth, self, flags, binding);
    carryUnsaved(traced.unsaved(), binding, f);
    restored(fn, binding, f);
    List<Step> steps = traced.steps();
    boolean noteWhenEmpty = statementLevel && !profile.isSpawner(c);
    if (!steps.isEmpty() || noteWhenEmpty) {
      out.add(new Step.Local(f.participant, Step.Origin.of(fn),
          noteWhenEmpty, steps, f.origin));
    }
  }

  /**
   * {@code keys = self._scrub(instance)}, a helper that returns what the instance's fields held
   * before it changed them: the local holds those fields of that receiver.
   */
  private void snapshot(Stmt.Assign a, Frame f) {
    if (a.targets().size() != 1 || !(a.targets().get(0) instanceof Expr.Name local)) {
      return;
    }
    f.snapshots.remove(local.id());
    if (!(a.value() instanceof Expr.Call c)
        || !(resolver.valueOf(c.func(), f.scope) instanceof Value.FunctionValue fv)) {
      return;
    }
    FieldSnapshots.of(fv.function()).ifPresent(snap -> {
      Expr of = Arguments.passed(fv.function().ast().params(), fv.receiverOffset(), c, f.scope)
          .get(snap.param());
      String receiver = of == null ? null : Names.dotted(of);
      if (receiver != null) {
        f.snapshots.put(local.id(), new Snapshot(receiver, snap.fields()));
      }
    });
  }

  /**
   * A helper that updates an object with what a snapshot local held ({@code
   * self._restore(instance, keys)}) gives its fields back: set and restored before the save,
   * they are no change.
   */
  private static void restored(FunctionInfo fn, Binding binding, Frame f) {
    FieldSnapshots.restore(fn).ifPresent(r -> {
      Expr object = binding.passed().get(r.object());
      Expr values = binding.passed().get(r.values());
      Snapshot snap = values instanceof Expr.Name n ? f.snapshots.get(n.id()) : null;
      if (snap != null && object != null && snap.receiver().equals(Names.dotted(object))) {
        Map<String, Step.Field> pending = f.assigned.get(snap.receiver());
        if (pending != null) {
          snap.fields().forEach(pending::remove);
        }
        // Also from what each branch taken before left pending (a save after an if).
        for (Alternative alt : f.alternatives.getOrDefault(snap.receiver(), List.of())) {
          Map<String, Step.Field> left = alt.fields().get(snap.receiver());
          if (left != null) {
            snap.fields().forEach(left::remove);
          }
        }
      }
    });
  }

  /** What a local holds of a receiver's fields as they were ({@link FieldSnapshots}). */
  private record Snapshot(String receiver, java.util.Set<String> fields) {}

  /** {@code super().m(...)} or {@code super(Cls, self).m(...)}. */
  private static boolean extendsBase(Expr.Call c) {
    return c.func() instanceof Expr.Attribute a && a.value() instanceof Expr.Call s
        && s.func() instanceof Expr.Name n && n.id().equals("super");
  }

  /**
   * Fields a helper set on a parameter's object but did not save are the caller's to save
   * ({@code _update_instance_after_spawn(instance)} then {@code instance.save()}): they join
   * what is pending on the argument's receiver, after what the caller set before the call.
   */
  private static void carryUnsaved(Map<String, LinkedHashMap<String, Step.Field>> unsaved,
      Binding binding, Frame f) {
    unsaved.forEach((receiver, fields) -> {
      int dot = receiver.indexOf('.');
      String head = dot < 0 ? receiver : receiver.substring(0, dot);
      Expr passed = binding.passed().get(head);
      String arg = passed == null ? null : Names.dotted(passed);
      if (arg != null) {
        fields.values().forEach(field -> assign(arg + receiver.substring(head.length()), field, f));
      }
    });
  }

  private static Step rpcMessage(String verb, Frame f, String target, String method,
      List<Step> steps) {
    return verb.equals("cast") ? new Step.Cast(f.participant, target, method, steps, f.origin)
        : new Step.Invocation(f.participant, target, method, Step.Kind.RPC_CALL, steps, f.origin);
  }

  /**
   * The message of an endpoint call; a save of fields that depend on a branch taken before it is
   * a choice of saves on the same conditions.
   */
  private void save(Expr.Call c, Frame f, String target, FunctionInfo callee, String fallback,
      Step.Effect effect, List<Step> out) {
    String receiver = c.func() instanceof Expr.Attribute a && profile.writesFields(a.attr())
        ? Names.dotted(a.value()) : null;
    if (receiver != null) {
      f.stored.add(receiver);
    }
    List<Alternative> choices = receiver == null ? null : f.alternatives.remove(receiver);
    if (choices == null) {
      out.add(endpointMessage(f, target, saveLabel(c, f, callee, fallback), effect));
      return;
    }
    // Fields assigned after the branches joined (task_state = RESIZE_FINISH after the flavor
    // fields an if chose) are saved on every path: later code saw the last branch's fields.
    Map<String, Step.Field> now = f.assigned.getOrDefault(receiver, new LinkedHashMap<>());
    Map<String, Step.Field> base = choices.get(choices.size() - 1).fields().get(receiver);
    LinkedHashMap<String, Step.Field> later = new LinkedHashMap<>();
    now.forEach((name, field) -> {
      if (!field.equals(base.get(name))) {
        later.put(name, field);
      }
    });
    List<Step.Branch> branches = new ArrayList<>();
    for (Alternative a : choices) {
      LinkedHashMap<String, Step.Field> fields = new LinkedHashMap<>(a.fields().get(receiver));
      later.keySet().forEach(fields::remove);
      fields.putAll(later);
      f.assigned.put(receiver, fields);
      branches.add(new Step.Branch(a.condition(),
          List.of(endpointMessage(f, target, saveLabel(c, f, callee, fallback), effect))));
    }
    out.add(new Step.Block(Step.BlockKind.CHOICE, branches, f.origin));
  }

  /**
   * A save's label names the object and lists the fields assigned on the receiver since its
   * last save ({@code Instance.save: vm_state = PAUSED\ntask_state = None}); a record created
   * or destroyed lists the fields whose value is known ({@code Migration.create: status =
   * 'pre-migrating'}); other calls keep {@code fallback}.
   */
  private String saveLabel(Expr.Call c, Frame f, FunctionInfo callee, String fallback) {
    List<Step.Field> passed = passedValues(c, f, callee);
    if (!passed.isEmpty()) {
      // volume.conditional_update({'status': 'extending'}, ...), db.volume_update(ctx, id, {...}):
      // the dict is what the message writes.
      String subject = fallback != null && fallback.contains(".") ? fallback
          : c.func() instanceof Expr.Attribute a && Names.dotted(a.value()) != null
              ? objectNames.of(Names.dotted(a.value())) + "." + a.attr()
              : fallback != null ? fallback : text(c.func(), f);
      f.lastSubject = subject;
      f.lastSaved = passed;
      return Step.Field.label(subject, passed, true);
    }
    if (c.func() instanceof Expr.Attribute a
        && (profile.writesFields(a.attr()) || profile.isRecordLifecycle(a.attr()))
        && (fallback == null || fallback.contains("."))) {
      String receiver = Names.dotted(a.value());
      Map<String, Step.Field> assigned = receiver == null ? null : f.assigned.remove(receiver);
      String subject = fallback != null && fallback.contains(".") ? fallback
          : objectNames.of(receiver == null ? "object" : receiver) + "." + a.attr();
      List<Step.Field> fields = assigned == null || !profile.writesFields(a.attr()) ? List.of()
          : a.attr().equals("save") ? List.copyOf(assigned.values())
          : assigned.values().stream().filter(x -> x.value() != null && !x.computed()).toList();
      f.lastSubject = subject;
      f.lastSaved = fields;
      return Step.Field.label(subject, fields, true);
    }
    List<Step.Field> inside = callee == null || fallback == null ? List.of()
        : internalWrites.of(callee, c, f.scope);
    if (!inside.isEmpty()) {
      // db.volume_attached(..., mark_attached=False): the status the function itself writes.
      f.lastSubject = fallback;
      f.lastSaved = inside;
      return Step.Field.label(fallback, inside, true);
    }
    return fallback != null ? fallback : text(c.func(), f) + "()";
  }

  /** The position of a module function's parameter named {@code values}. */
  private static java.util.OptionalInt valuesParameter(FunctionInfo fn) {
    List<dev.novatrace.python.ast.Param> params = fn.ast().params();
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).name().equals("values")) {
        return java.util.OptionalInt.of(i);
      }
    }
    return java.util.OptionalInt.empty();
  }

  private static String text(Expr e, Frame f) {
    return ConstText.shorten(f.fn.module().ast().text(e.pos()));
  }

  /**
   * The fields of the values dict a database method takes ({@link TraceProfile#valuesArgument}):
   * a dict written there or built in a local, its string keys; none when it is neither.
   */
  private List<Step.Field> passedValues(Expr.Call c, Frame f, FunctionInfo callee) {
    String method = Names.simpleName(c.func());
    java.util.OptionalInt at = method == null ? java.util.OptionalInt.empty()
        : profile.valuesArgument(method);
    boolean statesOnly = false;
    if (at.isEmpty() && callee != null && callee.owner() == null) {
      // A db API function that takes a values dict (db.volume_attach(ctx, values)): the
      // states it writes (a message record's text is no state).
      at = valuesParameter(callee);
      statesOnly = true;
    }
    if (at.isEmpty()) {
      return List.of();
    }
    Expr values = Arguments.keywords(c, f.scope).get("values");
    List<Arg> positional = c.args().stream().filter(x -> x.kind() == Arg.Kind.POSITIONAL)
        .toList();
    if (values == null && at.getAsInt() < positional.size()) {
      values = positional.get(at.getAsInt()).value();
    }
    if (values instanceof Expr.Name n && f.scope.param(n.id()) == null) {
      values = f.scope.local(n.id());
    }
    if (!(values instanceof Expr.Dict dict)) {
      return List.of();
    }
    List<Step.Field> out = new ArrayList<>();
    for (int i = 0; i < dict.keys().size(); i++) {
      String key = Names.string(dict.keys().get(i));
      if (key != null && (!statesOnly || profile.isStateField(key))) {
        out.add(field(key, dict.values().get(i), f));
      }
    }
    return out;
  }
}
