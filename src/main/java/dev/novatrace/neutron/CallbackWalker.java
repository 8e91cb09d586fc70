package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.Names;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.neutron.CallbackFrame.Bound;
import dev.novatrace.neutron.CallbackFrame.Part;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.ExprChildren;
import dev.novatrace.python.ast.Stmt;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Scope;
import java.util.List;
import java.util.Set;

/**
 * Walks a module's code the way the callback registry needs it read: every class, every def
 * (with the frame its decorators are read in) and every call, each call with the frame that
 * knows the loop and comprehension variables around it ({@code for resource in (...):
 * registry.subscribe(cb, resource, ...)}).
 */
final class CallbackWalker {
  /** Builtins that keep the elements of what they wrap: {@code for x in sorted(seq)}. */
  private static final Set<String> SAME_ELEMENTS = Set.of("sorted", "list", "tuple", "set",
      "frozenset");

  /** What a walk reports. */
  interface Visitor {
    default void classDef(ClassInfo cls, CallbackFrame frame) {}

    /** A def; {@code outer} is the frame its decorators are read in. */
    default void functionDef(FunctionInfo function, CallbackFrame outer) {}

    default void call(Expr.Call call, CallbackFrame frame) {}
  }

  private final Resolver resolver;
  private final Visitor visitor;

  CallbackWalker(Resolver resolver, Visitor visitor) {
    this.resolver = resolver;
    this.visitor = visitor;
  }

  void module(ModuleInfo module) {
    body(module.ast().body(), CallbackFrame.of(Scope.ofModule(module)), null);
  }

  /** One function's body read in {@code start}: a frame whose parameters a call site binds. */
  void function(FunctionInfo function, CallbackFrame start) {
    body(function.ast().body(), start, null);
  }

  private void body(List<Stmt> stmts, CallbackFrame f, ClassInfo cls) {
    for (Stmt s : stmts) {
      statement(s, f, cls);
    }
  }

  private void statement(Stmt s, CallbackFrame f, ClassInfo cls) {
    if (s instanceof Stmt.ClassDef c) {
      c.decorators().forEach(d -> expr(d, f));
      ClassInfo info = classOf(c, f, cls);
      if (info != null) {
        visitor.classDef(info, f);
      }
      body(c.body(), f, info);
    } else if (s instanceof Stmt.FunctionDef d) {
      d.decorators().forEach(x -> expr(x, f));
      FunctionInfo fn = functionOf(d, f, cls);
      visitor.functionDef(fn, f);
      body(d.body(), frameOf(fn, f, cls), null);
    } else if (s instanceof Stmt.For loop) {
      expr(loop.iter(), f);
      body(loop.body(), bind(loop.target(), loop.iter(), f), cls);
      body(loop.orElse(), f, cls);
    } else {
      ExprChildren.of(s).forEach(e -> expr(e, f));
      StatementWalker.children(s).forEach(b -> body(b, f, cls));
    }
  }

  private void expr(Expr e, CallbackFrame f) {
    if (e instanceof Expr.Call call) {
      visitor.call(call, f);
    }
    if (e instanceof Expr.Comprehension comp && comp.clauses().size() >= 2) {
      // Only the first for-clause is certain: later clauses mix targets and conditions.
      expr(comp.clauses().get(1), f);
      CallbackFrame inner = bind(comp.clauses().get(0), comp.clauses().get(1), f);
      comp.clauses().subList(2, comp.clauses().size()).forEach(x -> expr(x, inner));
      expr(comp.element(), inner);
      return;
    }
    ExprChildren.of(e).forEach(x -> expr(x, f));
  }

  /**
   * The frame of a loop's body: {@code for x in seq} binds x to each element, {@code for k, v in
   * d.items()} k to each key and v to each value, {@code for a, b in pairs} each by position.
   */
  static CallbackFrame bind(Expr target, Expr iter, CallbackFrame f) {
    Expr source = unwrapped(iter);
    String method = source instanceof Expr.Call c && c.args().isEmpty()
        && c.func() instanceof Expr.Attribute a ? a.attr() : null;
    Expr owner = method != null ? ((Expr.Attribute) ((Expr.Call) source).func()).value() : null;
    if (target instanceof Expr.Name n) {
      if ("keys".equals(method) || "values".equals(method)) {
        Part part = "keys".equals(method) ? Part.ELEMENT : Part.VALUE;
        return f.with(n.id(), new Bound(part, 0, owner, f));
      }
      return f.with(n.id(), new Bound(Part.ELEMENT, 0, source, f));
    }
    if (!(target instanceof Expr.Sequence seq)) {
      return f;
    }
    CallbackFrame out = f;
    for (int i = 0; i < seq.elements().size(); i++) {
      if (!(seq.elements().get(i) instanceof Expr.Name n)) {
        continue;
      }
      Bound b = "items".equals(method) && i < 2
          ? new Bound(i == 0 ? Part.ELEMENT : Part.VALUE, 0, owner, f)
          : new Bound(Part.ITEM, i, source, f);
      out = out.with(n.id(), b);
    }
    return out;
  }

  private static Expr unwrapped(Expr iter) {
    if (iter instanceof Expr.Call c && c.func() instanceof Expr.Name
        && SAME_ELEMENTS.contains(Names.simpleName(c.func())) && c.args().size() == 1
        && c.args().get(0).kind() == Arg.Kind.POSITIONAL) {
      return c.args().get(0).value();
    }
    return iter;
  }

  private static ClassInfo classOf(Stmt.ClassDef c, CallbackFrame f, ClassInfo cls) {
    ClassInfo info = cls != null ? cls.nestedClass(c.name())
        : f.atModuleLevel() ? f.scope().module().classes().get(c.name()) : null;
    return info != null && info.ast() == c ? info : null; // a class built in a function: unknown
  }

  private static FunctionInfo functionOf(Stmt.FunctionDef d, CallbackFrame f, ClassInfo cls) {
    ModuleInfo module = f.scope().module();
    FunctionInfo known = cls != null ? cls.methods().get(d.name())
        : f.atModuleLevel() ? module.functions().get(d.name()) : null;
    // A property's setter shares its getter's name; a def in a def is nobody's member.
    return known != null && known.ast() == d ? known : new FunctionInfo(d.name(), module, cls, d);
  }

  private CallbackFrame frameOf(FunctionInfo fn, CallbackFrame outer, ClassInfo cls) {
    if (cls != null || outer.atModuleLevel()) {
      return CallbackFrame.of(resolver.scopeOf(fn));
    }
    return outer.in(resolver.nestedScope(fn, outer.scope()));
  }
}
