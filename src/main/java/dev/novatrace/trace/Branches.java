package dev.novatrace.trace;

import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.ExprChildren;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.novatrace.trace.Bodies.endsWithRaise;
import static dev.novatrace.trace.Bodies.endsWithReturn;

/**
 * The branches of an if as steps: a choice between those that do something, a guard that makes
 * the rest of a block its else, a way to an exception (FAILURE), or the default path the
 * deployment's settings take (DEFAULT) beside the one an operator may set. Each branch starts
 * from the fields pending before the if; where branches leave different ones, a later save is
 * a choice on the same conditions ({@link Alternative}).
 */
final class Branches {
  private final Statements statements;
  private final CallSteps calls;
  private final Assignments assignments;
  private final Decisions decisions;
  private final SettingTests settings;
  private final TraceProfile profile;

  Branches(Statements statements, CallSteps calls, Assignments assignments, Decisions decisions,
      SettingTests settings, TraceProfile profile) {
    this.statements = statements;
    this.calls = calls;
    this.assignments = assignments;
    this.decisions = decisions;
    this.settings = settings;
    this.profile = profile;
  }

  /**
   * {@code if bad: ...; raise X}: the way to an exception (a check that sets the error state
   * and raises), a FAILURE block a policy may leave out. Fields it sets do not reach a later
   * save, since the function leaves by raising.
   */
  void failurePath(Stmt.If raising, Frame f, List<Step> out) {
    calls.expression(raising.test(), f, out, false);
    Map<String, LinkedHashMap<String, Step.Field>> before = Frame.copy(f.assigned);
    List<Step> steps = new ArrayList<>();
    statements.branch(raising.body(), f, steps);
    f.assigned.clear();
    f.assigned.putAll(before);
    addFailure(decisions.condition(raising.test(), f), steps, f, out);
  }

  /** The steps of a way to an exception, as a FAILURE block, if it draws any. */
  private static void addFailure(String condition, List<Step> steps, Frame f, List<Step> out) {
    if (!steps.isEmpty()) {
      out.add(new Step.Block(Step.BlockKind.FAILURE,
          List.of(new Step.Branch(condition, steps)), f.origin));
    }
  }

  /** A choice between the branches as written, when any of them does something. */
  static void addBranches(List<Step.Branch> branches, Frame f, List<Step> out) {
    if (branches.stream().anyMatch(b -> !b.steps().isEmpty())) {
      out.add(new Step.Block(Step.BlockKind.CHOICE, List.copyOf(branches), f.origin));
    }
  }

