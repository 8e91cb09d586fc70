package dev.novatrace.trace;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The relationships of an ORM's mapped classes ({@link Rows}): the rows an attribute of a row
 * holds, declared on its class or, as a backref, on the class it relates to.
 */
final class Relationships {
  private final Resolver resolver;
  private final Rows rows;

  Relationships(Resolver resolver, Rows rows) {
    this.resolver = resolver;
    this.rows = rows;
  }

  /** Relationships declared on other classes whose backref names an attribute of a model. */
  private Map<String, Value> backrefs;

  /**
   * The rows a relationship of a mapped class holds ({@code fixed_ips =
   * orm.relationship(IPAllocation, ...)}; a backref another model declares: {@code
   * port = orm.relationship(Port, backref=orm.backref('port_bindings'))} on PortBinding gives
   * a Port's {@code port_bindings}): rows read with the object, one where the relationship
   * says {@code uselist=False}. Null when {@code attr} is no relationship.
   */
  Value related(ClassInfo cls, String attr) {
    if (!rows.isMapped(cls)) {
      return null;
    }
    for (ClassInfo c : resolver.mro(cls)) {
      if (c.classAttribute(attr) instanceof Expr.Call call && isRelationship(call)) {
        ClassInfo target = target(call, c);
        return target == null ? null : held(target, !oneRow(call));
      }
    }
    for (ClassInfo c : resolver.mro(cls)) {
      Value v = backrefs().get(c.qualifiedName() + "#" + attr);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  private static Value held(ClassInfo cls, boolean many) {
    return many ? new Value.Elements(List.of(cls), true) : new Value.InstanceValue(cls, true);
  }

  private Map<String, Value> backrefs() {
    if (backrefs == null) {
      backrefs = new HashMap<>();
      for (dev.novatrace.index.ModuleInfo m : resolver.index().modules()) {
        for (ClassInfo c : m.classes().values()) {
          for (Stmt st : c.ast().body()) {
            if (st instanceof Stmt.Assign a && a.value() instanceof Expr.Call call
                && isRelationship(call)) {
              backref(call, c);
            }
          }
        }
      }
    }
    return backrefs;
  }

  /** Records the backref {@code call} (declared on {@code declaring}) gives its target. */
  private void backref(Expr.Call call, ClassInfo declaring) {
    Expr ref = Arg.passed(call.args(), Integer.MAX_VALUE, "backref");
    String name = ref instanceof Expr.Call b && b.args().size() >= 1
        ? Names.string(b.args().get(0).value()) : Names.string(ref);
    ClassInfo target = name == null ? null : target(call, declaring);
    if (target != null) {
      backrefs.putIfAbsent(target.qualifiedName() + "#" + name,
          held(declaring, !(ref instanceof Expr.Call b && oneRow(b))));
    }
  }

  private static boolean isRelationship(Expr.Call call) {
    return "relationship".equals(Names.simpleName(call.func()));
  }

  /** Whether a relationship (or backref) says {@code uselist=False}: one row, not a list. */
  private static boolean oneRow(Expr.Call call) {
    return Arg.passed(call.args(), Integer.MAX_VALUE, "uselist") instanceof Expr.Constant k
        && k.kind() == Expr.ConstKind.FALSE;
  }

  /** The class a relationship relates to: its first argument, a class or a class's name. */
  private ClassInfo target(Expr.Call call, ClassInfo declaring) {
    Expr first = Arg.passed(call.args(), 0, "argument");
    if (first == null) {
      return null;
    }
    Scope module = Scope.ofModule(declaring.module());
    if (resolver.valueOf(first, module) instanceof Value.ClassValue cv) {
      return cv.cls();
    }
    String name = Names.string(first);
    return name == null ? null : declaring.module().classes().get(name);
  }
}
