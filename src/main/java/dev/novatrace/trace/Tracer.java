package dev.novatrace.trace;

import dev.novatrace.config.Settings;
import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Follows the calls of a function through the code and turns them into the raw {@link Step}
 * tree: messages where a call crosses into another participant, notes for checks and
 * notifications, blocks for the branches and loops that decide whether a message happens, and a
 * {@link Step.Local} for every helper followed inside one participant. How much of that a diagram
 * shows is not decided here but by a detail policy, so one trace serves every level of detail.
 *
 * <p>The tracer itself remembers traces and guards against recursion; the walk of a body is
 * {@link Statements}' (with {@link Branches} and {@link Fallbacks}), the handling of calls
 * {@link CallSteps}' (with {@link RpcSteps} and {@link Saves}), and what assignments leave
 * {@link Assignments}' and {@link FieldUpdates}'.
 */
public final class Tracer {
  private final Resolver resolver;
  private final TraceProfile profile;
  /** Remembered traces by what they depend on, each with the fields it read (see Traced). */
  private final Map<String, List<Traced>> memo = new HashMap<>();
  /**
   * The functions being traced, each with the class of its receiver: one method run on objects
   * of different classes is no recursion (a task's {@code execute()} running another task's).
   */
  private final Set<String> onStack = new HashSet<>();
  /** The definitions of the functions being traced, by {@code path:line}, with their count. */
  private final Map<String, Integer> definitionsOnStack = new HashMap<>();
  /**
   * For each remembered trace, the definitions of the helpers it follows: read once, as every
   * reuse asks whether one of them is being traced now (by identity: two equal traces are two
   * entries of the memo).
   */
  private final Map<Traced, Set<String>> followedBy = new java.util.IdentityHashMap<>();
  /**
   * The activations being traced, outermost first, and the shallowest of them a recursion guard
   * cut at since the innermost frame began: a frame traced while a caller's activation was cut
   * lacks what that caller would add elsewhere, so it is not remembered for other callers.
   */
  private final List<String> stack = new ArrayList<>();
  private int cutAt = Integer.MAX_VALUE;
  private final UnresolvedCalls unresolved = new UnresolvedCalls();
  /**
   * The participant that called into the service being traced (a compute host into its virt
   * driver), or null: the host that events the driver waits for reach.
   */
  private String crossedFrom;

