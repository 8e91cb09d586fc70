package dev.novatrace.detail;

import dev.novatrace.trace.Step;
import dev.novatrace.trace.Trace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flattens the raw step tree of a trace for full or standard detail: helpers are inlined (past
 * {@code depth} only what crosses a service or changes state), choices become opt/alt. Standard
 * detail also leaves out reads past the first lookup, notes of helpers a reader does not follow,
 * and repeated queries, and folds helpers a person draws as one note.
 */
final class Shaper {
  /** Full detail is the tracer's own view; standard is what a person draws. */
  record Level(int depth, boolean standard) {}

  /**
   * Where in the raw tree a step is: helper depth and same-module hops in the activation,
   * whether the activation is the entry's or a driver's, and the function a reader follows that
   * the step is anchored to at standard detail (null: its own).
   */
  private record Place(int depth, int moduleHops, boolean entryActivation, boolean driver,
      Step.Origin anchor, String participant) {
    Place into(Step.Local l) {
      if (participant != null && !l.participant().equals(participant)) {
        // A callback the driver calls back into the manager with (post and rollback of a live
        // migration) is the manager's own work again, not the driver's internals.
        return new Place(0, 0, false, false, null, l.participant());
      }
      if (passThrough(l)) {
        // A closure or wrapper that only calls on (do_reboot_instance) is no level of its own.
        return new Place(depth + 1, moduleHops, entryActivation, driver, anchor, participant);
      }
      boolean sameModule = l.callee().path().equals(l.origin().path());
      int hops = sameModule ? moduleHops + 1 : 0;
      // Past the helpers a reader follows, steps are anchored to the last one followed.
      Step.Origin followed = hops <= ANCHOR_HOPS ? null : anchor != null ? anchor : l.origin();
      return new Place(depth + 1, hops, entryActivation, driver, followed, participant);
    }

    /** A helper whose only step is the next helper it calls. */
    private static boolean passThrough(Step.Local l) {
      return l.steps().size() == 1 && l.steps().get(0) instanceof Step.Local;
    }

    static Place activation(Step.Kind kind, String participant) {
      return new Place(0, 0, false, kind == Step.Kind.DRIVER, null, participant);
    }
  }

