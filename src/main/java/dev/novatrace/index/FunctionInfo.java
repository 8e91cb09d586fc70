package dev.novatrace.index;

import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.List;

/** A function or method definition; {@code owner} is null for module-level functions. */
public record FunctionInfo(String name, ModuleInfo module, ClassInfo owner, Stmt.FunctionDef ast) {

  public String qualifiedName() {
    return owner == null ? module.name() + "." + name : owner.qualifiedName() + "." + name;
  }

  public List<Expr> decorators() {
    return ast.decorators();
  }

  /** The name of each decorator's callable, e.g. "check_instance_state" or "wsgi.action". */
  public boolean hasDecoratorNamed(String simpleName) {
    for (Expr d : ast.decorators()) {
      if (simpleName.equals(Names.simpleName(d))) {
        return true;
      }
    }
    return false;
  }

  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  @Override
  public String toString() {
    return qualifiedName();
  }
}
