package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import dev.novatrace.trace.Resolver;
import java.util.List;

/**
 * Whether a class really implements a method the API calls. Neutron's plugin interfaces
 * ({@code NeutronPluginBaseV2}, {@code RouterPluginBase}, extension {@code *PluginBase}
 * classes) declare every operation as an {@code @abc.abstractmethod} or with a body of only
 * {@code pass} or {@code raise NotImplementedError()}, and custom controllers refuse a verb with
 * {@code msg = _('...not supported...'); raise webob.exc.HTTPNotImplemented(msg)}; the API answers
 * such a call with an error (or the plugin could not load), so it is no action.
 */
final class ResourceBodies {
  private ResourceBodies() {}

  /**
   * The method {@code name} as {@code cls} runs it, or null when that is abstract or a stub or
   * missing: the first definition along Python's MRO ({@link Resolver#mro}, C3 as Python's) decides, as it does
   * at run time.
   */
  static FunctionInfo implementation(Resolver resolver, ClassInfo cls, String name) {
    for (ClassInfo c : resolver.mro(cls)) {
      FunctionInfo f = c.methods().get(name);
      if (f != null) {
        return isImplemented(f) ? f : null;
      }
    }
    return null;
  }

  static boolean isImplemented(FunctionInfo f) {
    if (f.hasDecoratorNamed("abstractmethod")) {
      return false;
    }
    List<Stmt> body = withoutDocstring(f.ast().body());
    if (body.isEmpty()) {
      return false;
    }
    if (body.get(body.size() - 1) instanceof Stmt.Raise
        && body.subList(0, body.size() - 1).stream().allMatch(Stmt.Assign.class::isInstance)) {
      return false; // msg = _('POST requests are not supported...'); raise HTTPNotImplemented(msg)
    }
    return !body.stream().allMatch(ResourceBodies::isStubStatement);
  }

  private static boolean isStubStatement(Stmt s) {
    return s instanceof Stmt.Raise
        || s instanceof Stmt.Simple simple && "pass".equals(simple.kind())
        || s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Constant c
            && c.kind() == Expr.ConstKind.ELLIPSIS;
  }

  /** A body without its leading docstring. */
  static List<Stmt> withoutDocstring(List<Stmt> body) {
    if (!body.isEmpty() && body.get(0) instanceof Stmt.ExprStmt e
        && e.value() instanceof Expr.Constant c && c.kind() == Expr.ConstKind.STRING) {
      return body.subList(1, body.size());
    }
    return body;
  }
}