  /** At standard detail a driver's helpers are shown this deep (1: its method's own helpers). */
  private static final int DRIVER_DEPTH = 1;
  /**
   * A raw step list by identity: the tracer memoises what a function draws, so the same code
   * reached twice is the same list, and comparing it costs nothing however large it is.
   */
  private record Identity(List<Step> steps) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Identity other && other.steps == steps;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(steps);
    }
  }

  /** A helper or cast drawn before: where it is, and its raw steps by identity. */
  private record Drawn(Object... parts) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Drawn other && java.util.Arrays.equals(parts, other.parts);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(parts);
    }
  }

  /** Notes of helpers this many same-module hops below a module's first function are kept. */
  private static final int NOTE_HOPS = 1;
  /**
   * Steps of helpers this many same-module hops below a module's first function are anchored
   * to the helper that makes them (boot's compute steps to _do_build_and_run_instance, not the
   * locked wrapper above it); deeper ones to the last of these a reader follows.
   */
  private static final int ANCHOR_HOPS = 2;
  /** A repeated helper drawing at least this many steps (in blocks too) is folded into a note. */
  private static final int REPEAT_MIN = 3;

  private final Level level;
  private final DetailRules rules;
  private final String entryPath;
  /** Whether the entry file's own reads are drawn ({@link DetailRules#drawsEntryReads}). */
  private final boolean entryReads;
  /**
   * Helpers drawn in full so far, by callee and raw steps: the same helper doing the same again
   * is one note. Raw steps, so that what was left out the first time cannot make them differ.
   */
  private final Set<Object> drawn = new HashSet<>();
  /**
   * Calls into other participants drawn so far, by kind, receiver and label, with the raw steps
   * of their receiver by identity.
   */
  private final Map<String, Identity> called = new HashMap<>();
  /** Casts shaped so far, by their raw form. */
  private final Map<Object, Step.Cast> casts = new HashMap<>();
  /** Queries drawn so far in the current activation: a repeat adds nothing. */
  private Set<String> queried = new HashSet<>();

  private Shaper(Level level, DetailRules rules, String entryPath, boolean entryReads) {
    this.level = level;
    this.rules = rules;
    this.entryPath = entryPath;
    this.entryReads = entryReads;
  }

  static Trace shape(Trace raw, Level level, DetailRules rules) {
    Shaper s = new Shaper(level, rules, raw.entry() == null ? "" : raw.entry().path(),
        rules.drawsEntryReads(raw.request()));
    List<Step> steps = s.steps(raw.steps(), new Place(0, 0, true, false, null, null));
    return raw.withSteps(level.standard()
        ? Notes.merge(Repeats.merge(AlikeBranches.merge(
            Blocks.simplify(Nesting.limit(Blocks.withoutRetests(steps))))))
        : steps);
  }

  private List<Step> steps(List<Step> raw, Place at) {
    List<Step> out = new ArrayList<>();
    for (Step s : raw) {
      if (level.standard() && at.anchor() != null && !(s instanceof Step.Local)) {
        int from = out.size();
        step(s, at, out);
        for (int i = from; i < out.size(); i++) {
          out.set(i, StepTrees.withOrigin(out.get(i), at.anchor()));
        }
      } else {
        step(s, at, out);
      }
    }
    return out;
  }

  private void step(Step s, Place at, List<Step> out) {
    if (s instanceof Step.Note n) {
      if (!level.standard() || at.moduleHops() <= NOTE_HOPS || rules.keepsNote(n.text())) {
        out.add(n);
      }
    } else if (s instanceof Step.Message m) {
      if (keep(m, at)) {
        // A save's label says briefly what computes a value (power_state =
        // _get_power_state()) at every level, as the tracer made it.
        out.add(m);
      }
    } else if (s instanceof Step.Local l) {
      local(l, at, out);
    } else if (s instanceof Step.Block b) {
      block(b, at, out);
    } else if (s instanceof Step.Invocation inv) {
      List<Step> inner = activation(inv.steps(), inv.kind(), inv.to());
      String key = inv.to() + "|" + inv.label();
      if (level.standard() && inv.kind() == Step.Kind.DRIVER && inner.isEmpty()
          && rules.isQuery(inv.label())) {
        // A query of the driver that draws nothing (the node list, a power state read again)
        // tells a reader nothing the diagram needs.
        return;
      }
      if (level.standard() && inv.kind() == Step.Kind.DRIVER && rules.isQuery(inv.label())
          && inner.stream().allMatch(Step.Note.class::isInstance)) {
        // How the driver reads what it is asked for (get guest, get info) is its business.
        inner = List.of();
      }
      Identity before = level.standard() && !inner.isEmpty()
          ? called.putIfAbsent(inv.kind() + "|" + key, new Identity(inv.steps())) : null;
      if (before != null && before.equals(new Identity(inv.steps()))) {
        // The receiver's handling of the same call was drawn before: the call is drawn again,
        // and a note says that what it leads to is as drawn there. Where the receiver goes
        // another way (a hard reboot, after a soft one), it is drawn as it goes.
        // A driver call that leads to requests of other services (an image downloaded) leads
        // on too: a branch that makes it again is not empty.
        boolean leadsOn = !Essentials.filter(inner).isEmpty()
            || inv.kind() == Step.Kind.DRIVER && !Essentials.messages(inner).isEmpty();
        inner = leadsOn
            ? List.of(new Step.Note(inv.to(), inv.label() + StepTrees.AS_ABOVE, inv.origin()))
            : List.of();
      }
      out.add(inv.withSteps(inner));
    } else if (s instanceof Step.Cast c) {
      // The same cast from two branches runs the same receiver code, drawn once: shape it once.
      Object castKey = new Drawn(c.origin(), new Identity(c.steps()), c.to(), c.label());
      Step.Cast shaped = casts.get(castKey);
      if (shaped == null) {
        List<Step> received = activation(c.steps(), Step.Kind.RPC_CALL, c.to());
        if (level.standard() && restates(received, c.label())) {
          // The receiver only does what the message says (update_instance_info: "update
          // instance info"): the cast has said it.
          received = List.of();
        }
        shaped = c.withSteps(received);
        casts.put(castKey, shaped);
      }
      out.add(shaped);
    }
  }

  private List<Step> withOwnQueries(java.util.function.Supplier<List<Step>> shaping) {
    Set<String> outer = queried;
    queried = new HashSet<>();
    try {
      return shaping.get();
    } finally {
      queried = outer;
    }
  }

  /** The steps of another participant's activation: its own helpers, its own queries. */
  private List<Step> activation(List<Step> raw, Step.Kind kind, String participant) {
    Set<String> outer = queried;
    queried = new HashSet<>();
    try {
      List<Step> shaped = steps(raw, Place.activation(kind, participant));
      if (level.standard() && kind == Step.Kind.DRIVER) {
        return Requests.ifNeeded(shaped);
      }
      return level.standard() && kind == Step.Kind.RPC_CALL ? anchored(raw, shaped) : shaped;
    } finally {
      queried = outer;
    }
  }

  /**
   * An RPC server method's steps start at its own anchor, also when all it does is call a
   * nested or decorated function (build_and_run_instance's _locked_do_build_and_run_instance):
   * a reader looks for the method the message names.
   */
  private static List<Step> anchored(List<Step> raw, List<Step> shaped) {
    Step.Origin server = raw.isEmpty() ? null : raw.get(0).origin();
    if (server == null || shaped.isEmpty() || server.equals(shaped.get(0).origin())
        || raw.stream().anyMatch(s -> !server.equals(s.origin()))) {
      return shaped;
    }
    List<Step> out = new ArrayList<>();
    out.add(new Step.Frame(server));
    out.addAll(shaped);
    return out;
  }

  private boolean keep(Step.Message m, Place at) {
    if (!level.standard()) {
      return true;
    }
    if (localRead(m)) {
      return false;
    }
    if (m.effect() == Step.Effect.STATE) {
      // A record put in error (a stuck migration) is the way something fails, which
      // standard detail leaves out as it leaves failure blocks out.
      return m.fields().stream().noneMatch(Shaper::failedState);
    }
    if (m.effect() == Step.Effect.WRITE) {
      // A driver's own bookkeeping records (device metadata, progress) are not the story.
      return !(at.driver() && m.kind() == Step.Kind.DATABASE);
    }
    if (at.entryActivation() && m.origin() != null && m.origin().path().equals(entryPath)
        && entryReads) {
      return true; // the controller's own lookup of what the request names
    }
    // Other reads are the service's own business; a repeated query adds nothing.
    // Inside a driver, reads of other services are its own business too.
    return m.kind() == Step.Kind.SERVICE && !at.driver() && queried.add(m.to() + "|" + m.label());
  }

  private void local(Step.Local l, Place at, List<Step> out) {
    Place inside = at.into(l);
    boolean client = level.standard() && rules.isClientCode(l.callee())
        && !rules.isClientCode(l.origin());
    // A client call says every request it makes, a query made before in the service too.
    List<Step> inner = client ? withoutLocalReads(withOwnQueries(() -> steps(l.steps(), inside)))
        : steps(l.steps(), inside);
    if (level.standard() && at.driver() && inside.depth() > DRIVER_DEPTH) {
      // A driver's internals below its direct helpers are not the action's story: only the
      // state they change and what they ask other services to change or hand over stay (an
      // image downloaded; a volume lookup does not). What the manager does when the driver
      // calls it back is the manager's work, drawn as such. They are anchored to the driver's
      // function that called into them: fetch() in images.py is not on the path a reader
      // follows, _create_image() is.
      inner = StepTrees.anchored(Requests.changes(inner, at.participant()), l.origin(),
          at.participant());
    } else if (inside.depth() > level.depth()) {
      // Past --depth only what crosses a service boundary or changes state is kept.
      inner = Significance.filter(inner);
    }
    if (client) {
      // A call into a client module is the requests it makes, not how it makes them.
      Step.Origin anchor = at.anchor() != null ? at.anchor()
          : rules.anchorsAtCallee(l.callee()) ? l.callee() : l.origin();
      out.addAll(Requests.client(inner, anchor));
      return;
    }
    if (level.standard() && rules.isBookkeeping(l.callee())) {
      // The service's own records of what it is doing (a task's start and end): no note,
      // only what it changes or sends.
      out.addAll(Essentials.messages(inner));
      return;
    }
    Optional<String> folded = level.standard() ? rules.foldedAs(l.callee()) : Optional.empty();
    boolean asAbove = false;
    if (level.standard() && folded.isEmpty() && drawnSteps(inner) >= REPEAT_MIN
        && !drawn.add(new Drawn(l.callee(), new Identity(l.steps())))) {
      // The same helper doing the same again (both arms of a branch call it): say so once,
      // keeping the messages between services it sends.
      folded = Optional.of(humanize(l.callee().function()) + StepTrees.AS_ABOVE);
      asAbove = true;
    }
    if (folded.isPresent()) {
      // One note says what the helper does (if it does anything where it is called, unlike a
      // context manager's error handling); what crosses to another Nova service stays.
      if (!inner.isEmpty() || l.noteWhenEmpty() && !Defaults.idle(l.steps())) {
        out.add(new Step.Note(l.participant(), folded.get(), l.origin()));
      }
      // Folding merges local work, never a message to another participant. What is as above
      // was drawn there: its skeleton is enough. The way an action fails (a rollback) is not
      // the way it runs: its skeleton, said briefly (its own tests opened, anchored to it).
      if (rules.isErrorPath(l.callee())) {
        out.addAll(StepTrees.anchored(Essentials.briefly(inner), l.callee(),
            l.participant()));
      } else if (rules.isCallback(l.callee())) {
        out.addAll(StepTrees.anchored(Essentials.sentBriefly(inner), l.callee(),
            l.participant()));
      } else {
        out.addAll(asAbove ? Essentials.filter(inner) : Requests.said(inner));
      }
    } else if (!inner.isEmpty()) {
      if (level.standard() && inside.moduleHops() > NOTE_HOPS && drawnSteps(inner) <= 2
          && inner.stream().noneMatch(Step.Frame.class::isInstance)
          && inner.stream().noneMatch(Shaper::sendsToAService)) {
        // A helper past the first hop that draws a step or two (_get_power_state's query, a
        // migration's status saved) is anchored where it is called: an anchor of its own, and
        // one back, would cost as many lines as the steps it points at. Not an RPC message: a
        // reader looks for the function that sends it (_attach_volume, not _attach_device).
        inner = StepTrees.anchored(inner, at.anchor() != null ? at.anchor() : l.origin(),
            l.participant());
      }
      if (inside.moduleHops() == 0 && inside.anchor() == null && !drawsFirst(l.callee(), inner)) {
        // A function of another module that draws nothing before what it calls still says
        // where the path goes: conductor/api.py between compute/api.py and the RPC client.
        out.add(new Step.Frame(l.callee()));
      }
      out.addAll(inner);
    } else if (l.noteWhenEmpty() && at.depth() == 0 && !Defaults.idle(l.steps())) {
      // A helper with nothing to draw still says what the service does at this point, unless
      // it does nothing at all by default (a workaround that is off returns at once).
      out.add(new Step.Note(l.participant(), humanize(l.callee().function()), l.origin()));
    }
  }

  /** A read answered from a replica in the caller's process ({@link DetailRules#readsLocally}). */
  private boolean localRead(Step.Message m) {
    return m.effect() == Step.Effect.READ && rules.readsLocally(m.to());
  }

  private List<Step> withoutLocalReads(List<Step> steps) {
    return Step.bottomUp(steps, list -> list.stream()
        .filter(s -> !(s instanceof Step.Message m && localRead(m))).toList());
  }

  private void block(Step.Block b, Place at, List<Step> out) {
    if (b.kind() == Step.BlockKind.DEFAULT && level.standard()) {
      // The path a cloud runs by default is the path; the other branch is one line where the
      // choice is made, before the path goes on (an early return's other branch leaves the
      // function there), and is not shaped: a helper it draws must not count as drawn.
      Step.Note note = Defaults.otherwise(b, at.participant());
      if (note != null) {
        out.add(note);
      }
      out.addAll(steps(b.branches().get(0).steps(), at));
      return;
    }
    if (level.standard() && sameEitherWay(b)) {
      // Branches that run the very same code and differ only in how they get there (a flow
      // run under a lock or without one) are one flow, drawn once: the choice changes nothing
      // a reader sees. Full detail keeps the code's branches.
      out.addAll(steps(b.branches().get(0).steps(), at));
      return;
    }
    List<Step.Branch> branches = b.mapChildren(inner -> steps(inner, at)).branches();
    if (level.standard() && !at.entryActivation() && b.kind() != Step.BlockKind.DEFAULT
        && branches.stream().noneMatch(br -> sendsMessage(br.steps()))) {
      // A branch of a service's own bookkeeping: nothing in it crosses to another. The API's
      // branches stay even so: which policy or check applies is what its reader follows.
      return;
    }
    switch (b.kind()) {
      case GUARD -> Branches.addGuard(branches.get(0), branches.get(1).steps(), b.origin(), out);
      case FAILURE -> failure(branches, b.origin(), out);
      // Full detail: both, the default first, each condition saying which settings.
      case DEFAULT -> Branches.add(branches, b.origin(), out);
      case LOOP -> {
        if (!branches.get(0).steps().isEmpty()) {
          out.add(new Step.Block(Step.BlockKind.LOOP, branches, b.origin()));
        }
      }
      default -> Branches.add(branches, b.origin(), out);
    }
  }

  /**
   * The way to an exception ({@code if bad: set ERROR; raise}, or what runs after {@code if ok:
   * return} before a raise): drawn at full detail; below, left out, as a hand-drawn diagram of
   * an action draws the way it succeeds (an error state drawn there reads as part of it).
   */
  private void failure(List<Step.Branch> branches, Step.Origin origin, List<Step> out) {
    if (level.standard()) {
      return;
    }
    List<Step> drawn = new ArrayList<>();
    Branches.add(branches, origin, drawn);
    // Said on the block, so that a reader (and a review of the levels) tells it from the way
    // the action succeeds.
    for (Step s : drawn) {
      Step.Block b = (Step.Block) s;
      out.add(new Step.Block(b.kind(), b.branches().stream()
          .map(br -> new Step.Branch(br.condition() + DetailPolicy.FAILS, br.steps())).toList(), b.origin()));
    }
  }


  /** A choice whose every way runs the very same steps, none of them empty. */
  private static boolean sameEitherWay(Step.Block b) {
    List<Step.Branch> ways = b.branches();
    return (b.kind() == Step.BlockKind.CHOICE || b.kind() == Step.BlockKind.GUARD)
        && ways.size() >= 2 && !ways.get(0).steps().isEmpty()
        && ways.stream().allMatch(br -> br.steps().equals(ways.get(0).steps()));
  }

  /**
   * How many steps a list draws, counting those inside blocks: a loop over the volumes that
   * sends three messages to cinder is as much a repeat as three messages in a row.
   */
  private static int drawnSteps(List<Step> steps) {
    return (int) StepTrees.inBlocks(steps).count();
  }

  private static final java.util.regex.Pattern FAILED =
      java.util.regex.Pattern.compile("'?(?i:error)'?");

  private static boolean failedState(Step.Field f) {
    return f.value() != null && !f.computed() && f.name().matches("\\w*(_state|status)")
        && FAILED.matcher(f.value()).matches();
  }

  /** Whether a function's own anchor comes first among its steps. */
  private static boolean drawsFirst(Step.Origin function, List<Step> steps) {
    Step.Origin first = steps.get(0).origin();
    return first != null && first.path().equals(function.path())
        && first.function().equals(function.function());
  }

  private static boolean sendsToAService(Step s) {
    return s instanceof Step.Cast
        || s instanceof Step.Invocation inv && inv.kind() == Step.Kind.RPC_CALL;
  }

  private static boolean sendsMessage(List<Step> steps) {
    return StepTrees.inBlocks(steps).anyMatch(s -> s instanceof Step.Message
        || s instanceof Step.Invocation || s instanceof Step.Cast);
  }

  private static boolean restates(List<Step> received, String method) {
    return received.size() == 1 && received.get(0) instanceof Step.Note n
        && n.text().equals(humanize(method));
  }

  /** {@code _get_power_state} → {@code get power state}. */
  static String humanize(String functionName) {
    return functionName.replaceFirst("^_+", "").replace('_', ' ');
  }
}
