package dev.novatrace.trace;

import dev.novatrace.index.Names;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Param;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Literal flags: parameters a call binds to True, False or None, and the tests they decide. A
 * branch on such a flag ({@code if async_:}, {@code do_cast=True}) is no choice at all for that
 * caller, so only the branch that runs is drawn; the profile may assume the truth of some calls
 * too (the newest API microversion is in use).
 */
final class LiteralFlags {
  private final TraceProfile profile;
  private final Resolver resolver;
  /** Locals read through locals so far ({@code a = b or c}, {@code b = ...}): a guard. */
  private int depth;
  private static final int MAX_LOCALS = 8;

  private final BoundReturns boundReturns;
  private final DictShapes shapes;
  private final PrivateFields privateFields;
  private final IdleConstants idleConstants;

  LiteralFlags(TraceProfile profile, Resolver resolver) {
    this.profile = profile;
    this.resolver = resolver;
    this.privateFields = new PrivateFields(resolver, profile);
    this.idleConstants = new IdleConstants(resolver, profile);
    this.shapes = new DictShapes(resolver);
    this.boundReturns = new BoundReturns(this, resolver);
  }

  /** The truth of a test on literal-bound parameters ({@code if async_:}), or null. */
  Boolean truth(Expr test, CallContext cx) {
    if (test instanceof Expr.Name n) {
      return nameTruth(n, cx);
    }
    if (test instanceof Expr.Attribute a) {
      String field = Literals.field(a, cx.literals()); // payload.request_body: None
      String held = field != null ? fixed(field) : selfField(a, cx);
      if (held == null && !(a.value() instanceof Expr.Name n
          && n.id().equals(cx.scope().selfName())) && privateFields.alwaysNone(a.attr())) {
        return false; // bind_context._new_port_status: no running write sets it
      }
      return held == null ? null : !Literals.isFalsy(held);
    }
    if (test instanceof Expr.Call || test instanceof Expr.Subscript) {
      String held = fixed(keyed(test, cx)); // new_port.get('mac_address'): None on this path
      if (held != null) {
        return !Literals.isFalsy(held);
      }
    }
    if (test instanceof Expr.Call c) {
      if (functionTestedForAClass(c, cx)) {
        return Boolean.FALSE;
      }
      String returned = passesKnownFields(c, cx) ? returnedBy(c, cx) : null;
      if (returned != null) {
        // utils.is_lsp_up(row), a row whose up column the caller knows: what it returns.
        return !Literals.isFalsy(returned);
      }
      return defines(c, cx) ? Boolean.TRUE : profile.assumption(c).orElse(null);
    }
    if (test instanceof Expr.Operation op && op.op().equals("not") && op.operands().size() == 1) {
      Boolean inner = truth(op.operands().get(0), cx);
      return inner == null ? null : !inner;
    }
    if (test instanceof Expr.Operation op && op.operands().size() == 2) {
      Boolean compared = fixedComparison(op, cx);
      if (compared != null) {
        return compared;
      }
      Boolean idle = idleComparison(op);
      if (idle != null) {
        return idle; // port['device_owner'] == DEVICE_OWNER_DVR_INTERFACE, no DVR mixin loaded
      }
    }
    if (test instanceof Expr.Operation op && op.op().equals("and") && contradicts(op, cx)) {
      return false; // host and not old_host, where host is old_host on this path
    }
    if (test instanceof Expr.Operation op && (op.op().equals("and") || op.op().equals("or"))) {
      boolean and = op.op().equals("and");
      boolean allKnown = true;
      for (Expr operand : op.operands()) {
        Boolean v = truth(operand, cx);
        if (v == null) {
          allKnown = false;
        } else if (v != and) {
          return v; // one False decides an "and", one True an "or"
        }
      }
      return allKnown ? and : null;
    }
    return null;
  }

