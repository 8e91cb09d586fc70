package dev.novatrace.trace;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static dev.novatrace.trace.Bodies.endsWithRaise;
import static dev.novatrace.trace.Bodies.endsWithReturn;

/**
 * Walks a block of statements into steps, statement by statement: what literal flags and the
 * settings decide of an if ({@link Branches}), a try ({@link Fallbacks}), loops and with blocks
 * here, and the calls of every expression ({@link CallSteps}).
 */
final class Statements {
  private final CallSteps calls;
  private final Assignments assignments;
  private final Decisions decisions;
  private final Branches branches;
  private final Fallbacks fallbacks;
  private final Resolver resolver;
  private final ElementClasses elements;
  private final EventWaits eventWaits;
  private final TraceProfile profile;
  /** The participant that called into the service being traced, or null (the tracer's). */
  private final Supplier<String> crossedFrom;

  /** What the walk reads a statement with, besides its calls and assignments. */
  record Reading(Resolver resolver, TraceProfile profile, SettingTests settings,
      Decisions decisions, ElementClasses elements, EventWaits eventWaits) {}

  Statements(CallSteps calls, Assignments assignments, Reading reading,
      Supplier<String> crossedFrom) {
    this.calls = calls;
    this.assignments = assignments;
    this.decisions = reading.decisions();
    this.resolver = reading.resolver();
    this.elements = reading.elements();
    this.eventWaits = reading.eventWaits();
    this.profile = reading.profile();
    this.crossedFrom = crossedFrom;
    this.branches = new Branches(this, calls, assignments, reading.decisions(),
        reading.settings(), reading.profile());
    this.fallbacks = new Fallbacks(this, branches, resolver);
  }

  void walk(List<Stmt> body, Frame f, List<Step> out) {
    for (int i = 0; i < body.size(); i++) {
      Stmt s = body.get(i);
      Boolean fixed = s instanceof Stmt.If known ? decisions.flag(known.test(), f) : null;
      if (fixed != null) {
        // The branch a fixed value takes is simply part of the block: a guard that ends it
        // ("if not same_cell: ...; return") makes the rest of the block its else.
        Stmt.If known = (Stmt.If) s;
        List<Stmt> taken = fixed ? known.body() : known.orElse();
        // What the branch binds a name to (prepare = self._stay_on_host) is what the name
        // holds after it, not the function's first assignment of it.
        assignments.bindAssigned(taken, f);
        List<Stmt> spliced = new ArrayList<>(taken);
        spliced.addAll(body.subList(i + 1, body.size()));
        walk(spliced, f, out);
        return;
      }
      SettingTests.Decision byDefault = s instanceof Stmt.If test
          ? decisions.decision(test, f) : null;
      if (byDefault != null) {
        if (branches.defaultPath((Stmt.If) s, byDefault, body.subList(i + 1, body.size()), f,
            out)) {
          return;
        }
        continue;
      }
      if (s instanceof Stmt.If guard && guard.orElse().isEmpty() && endsWithReturn(guard.body())
          && decisions.flag(guard.test(), f) == null) {
        // "if x: ...; return" makes the rest of the block its else branch.
        calls.expression(guard.test(), f, out, false);
        List<Step> then = new ArrayList<>();
        branch(guard.body(), f, then);
        List<Step> rest = new ArrayList<>();
        List<Stmt> after = body.subList(i + 1, body.size());
        walk(after, f, rest);
        Step.BlockKind onlyUnless = then.isEmpty() && !rest.isEmpty()
            ? branches.unlessKind(guard.test(), after, rest, f.scope) : null;
        if (onlyUnless != null) {
          out.add(new Step.Block(onlyUnless, List.of(
              new Step.Branch(decisions.condition(guard.test(), f), List.of()),
              new Step.Branch("", rest)), f.origin));
        } else if (then.isEmpty()) {
          out.addAll(rest);
        } else {
          // A guard of the request's making (a value given or not) is a choice between its
          // branch and the rest, which stays conditional where its own branch draws nothing.
          Step.BlockKind kind = !rest.isEmpty() && branches.unlessKind(guard.test(), after,
              rest, f.scope) == Step.BlockKind.CHOICE ? Step.BlockKind.CHOICE
              : Step.BlockKind.GUARD;
          out.add(new Step.Block(kind, List.of(
              new Step.Branch(decisions.condition(guard.test(), f), then),
              new Step.Branch("", rest)), f.origin));
        }
        return;
      }
      if (s instanceof Stmt.If decided && decided.orElse().isEmpty()
          && Boolean.TRUE.equals(decisions.flag(decided.test(), f))
          && endsWithReturn(decided.body())) {
        // A guard known to hold returns: what follows it never runs.
        walk(decided.body(), f, out);
        return;
      }
      if (s instanceof Stmt.If raising && raising.orElse().isEmpty()
          && endsWithRaise(raising.body()) && decisions.flag(raising.test(), f) == null) {
        branches.failurePath(raising, f, out);
        continue;
      }
      if (s instanceof Stmt.With w && i + 1 < body.size() && endsWithGuard(w.body())) {
        // "with tx: ...; if blocks_remain: return", then code after the block: the return
        // leaves that code too, so it is walked as the rest after the guard, in the block.
        List<Stmt> joined = new ArrayList<>(w.body());
        joined.addAll(body.subList(i + 1, body.size()));
        statement(new Stmt.With(w.items(), joined, w.async(), w.pos()), f, out);
        return;
      }
      Stmt.If trailing = branches.trailingGuard(s, f);
      if (trailing != null) {
        branches.hoistGuard((Stmt.If) s, trailing, body.subList(i + 1, body.size()), f, out);
        return;
      }
      statement(s, f, out);
      if (s instanceof Stmt.Return || s instanceof Stmt.Raise) {
        return; // the rest of the block is unreachable
      }
    }
  }