  /**
   * The guard that ends the first branch of {@code s} ({@code if a: ...; if b: ...; return}),
   * when neither test is decided by a literal; else null.
   */
  Stmt.If trailingGuard(Stmt s, Frame f) {
    if (!(s instanceof Stmt.If outer) || outer.body().isEmpty()
        || decisions.flag(outer.test(), f) != null
        || !(outer.body().get(outer.body().size() - 1) instanceof Stmt.If guard)
        || !guard.orElse().isEmpty() || !endsWithReturn(guard.body())
        || decisions.flag(guard.test(), f) != null || decisions.decision(guard, f) != null) {
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
  void hoistGuard(Stmt.If outer, Stmt.If guard, List<Stmt> rest, Frame f, List<Step> out) {
    List<Stmt> before = outer.body().subList(0, outer.body().size() - 1);
    ifStatement(new Stmt.If(outer.test(), before, outer.orElse(), outer.pos()), guard.test(), f,
        out);
    List<Step> then = new ArrayList<>();
    f.branching++;
    statements.branch(guard.body(), f, then);
    f.branching--;
    List<Step> otherwise = new ArrayList<>();
    statements.walk(rest, f, otherwise);
    if (then.isEmpty()) {
      out.addAll(otherwise);
    } else {
      String condition = decisions.condition(outer.test(), f) + " and "
          + decisions.condition(guard.test(), f);
      out.add(new Step.Block(Step.BlockKind.GUARD, List.of(
          new Step.Branch(condition, then), new Step.Branch("", otherwise)), f.origin));
    }
  }

  /**
   * How the rest of a block after an empty {@code if test: return} runs, when not always:
   * "if CONF.x <= 0: return" makes it a choice the setting decides (CHOICE); "if ok: return"
   * before code that ends by raising makes it the failure path (FAILURE); "if the row is there:
   * return" before code that creates that row (get or create: {@code if
   * session.query(OVNRevisionNumbers)...one_or_none(): return}, then {@code
   * OVNRevisionNumbers.create}) makes it what runs only when the row is missing (CHOICE). Null:
   * the main flow.
   */
  Step.BlockKind unlessKind(Expr test, List<Stmt> rest, List<Step> restSteps, Scope scope) {
    if (readsSettings(test)) {
      return Step.BlockKind.CHOICE;
    }
    if (endsWithRaise(rest)) {
      return Step.BlockKind.FAILURE;
    }
    return createsWhatItFinds(test, restSteps) || testsExistence(test)
        || readsOptionalValue(test, scope, 0) ? Step.BlockKind.CHOICE : null;
  }

  /**
   * Whether {@code test} reads a value a dict may not hold ({@code d.get(key)}, directly or
   * through a local assigned one): {@code if not is_attr_set(req.get('router:external')):
   * return} and {@code if net.get(k) == new_value: return} leave what follows to requests that
   * give the value, or change it, a condition of the request's making, not its main line.
   */
  private static boolean readsOptionalValue(Expr test, Scope scope, int hops) {
    if (test instanceof Expr.Call c && c.func() instanceof Expr.Attribute a
        && a.attr().equals("get") && c.args().size() == 1
        && c.args().get(0).kind() == dev.novatrace.python.ast.Arg.Kind.POSITIONAL) {
      return true;
    }
    if (test instanceof Expr.Name n && hops < 2 && scope.param(n.id()) == null
        && scope.local(n.id()) != null) {
      return readsOptionalValue(scope.local(n.id()), scope, hops + 1);
    }
    return dev.novatrace.python.ast.ExprChildren.of(test).stream()
        .anyMatch(x -> readsOptionalValue(x, scope, hops));
  }

  /** A method that tells whether records exist: {@code objects_exist}, {@code exists}. */
  private static final java.util.regex.Pattern EXISTS =
      java.util.regex.Pattern.compile("(^|_)exists?$");

  /**
   * Whether {@code test} asks whether records exist ({@code if
   * ProvisioningBlock.objects_exist(...): return}): what follows runs only when none is left,
   * a condition of the request's own making, never its main line.
   */
  private static boolean testsExistence(Expr test) {
    Expr e = test instanceof Expr.Operation op && op.op().equals("not")
        && op.operands().size() == 1 ? op.operands().get(0) : test;
    String name = e instanceof Expr.Call c ? Names.simpleName(c.func()) : null;
    return name != null && EXISTS.matcher(name).find();
  }

  /** {@code Model.create}: a record of a class created. */
  private static final java.util.regex.Pattern CREATE =
      java.util.regex.Pattern.compile("([A-Z]\\w*)\\.create\\b");

  /**
   * Whether {@code steps} create a record of a class {@code test} names: the test looked the
   * record up, and what follows makes it when it was not found.
   */
  private static boolean createsWhatItFinds(Expr test, List<Step> steps) {
    java.util.Set<String> named = new java.util.HashSet<>();
    names(test, named);
    return Step.walk(steps).anyMatch(s -> {
      if (!(s instanceof Step.Message m) || m.kind() != Step.Kind.DATABASE
          || m.effect() != Step.Effect.STATE) {
        return false;
      }
      java.util.regex.Matcher created = CREATE.matcher(m.label());
      return created.lookingAt() && named.contains(created.group(1));
    });
  }

  /** The names and attributes an expression reads ({@code ovn_models.OVNRevisionNumbers}). */
  private static void names(Expr e, java.util.Set<String> out) {
    if (e instanceof Expr.Name n) {
      out.add(n.id());
    } else if (e instanceof Expr.Attribute a) {
      out.add(a.attr());
    }
    for (Expr child : ExprChildren.of(e)) {
      names(child, out);
    }
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

  void ifStatement(Stmt.If first, Frame f, List<Step> out) {
    ifStatement(first, null, f, out);
  }

  /** {@code trailingTest}: a test evaluated at the end of the first branch, or null. */
  private void ifStatement(Stmt.If first, Expr trailingTest, Frame f, List<Step> out) {
    Boolean known = decisions.flag(first.test(), f);
    if (known != null) {
      List<Stmt> taken = known ? first.body() : first.orElse();
      statements.walk(taken, f, out);
      assignments.bindAssigned(taken, f);
      return;
    }
    calls.expression(first.test(), f, out, false);
    List<Step.Branch> branches = new ArrayList<>();
    Map<String, LinkedHashMap<String, Step.Field>> before = Frame.copy(f.assigned);
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
      String condition = decisions.condition(current.test(), f);
      Map<String, LinkedHashMap<String, Step.Field>> leaves;
      if (endsWithRaise(current.body())) {
        // if/elif bad: ...; raise: after its test, the way to an exception (see failurePath);
        // what it sets reaches no later save.
        List<Step> failing = new ArrayList<>();
        branchFields(current.body(), before, f, failing);
        addFailure(condition, failing, f, steps);
        leaves = Frame.copy(before);
      } else {
        leaves = branchFields(current.body(), before, f, steps);
      }
      if (current == first && trailingTest != null) {
        testCalls(List.of(trailingTest), f, steps);
        leaves = Frame.copy(f.assigned);
      }
      after.add(new Alternative(condition, leaves));
      branches.add(new Step.Branch(condition, steps));
      List<Stmt> orElse = current.orElse();
      // An elif a value the caller fixes rules out is no way at all (elif cast_required:, with
      // the caller's method = 'network_create_end'): what follows it is the next way.
      while (orElse.size() == 1 && orElse.get(0) instanceof Stmt.If ruledOut
          && Boolean.FALSE.equals(decisions.flag(ruledOut.test(), f))) {
        orElse = ruledOut.orElse();
      }
      // An elif is an If alone in orElse; so is "else: if", which means the same. One the
      // deployment's settings decide is walked as an if of its own inside the else, so that
      // the default path takes its way (network_needs_lswitch() is True unless [ovn]
      // logical_switch_per_vlan_segment is set).
      if (orElse.size() == 1 && orElse.get(0) instanceof Stmt.If elif
          && decisions.setting(elif.test(), f) == null) {
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
        addFailure(current == first ? Conditions.negated(decisions.condition(first.test(), f))
            : "otherwise", failing, f, elseSteps);
        after.add(new Alternative("", Frame.copy(before)));
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
      tests.forEach(t -> calls.expression(t, f, out, false));
    } finally {
      f.branching--;
    }
  }

  /** One branch walked from the fields assigned before the if; the fields it leaves. */
  Map<String, LinkedHashMap<String, Step.Field>> branchFields(List<Stmt> body,
      Map<String, LinkedHashMap<String, Step.Field>> before, Frame f, List<Step> out) {
    f.assigned.clear();
    f.assigned.putAll(Frame.copy(before));
    statements.branch(body, f, out);
    return Frame.copy(f.assigned);
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

  /**
   * An if the settings decide: the branch they take is the default path, drawn as what the
   * function goes on to do; the other is what runs where an operator sets them otherwise. A
   * DEFAULT block holds both, the default first. {@code if x: ...; return} decided either way
   * takes the rest of the block as its other branch: true when it did so (the block is done).
   */
  boolean defaultPath(Stmt.If s, SettingTests.Decision d, List<Stmt> rest, Frame f,
      List<Step> out) {
    boolean guard = s.orElse().isEmpty() && endsWithReturn(s.body());
    List<Stmt> whenFalse = guard ? rest : s.orElse();
    List<Stmt> taken = d.value() ? s.body() : whenFalse;
    List<Stmt> other = d.value() ? whenFalse : s.body();
    decisions.evaluated(s.test(), f).forEach(e -> calls.expression(e, f, out, false));
    List<Step> otherSteps = otherwise(d, other, f);
    List<Step> takenSteps = new ArrayList<>();
    statements.walk(taken, f, takenSteps);
    assignments.bindAssigned(taken, f);
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
   * The steps of the branch a decision does not take, traced with what it assumed let go of
   * (that option's value is not known there); the fields it assigns do not reach the path.
   */
  List<Step> otherwise(SettingTests.Decision d, List<Stmt> other, Frame f) {
    Map<String, LinkedHashMap<String, Step.Field>> before = Frame.copy(f.assigned);
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
}