  private final SettingTests settings;
  /**
   * Fields of {@code self} the path set to a literal, by class and name ({@code
   * MigrationTask.host_list} = {@code None}): a constructor's caller fixes what the methods it
   * runs later test ({@code if self.host_list is None:} on a first migration).
   */
  private final CarriedFields<String> selfFields = new CarriedFields<>();
  private final Horizon horizon;
  private final DepthViews views = new DepthViews();
  private final Statements statements;
  /** The keys of dicts callers write as displays, read where the callee tests them. */
  private final DictShapes shapes;

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
    this.shapes = new DictShapes(resolver);
    this.profile = profile;
    this.horizon = new Horizon(horizon);
    CallClassifier classifier = new CallClassifier(resolver, profile);
    HandOffs handOffs = new HandOffs(resolver, profile, classifier);
    ElementClasses elements = new ElementClasses(resolver, classifier.flags().privateFields());
    Callables callables = new Callables(resolver, classifier);
    EventWaits eventWaits = new EventWaits(resolver, profile);
    InternalWrites internalWrites = new InternalWrites(resolver, profile::isStateField,
        profile::valuesArgument);
    this.settings = new SettingTests(settings, profile, resolver, policy,
        new Gates(resolver.index(), profile.gates()));
    Decisions decisions = new Decisions(resolver, this.settings, classifier.flags());
    Bindings bindings = new Bindings(resolver, profile, elements, callables, this.settings, decisions);
    FieldValues values = new FieldValues(resolver, profile);
    Assignments assignments = new Assignments(resolver, profile, values, decisions,
        this.settings, bindings, selfFields);
    Saves saves = new Saves(profile, resolver, new ObjectNames(resolver), internalWrites, values);
    CallSteps calls = new CallSteps(this, resolver, profile, new CallSteps.Parts(classifier,
        handOffs, bindings, assignments, new FieldUpdates(resolver, values), saves), unresolved);
    this.statements = new Statements(calls, assignments, new Statements.Reading(resolver,
        profile, this.settings, decisions, elements, eventWaits), () -> crossedFrom);
  }

  /** Calls that could not be resolved, as {@code path:line: callee}, sorted (for --explain). */
  public Set<String> unresolved() {
    return unresolved.said();
  }

  /** The steps of one function run by {@code participant}, decorator checks first. */
  public List<Step> traceFunction(FunctionInfo fn, String participant, int depth) {
    return traceEntry(fn, participant, depth, null);
  }

  /**
   * The steps of an action's entry {@code fn} called on an instance of {@code receiver} (null:
   * its own class), decorator checks first.
   */
  public List<Step> traceEntry(FunctionInfo fn, String participant, int depth,
      ClassInfo receiver) {
    settings.newPath(); // what another action's path set is not this one's
    selfFields.clear();
    return traceFunction(fn, participant, depth, receiver, Map.of());
  }

  /**
   * The steps of a handler another service's report starts ({@link Continuations}), at depth 0
   * on an instance of {@code receiver}, its parameters holding {@code literals}.
   */
  List<Step> traceEntry(FunctionInfo fn, String participant, ClassInfo receiver,
      Map<String, String> literals) {
    settings.newPath();
    selfFields.clear();
    return traced(fn, participant, 0, receiver, Map.of(), literals.isEmpty() ? CallBinding.NONE
        : new CallBinding(literals, Map.of(), Map.of(), Map.of())).steps();
  }

  /**
   * The steps of a function a framework runs on the path being traced ({@code d}: a response
   * event's subscriber), as a helper of {@code from} run by {@code participant}, with the
   * literals the dispatch binds; nothing when it draws nothing.
   */
  public List<Step> traceDispatched(TraceProfile.Dispatch d, String participant,
      Step.Origin from) {
    List<Step> steps = traced(d.function(), participant, 1, d.self(), Map.of(),
        new CallBinding(d.literals(), Map.of(), Map.of(), d.types())).steps();
    return steps.isEmpty() ? List.of()
        : List.of(new Step.Local(participant, Step.Origin.of(d.function()), false, steps, from));
  }

  /**
   * The steps of {@code fn} called on an instance of {@code self} (null: its own class) with
   * the parameters in {@code flags} bound to literal True/False/None.
   */
  List<Step> traceFunction(FunctionInfo fn, String participant, int depth, ClassInfo self,
      Map<String, Boolean> flags) {
    return traced(fn, participant, depth, self, flags, CallBinding.NONE).steps();
  }

  /**
   * What tracing a function gives: its steps, and the fields it assigned on a receiver but
   * left for a caller to save (receiver text in the function → field → value).
   */
  record Traced(List<Step> steps, Map<String, LinkedHashMap<String, Step.Field>> unsaved,
      CarriedFields.Journal<?> carried, CarriedFields.Journal<String> selfSet, int depth,
      Horizon.Reach reach) {}

  /**
   * The steps of {@code fn} run by {@code participant} as the callee of a synchronous call from
   * {@code from}, in another service: while it is traced, events its code waits for reach
   * {@code from} (see crossedFrom).
   */
  List<Step> crossedInto(String from, FunctionInfo fn, String participant, ClassInfo self,
      Map<String, Boolean> flags, CallBinding binding) {
    String outer = crossedFrom;
    crossedFrom = from;
    try {
      return traced(fn, participant, 0, self, flags, binding).steps();
    } finally {
      crossedFrom = outer;
    }
  }

  Traced traced(FunctionInfo fn, String participant, int depth, ClassInfo self,
      Map<String, Boolean> flags, CallBinding binding) {
    // Not the depth: what a trace learnt of the horizon says at which depths it holds.
    String key = key(fn) + "|" + participant + "|"
        + (self == null ? "" : self.qualifiedName()) + "|" + new TreeMap<>(flags) + "|"
        + binding.key() + "|" + settings.releasedKey() + "|" + crossedFrom;
    for (Traced cached : memo.getOrDefault(key, List.of())) {
      if (horizon.holds(cached.depth(), cached.reach(), depth)
          && settings.holds(cached.carried()) && selfFields.holds(cached.selfSet())
          && !followsWhatIsOnStack(cached)) {
        settings.replay(cached.carried());
        selfFields.replay(cached.selfSet());
        horizon.reused(depth, cached.reach());
        return views.at(cached, depth);
      }
    }
    String activation = activation(fn, self);
    boolean entered = onStack.add(activation);
    String definition = definition(Step.Origin.of(fn));
    definitionsOnStack.merge(definition, 1, Integer::sum);
    int index = stack.size();
    stack.add(activation);
    int outerCut = cutAt;
    cutAt = Integer.MAX_VALUE;
    settings.journal();
    selfFields.begin();
    horizon.begin(depth);
    boolean journaled = true;
    try {
      Frame frame = new Frame(fn, resolver.scopeOf(fn).withSelf(self).withPassed(binding.types()),
          participant, depth, flags, binding, shapes);
      frame.decided = binding.decided();
      frame.selfField = attr -> frame.scope.selfClass() == null ? null
          : selfFields.get(frame.scope.selfClass().qualifiedName() + "." + attr);
      List<Step> out = new ArrayList<>();
      for (String note : profile.notesForDecorators(fn, resolver)) {
        out.add(new Step.Note(participant, note, frame.origin));
      }
      statements.walk(fn.ast().body(), frame, out);
      frame.assigned.values().removeIf(Map::isEmpty);
      journaled = false;
      Traced result = new Traced(List.copyOf(out), frame.assigned, settings.endJournal(),
          selfFields.end(), depth, horizon.end());
      boolean remembered = cutAt >= index;
      if (remembered) {
        memo.computeIfAbsent(key, k -> new ArrayList<>()).add(result);
      }
      return views.made(result, remembered);
    } finally {
      if (journaled) {
        settings.endJournal();
        selfFields.end();
        horizon.end();
      }
      cutAt = Math.min(outerCut, cutAt);
      stack.remove(stack.size() - 1);
      if (entered) {
        onStack.remove(activation);
      }
      definitionsOnStack.computeIfPresent(definition, (k, n) -> n == 1 ? null : n - 1);
    }
  }

  /**
   * Whether a remembered trace follows a helper that is being traced now: here that helper
   * would be a recursion, not followed again, so the trace is made anew (what an action draws
   * does not depend on the actions traced before it).
   */
  private boolean followsWhatIsOnStack(Traced cached) {
    Set<String> followed = followedBy.computeIfAbsent(cached, Tracer::followed);
    if (followed.size() < definitionsOnStack.size()) {
      return followed.stream().anyMatch(definitionsOnStack::containsKey);
    }
    return definitionsOnStack.keySet().stream().anyMatch(followed::contains);
  }

  /** The definitions of the helpers {@code traced} follows. */
  private static Set<String> followed(Traced traced) {
    Set<String> out = new HashSet<>();
    Step.walk(traced.steps()).forEach(st -> {
      if (st instanceof Step.Local l) {
        out.add(definition(l.callee()));
      }
    });
    return out;
  }

  private static String definition(Step.Origin o) {
    return o.path() + ":" + o.line();
  }

  /**
   * Whether a helper called at {@code depth} inside its participant is too deep to follow
   * (the horizon, a guard against endless nesting); the trace being made depends on it.
   */
  boolean beyondHorizon(int depth) {
    return horizon.beyond(depth);
  }

  /**
   * Whether {@code fn} run on an instance of {@code self} is being traced already (a recursion,
   * not followed again); the frames above it then depend on where they were reached from.
   */
  boolean recursive(FunctionInfo fn, ClassInfo self) {
    String activation = activation(fn, self);
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
}