  /**
   * A test for a constant no running code gives ({@link IdleConstants}): equal to it is false,
   * unequal true, and in a list of such constants alone false; null for any other test.
   */
  private Boolean idleComparison(Expr.Operation op) {
    Expr left = op.operands().get(0);
    Expr right = op.operands().get(1);
    switch (op.op()) {
      case "==", "!=" -> {
        return idleConstants.neverHeld(right) || idleConstants.neverHeld(left)
            ? op.op().equals("!=") : null;
      }
      case "in", "not in" -> {
        return right instanceof Expr.Sequence seq && seq.kind() != Expr.SeqKind.DICT
            && seq.kind() != Expr.SeqKind.GENERATOR && !seq.elements().isEmpty()
            && seq.elements().stream().allMatch(idleConstants::neverHeld)
            ? op.op().equals("not in") : null;
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * {@code isinstance(x, Cls)} where x holds a function of the tree (a publisher that passed
   * itself as the trigger) and Cls is a class of the tree: a function is no instance of it.
   */
  private boolean functionTestedForAClass(Expr.Call c, CallContext cx) {
    return c.func() instanceof Expr.Name n && n.id().equals("isinstance") && c.args().size() == 2
        && resolver.valueOf(c.func(), cx.scope()) instanceof Value.Unknown
        && resolver.valueOf(c.args().get(0).value(), cx.scope()) instanceof Value.FunctionValue
        && resolver.valueOf(c.args().get(1).value(), cx.scope()) instanceof Value.ClassValue;
  }

  /**
   * {@code hasattr(obj, 'name')} on an object of a class of the tree that defines {@code name}
   * (a method or class attribute along its MRO) holds: a loop over objects of known classes
   * ({@code refresh_conn_infos}) asks each whether it can. A class that does not define it may
   * still get it at run time, so that is left open.
   */
  private boolean defines(Expr.Call c, CallContext cx) {
    if (!(c.func() instanceof Expr.Name n) || !n.id().equals("hasattr") || c.args().size() != 2
        || !(c.args().get(1).value() instanceof Expr.Constant k)
        || k.kind() != Expr.ConstKind.STRING
        || !(resolver.valueOf(c.func(), cx.scope()) instanceof Value.Unknown)) {
      return false;
    }
    return resolver.valueOf(c.args().get(0).value(), cx.scope()) instanceof Value.InstanceValue iv
        && (resolver.lookupMethod(iv.cls(), k.value(), null) != null
            || resolver.mro(iv.cls()).stream().anyMatch(x -> x.classAttribute(k.value()) != null));
  }

  /**
   * The text of a test with what the flags decide left out: {@code not live and not rebuild and
   * flavor}, with live and rebuild bound to False, reads {@code flavor}. A test no flag touches
   * is its source text (not shortened: the caller shortens what it draws).
   */
  String residual(Expr test, CallContext cx) {
    return residual(test, cx, e -> null);
  }

  /**
   * As the other {@code residual}, leaving out too what {@code alsoKnown} decides (the
   * deployment's settings: {@code pinned and not CONF.workarounds.x} reads {@code pinned}).
   */
  String residual(Expr test, CallContext cx, java.util.function.Function<Expr, Boolean> alsoKnown) {
    if (test instanceof Expr.Operation op && (op.op().equals("and") || op.op().equals("or"))) {
      // An operand that cannot change the outcome: True in an "and", False in an "or".
      Boolean neutral = op.op().equals("and");
      List<String> left = new ArrayList<>();
      for (Expr operand : op.operands()) {
        Boolean known = truth(operand, cx);
        if (!neutral.equals(known != null ? known : alsoKnown.apply(operand))) {
          left.add(residual(operand, cx, alsoKnown));
        }
      }
      if (left.size() < op.operands().size() && !left.isEmpty()) {
        return String.join(" " + op.op() + " ", left);
      }
    }
    return cx.function().module().ast().text(test.pos());
  }

  /**
   * {@code delete_type == 'soft_delete'} where the caller bound {@code delete_type} to {@code
   * 'delete'}: a value the caller fixes decides the test for this path. Only string and number
   * literals are compared, by their text; a constant's name could hold anything.
   */
  private Boolean fixedComparison(Expr.Operation op, CallContext cx) {
    String o = op.op();
    if (!o.equals("==") && !o.equals("!=") && !o.equals("in") && !o.equals("not in")
        && !o.equals("is") && !o.equals("is not")) {
      return null;
    }
    String left = fixedText(op.operands().get(0), cx);
    Expr right = op.operands().get(1);
    if (left == null) {
      return null;
    }
    if (o.equals("is") || o.equals("is not")) {
      // Identity is equality for None, True and False, the singletons code tests so.
      String r = fixedText(right, cx);
      return r == null || !SINGLETONS.contains(r) ? null : left.equals(r) == o.equals("is");
    }
    if (o.equals("==") || o.equals("!=")) {
      String r = fixedText(right, cx);
      return r == null ? null : left.equals(r) == o.equals("==");
    }
    if ((o.equals("in") || o.equals("not in")) && !(right instanceof Expr.Sequence)) {
      // 'fixed_ips' in new_port, a dict whose keys the caller wrote: decided.
      Boolean held = shapes.holds(right, op.operands().get(0), cx.literals(), cx.scope());
      return held == null ? null : held == o.equals("in");
    }
    if (!(right instanceof Expr.Sequence seq) || seq.kind() == Expr.SeqKind.DICT
        || seq.kind() == Expr.SeqKind.GENERATOR) {
      return null;
    }
    boolean in = false;
    for (Expr x : seq.elements()) {
      String t = fixedText(x, cx);
      if (t == null) {
        return null;
      }
      in |= t.equals(left);
    }
    return in == o.equals("in");
  }

  /**
   * The text of a string or whole-number literal, written here or bound by the caller, as
   * {@link ConstText} writes it ({@code 'delete'}); else null.
   */
  private String fixedText(Expr e, CallContext cx) {
    String text = null;
    if (e instanceof Expr.Constant c && c.kind() != Expr.ConstKind.FSTRING
        && c.kind() != Expr.ConstKind.TSTRING && c.kind() != Expr.ConstKind.BYTES) {
      text = ConstText.of(c, cx.function().module().ast());
    } else if (e instanceof Expr.Name n
        && (cx.scope().param(n.id()) != null || cx.flags().containsKey(n.id()))) {
      text = cx.literals().get(n.id());
    } else if (e instanceof Expr.Name n) {
      text = returned(n, cx);
    } else if (e instanceof Expr.Attribute a && Literals.field(a, cx.literals()) != null) {
      text = Literals.field(a, cx.literals()); // a field the caller fixed
    } else if (e instanceof Expr.Attribute a && a.value() instanceof Expr.Name
        && resolver.valueOf(a, cx.scope()) instanceof Value.StringValue s) {
      text = "'" + s.value() + "'"; // a module's constant (build_results.FAILED)
    } else if (e instanceof Expr.Attribute a) {
      text = selfField(a, cx);
    } else {
      text = keyed(e, cx);
    }
    return fixed(text);
  }

  /** What a lookup in a dict whose keys the caller wrote holds ({@link DictShapes}), or null. */
  private String keyed(Expr e, CallContext cx) {
    return shapes.value(e, cx.literals(), cx.scope(),
        x -> Literals.of(x, cx.literals(), cx.scope(), cx.function().module().ast()));
  }

  private static final java.util.Set<String> SINGLETONS = java.util.Set.of("None", "True",
      "False");

  /**
   * A literal's text when it is one of a value: None, True, False, a string, a whole number;
   * else null (a constant's name could hold anything).
   */
  static String fixed(String text) {
    if (text == null || text.isEmpty() || text.length() >= ConstText.LABEL_MAX) {
      return null; // a cut text may hide a difference
    }
    boolean string = text.length() >= 2 && text.startsWith("'") && text.endsWith("'");
    return string || SINGLETONS.contains(text) || text.chars().allMatch(Character::isDigit)
        ? text : null;
  }

  /** The literal {@code self.attr} holds on the path, for {@code self} of this frame. */
  private static String selfField(Expr.Attribute a, CallContext cx) {
    return a.value() instanceof Expr.Name n && n.id().equals(cx.scope().selfName())
        ? fixed(cx.selfField().apply(a.attr())) : null;
  }

  /** A local assigned once from a call whose function always returns a filled dict. */
  private boolean fillsADict(Expr.Call call, Expr.Name n, CallContext cx) {
    return assignedOnceBefore(n, cx.function())
        && resolver.valueOf(call.func(), cx.scope()) instanceof Value.FunctionValue f
        && MainReturns.fillsADict(f.function());
  }

  /**
   * What a local holds that is assigned once, outside exception handlers, from a call whose
   * function returns one string the way it runs ({@code result =
   * self._do_build_and_run_instance(...)}: 'active'), quoted; else null.
   */
  private String returned(Expr.Name n, CallContext cx) {
    if (!(cx.scope().local(n.id()) instanceof Expr.Call call)
        || !assignedOnceBefore(n, cx.function())
        || !(resolver.valueOf(call.func(), cx.scope()) instanceof Value.FunctionValue f)) {
      return null;
    }
    return MainReturns.of(f.function(), resolver).map(v -> "'" + v + "'")
        .or(() -> MainReturns.truth(f.function()))
        .or(() -> boundReturns.of(f, call, cx)).orElse(null);
  }

  /** What running code writes to private attributes, shared with the other readings. */
  PrivateFields privateFields() {
    return privateFields;
  }

  /**
   * Whether {@code c} passes a name some of whose fields are known here ({@code row.up}), or
   * whose value is ({@code is_attr_set(new_host)}, new_host None on this path).
   */
  private static boolean passesKnownFields(Expr.Call c, CallContext cx) {
    for (dev.novatrace.python.ast.Arg a : c.args()) {
      if (a.value() instanceof Expr.Name n && (fixed(cx.literals().get(n.id())) != null
          || cx.literals().keySet().stream().anyMatch(k -> k.startsWith(n.id() + ".")))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether an {@code and} holds a name and its negation, each read through the locals that
   * only stand for another name on this path ({@code host = new_host if is_attr_set(new_host)
   * else old_host}, the test decided): {@code host and not old_host} is then false.
   */
  private boolean contradicts(Expr.Operation and, CallContext cx) {
    Set<String> held = new HashSet<>();
    Set<String> negated = new HashSet<>();
    for (Expr operand : and.operands()) {
      boolean not = operand instanceof Expr.Operation o && o.op().equals("not")
          && o.operands().size() == 1;
      String name = standsFor(not ? ((Expr.Operation) operand).operands().get(0) : operand, cx,
          0);
      if (name != null) {
        (not ? negated : held).add(name);
      }
    }
    held.retainAll(negated);
    return !held.isEmpty();
  }

  /** The name a local stands for on this path, read through decided conditional assignments. */
  private String standsFor(Expr e, CallContext cx, int hops) {
    if (!(e instanceof Expr.Name n) || hops > MAX_LOCALS) {
      return null;
    }
    if (cx.scope().param(n.id()) == null
        && cx.scope().local(n.id()) instanceof Expr.IfExp x && assignedOnceBefore(n,
            cx.function())) {
      Boolean taken = truth(x.test(), cx);
      return taken == null ? null : standsFor(taken ? x.body() : x.orElse(), cx, hops + 1);
    }
    return n.id();
  }

  /**
   * The literal's text a call of a function of the tree returns for what it passes ({@link
   * BoundReturns}), or null.
   */
  String returnedBy(Expr.Call call, CallContext cx) {
    return resolver.valueOf(call.func(), cx.scope()) instanceof Value.FunctionValue f
        ? boundReturns.of(f, call, cx).orElse(null) : null;
  }

  private Boolean nameTruth(Expr.Name n, CallContext cx) {
    Boolean known = cx.flags().get(n.id());
    if (known != null || cx.scope().param(n.id()) != null || cx.flags().containsKey(n.id())) {
      return known; // a name the flags know, to be unknown too (BoundReturns' locals)
    }
    String held = fixed(cx.literals().get(n.id()));
    if (held == null && DictShapes.EMPTY.contains(String.valueOf(cx.literals().get(n.id())))
        && assignedOnceBefore(n, cx.function()) && !DictShapes.handedOn(cx.function(), n.id())) {
      return false; // auto_assign_subnets = [], filled only where the path did not go
    }
    if (held != null && assignedOnceBefore(n, cx.function())) {
      // new_power_state = None, reassigned only where an exception is handled: it holds None.
      return !Literals.isFalsy(held);
    }
    Expr local = cx.scope().local(n.id());
    if (local instanceof Expr.Call assigned) {
      Boolean assumed = profile.assumption(assigned).orElseGet(
          () -> requestDefault(assigned, n, cx));
      String main = assumed == null ? returned(n, cx) : null;
      // result = self._send_events(...): True the way it runs; model_update =
      // self.driver.create_export(...): the dict the driver fills.
      return assumed != null ? assumed : "True".equals(main) ? Boolean.TRUE
          : "False".equals(main) || "None".equals(main) ? Boolean.FALSE
          : fillsADict(assigned, n, cx) ? Boolean.TRUE : null;
    }
    if (local instanceof Expr.Operation op && assignedOnceBefore(n, cx.function())
        && depth < MAX_LOCALS) {
      // src_remote = remote in ['src', 'both'], where the caller passed remote='dest';
      // cast_required = method != 'network_create_end', fanout_required = ... or no_agents.
      depth++;
      try {
        return op.operands().size() == 2 && fixedComparison(op, cx) != null
            ? fixedComparison(op, cx) : truth(op, cx);
      } finally {
        depth--;
      }
    }
    if (local instanceof Expr.Name alias && !alias.id().equals(n.id())) {
      // evacuate = recreate: a local that only renames a flag holds what the flag holds.
      return cx.flags().get(alias.id());
    }
    return null;
  }

  /**
   * {@code error = params.get('error', False)} in the REST API, assigned once: the request's
   * optional flag is left out, so its default holds. A value that defaults to None is not
   * decided: one of several such (a group's source snapshot or source group) is required.
   */
  private Boolean requestDefault(Expr.Call c, Expr.Name n, CallContext cx) {
    if (!(c.func() instanceof Expr.Attribute a && a.attr().equals("get"))
        || c.args().size() != 2 || Names.string(c.args().get(0).value()) == null
        || !(c.args().get(1).value() instanceof Expr.Constant d)
        || !profile.readsRequest(cx.function().module())
        || !assignedOnceBefore(n, cx.function())) {
      return null;
    }
    return switch (d.kind()) {
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      default -> null;
    };
  }

  /**
   * Whether the test of {@code n} follows exactly one assignment of it in the function's
   * source, outside exception handlers (the way to an error) and nested functions: then what
   * that assignment bound is what the test reads ({@code show_events = False} then set True in
   * a branch is not so).
   */
  private static boolean assignedOnceBefore(Expr.Name n, FunctionInfo fn) {
    int[] count = {0};
    assignments(fn.ast().body(), n.id(), n.pos().start(), count);
    return count[0] == 1;
  }

  private static void assignments(List<dev.novatrace.python.ast.Stmt> body, String name,
      int before, int[] count) {
    for (dev.novatrace.python.ast.Stmt s : body) {
      if (s.pos().start() >= before) {
        return;
      }
      if (s instanceof dev.novatrace.python.ast.Stmt.Assign a) {
        for (Expr t : a.targets()) {
          if (t instanceof Expr.Name tn && tn.id().equals(name)) {
            count[0]++;
          } else if (t instanceof Expr.Sequence seq && seq.elements().stream()
              .anyMatch(x -> x instanceof Expr.Name xn && xn.id().equals(name))) {
            count[0] += 2; // unpacked from a value: not a literal's
          }
        }
      } else if (s instanceof dev.novatrace.python.ast.Stmt.AugAssign a
          && a.target() instanceof Expr.Name tn && tn.id().equals(name)) {
        count[0] += 2;
      } else if (s instanceof dev.novatrace.python.ast.Stmt.For f
          && f.target() instanceof Expr.Name tn && tn.id().equals(name)) {
        count[0] += 2;
      }
      boolean loop = s instanceof dev.novatrace.python.ast.Stmt.For
          || s instanceof dev.novatrace.python.ast.Stmt.While;
      if (loop && s.pos().end() > before && assignsAnywhere(List.of(s), name)) {
        count[0] += 2; // a later pass of the loop may see what its end assigns
      }
      if (s instanceof dev.novatrace.python.ast.Stmt.Try t) {
        assignments(t.body(), name, before, count);
        assignments(t.orElse(), name, before, count);
        assignments(t.finalBody(), name, before, count);
      } else if (!(s instanceof dev.novatrace.python.ast.Stmt.FunctionDef)
          && !(s instanceof dev.novatrace.python.ast.Stmt.ClassDef)) {
        for (List<dev.novatrace.python.ast.Stmt> b
            : dev.novatrace.index.StatementWalker.children(s)) {
          assignments(b, name, before, count);
        }
      }
    }
  }

  private static boolean assignsAnywhere(List<dev.novatrace.python.ast.Stmt> body, String name) {
    boolean[] found = {false};
    dev.novatrace.index.StatementWalker.forEach(body, st -> {
      if (st instanceof dev.novatrace.python.ast.Stmt.Assign a && a.targets().stream()
          .anyMatch(t -> t instanceof Expr.Name tn && tn.id().equals(name))) {
        found[0] = true;
      }
    });
    return found[0];
  }

  /**
   * Parameters of the called function that this call binds to a literal True, False or None,
   * by position, by keyword, or in a {@code **kwargs} dict the caller built ({@code kwargs =
   * dict(evacuate=evacuate, ...)}; {@code self._rebuild_default_impl(**kwargs)}).
   */
  Map<String, Boolean> bound(Value.FunctionValue fv, Expr.Call c, CallContext cx) {
    List<Param> params = fv.function().ast().params();
    int offset = fv.receiverOffset();
    Map<String, Boolean> flags = new HashMap<>();
    Arguments.passed(params, offset, c, cx.scope()).forEach((name, arg) -> {
      Boolean literal = literalTruth(arg, cx);
      if (literal != null) {
        flags.put(name, literal);
      }
    });
    defaults(params, offset, c, flags);
    return flags;
  }

  /**
   * RPC arguments travel by name, so a client parameter bound to a literal binds the manager's
   * parameter of the same name.
   */
  static Map<String, Boolean> carried(FunctionInfo manager, Map<String, Boolean> flags) {
    Map<String, Boolean> carried = new HashMap<>();
    for (Param p : manager.ast().params()) {
      Boolean v = flags.get(p.name());
      if (v != null) {
        carried.put(p.name(), v);
      }
    }
    return carried;
  }

  /**
   * A parameter the call does not pass keeps its literal default ({@code do_cast=True}); with
   * {@code *args} or {@code **kwargs} in the call nothing is known of what it passes.
   */
  private static void defaults(List<Param> params, int offset, Expr.Call c,
      Map<String, Boolean> flags) {
    Set<String> passed = new HashSet<>();
    for (Arg a : c.args()) {
      if (a.kind() != Arg.Kind.POSITIONAL && a.kind() != Arg.Kind.KEYWORD) {
        return;
      }
      if (a.kind() == Arg.Kind.KEYWORD) {
        passed.add(a.keyword());
      }
    }
    long positional = c.args().stream().filter(a -> a.kind() == Arg.Kind.POSITIONAL).count();
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      if (p.defaultValue() instanceof Expr.Constant k && !passed.contains(p.name())
          && !flags.containsKey(p.name()) && i >= offset + positional) {
        switch (k.kind()) {
          case TRUE -> flags.put(p.name(), true);
          case FALSE, NONE -> flags.put(p.name(), false);
          default -> { }
        }
      }
    }
  }

  private Boolean literalTruth(Expr e, CallContext cx) {
    if (e instanceof Expr.Constant k) {
      return switch (k.kind()) {
        case TRUE -> true;
        case FALSE, NONE -> false;
        default -> null;
      };
    }
    // A local the walked path bound to a literal holds it (vifs_already_plugged = True, set
    // to False only in a branch the deployment's settings do not take).
    String held = e instanceof Expr.Name n ? cx.literals().get(n.id()) : null;
    if ("True".equals(held)) {
      return true;
    }
    if ("False".equals(held) || "None".equals(held)) {
      return false;
    }
    // new_port.get('mac_address'), a key the caller's dict lacks: None.
    String keyed = e instanceof Expr.Call || e instanceof Expr.Subscript ? fixed(keyed(e, cx))
        : null;
    if (keyed != null) {
      return !Literals.isFalsy(keyed);
    }
    // A flag passed straight through, or a local the profile can decide, keeps its value.
    return e instanceof Expr.Name ? truth(e, cx) : null;
  }
}