  /** Whether a block ends with {@code if x: ...; return} and no else. */
  private static boolean endsWithGuard(List<Stmt> body) {
    return !body.isEmpty() && body.get(body.size() - 1) instanceof Stmt.If last
        && last.orElse().isEmpty() && endsWithReturn(last.body());
  }

  private void statement(Stmt s, Frame f, List<Step> out) {
    if (s instanceof Stmt.ExprStmt e) {
      calls.expression(e.value(), f, out, true);
    } else if (s instanceof Stmt.Assign a) {
      calls.expression(a.value(), f, out, true);
      assignments.assigned(a, f);
      calls.listened(a, f, out);
    } else if (s instanceof Stmt.AugAssign a) {
      calls.expression(a.value(), f, out, false);
      assignments.augmented(a, f);
    } else if (s instanceof Stmt.AnnAssign a && a.value() != null) {
      calls.expression(a.value(), f, out, true);
      assignments.recordAssignment(a.target(), a.value(), f);
    } else if (s instanceof Stmt.Return r && r.value() != null) {
      calls.expression(r.value(), f, out, true);
    } else if (s instanceof Stmt.If i) {
      branches.ifStatement(i, f, out);
    } else if (s instanceof Stmt.For loop) {
      forLoop(loop, f, out);
    } else if (s instanceof Stmt.While w) {
      calls.expression(w.test(), f, out, false);
      loop("while " + f.text(w.test()), w.body(), f, out);
    } else if (s instanceof Stmt.With w) {
      with(w, f, out);
    } else if (s instanceof Stmt.Try t) {
      fallbacks.tryStatement(t, f, out);
    } else if (s instanceof Stmt.Match m) {
      calls.expression(m.subject(), f, out, false);
      List<Step.Branch> cases = new ArrayList<>();
      for (Stmt.Case c : m.cases()) {
        List<Step> steps = new ArrayList<>();
        branch(c.body(), f, steps);
        cases.add(new Step.Branch("case " + f.fn.module().ast().text(c.pattern()), steps));
      }
      Branches.addBranches(cases, f, out);
    }
  }

  private void forLoop(Stmt.For loop, Frame f, List<Step> out) {
    if (unrolled(loop, f, out)) {
      return;
    }
    if (DictShapes.EMPTY.contains(String.valueOf(f.literal(loop.iter())))
        && !(loop.iter() instanceof Expr.Name n && DictShapes.handedOn(f.fn, n.id()))) {
      // for ip in changes.add, where changes was built with add=[]: the body never runs.
      calls.expression(loop.iter(), f, out, false);
      walk(loop.orElse(), f, out);
      return;
    }
    if (profile.runsOnce(loop, f.scope)) {
      calls.expression(loop.iter(), f, out, false);
      assignments.trackName(loop.target(), null, f);
      walk(loop.body(), f, out);
      return;
    }
    calls.expression(loop.iter(), f, out, false);
    assignments.trackName(loop.target(), null, f);
    String label = "for " + f.text(loop.target()) + " in " + f.text(loop.iter())
        + (Bodies.triesInTurn(loop.body()) ? ", until one returns"
            : Bodies.untilSucceeds(loop.body()));
    List<ClassInfo> held = loop.target() instanceof Expr.Name
        ? elements.of(loop.iter(), f.scope) : List.of();
    if (held.isEmpty()) {
      loop(label, loop.body(), f, out);
    } else {
      loopByClass(label, loop, held, f, out);
    }
    loopElse(loop, f, out);
  }

  /**
   * A for loop's else runs when the loop ends without a break: always where its body has none,
   * else only then ({@code for opt in opts: if same: ...; break} / {@code else: create}).
   */
  private void loopElse(Stmt.For loop, Frame f, List<Step> out) {
    if (loop.orElse().isEmpty()) {
      return;
    }
    if (!breaks(loop.body())) {
      walk(loop.orElse(), f, out);
      return;
    }
    List<Step> steps = new ArrayList<>();
    branch(loop.orElse(), f, steps);
    if (!steps.isEmpty()) {
      out.add(new Step.Block(Step.BlockKind.CHOICE, List.of(new Step.Branch(
          ConstText.shorten("no break in for " + f.text(loop.target()) + " in "
              + f.text(loop.iter())), steps)), f.origin));
    }
  }

  /** Whether a loop body breaks out of its own loop (not of a loop nested in it). */
  private static boolean breaks(List<Stmt> body) {
    for (Stmt s : body) {
      if (s instanceof Stmt.Simple simple && simple.kind().equals("break")) {
        return true;
      }
      if (!(s instanceof Stmt.For || s instanceof Stmt.While || s instanceof Stmt.FunctionDef
          || s instanceof Stmt.ClassDef)
          && dev.novatrace.index.StatementWalker.children(s).stream().anyMatch(Statements::breaks)) {
        return true;
      }
    }
    return false;
  }

  private void with(Stmt.With w, Frame f, List<Step> out) {
    for (Stmt.WithItem item : w.items()) {
      // A context manager frames the block; it is not a step of its own worth a note.
      f.entered = item.context();
      calls.expression(item.context(), f, out, false);
      f.entered = null;
    }
    walk(w.body(), f, out);
    // Events the block waits for arrive once what it does triggered them.
    out.addAll(eventWaits.after(w, f.context(), f.reached, crossedFrom.get(), f.origin));
    for (int i = w.items().size() - 1; i >= 0; i--) {
      exited(w.items().get(i).context(), f, out);
    }
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
    calls.call(c, f, leaving, false);
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

  /** A body that may not run: names it assigns are unknown after it. */
  void branch(List<Stmt> body, Frame f, List<Step> out) {
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
    calls.expression(loop.iter(), f, out, false);
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

  /**
   * A loop over a list of objects of known classes ({@link ElementClasses}): its body runs on an
   * object of each class, the loop variable bound to it, so a method called on it is that
   * class's own. Where the classes' steps differ, a choice by class ({@link ClassBranches}).
   */
  private void loopByClass(String label, Stmt.For loop, List<ClassInfo> held, Frame f,
      List<Step> out) {
    String variable = ((Expr.Name) loop.target()).id();
    Map<String, LinkedHashMap<String, Step.Field>> before = Frame.copy(f.assigned);
    Scope outer = f.scope;
    List<List<Step>> byClass = new ArrayList<>();
    try {
      for (ClassInfo cls : held) {
        f.scope = outer.withBound(Map.of(variable, new Value.InstanceValue(cls)));
        List<Step> steps = new ArrayList<>();
        branches.branchFields(loop.body(), before, f, steps);
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
}
