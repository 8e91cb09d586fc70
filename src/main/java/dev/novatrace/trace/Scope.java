package dev.novatrace.trace;

import dev.novatrace.index.Binding;
import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Param;
import dev.novatrace.python.ast.Stmt;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names visible while evaluating an expression: a function's parameters and locals (the first
 * assignment of each local name, flow-insensitively), falling back to its module's top level.
 */
public final class Scope {
  private final ModuleInfo module;
  private final FunctionInfo function;
  private final Map<String, Expr> locals = new HashMap<>();
  private final Map<String, Param> params = new HashMap<>();
  private final Map<String, Stmt.FunctionDef> nestedDefs = new HashMap<>();
  /** What one call passes to parameters, where the caller's code tells its type. */
  private final Map<String, Value> passed = new HashMap<>();
  /**
   * Loop variables bound to one object of a literal list the loop runs through ({@code for task
   * in (TaskA(), TaskB())}): they hide the name's own resolution.
   */
  private final Map<String, Value> bound = new HashMap<>();
  /**
   * Names an import inside the function binds ({@code from neutron.notifiers import nova}), as
   * the index binds a module's top-level imports.
   */
  private final Map<String, Binding> imports = new HashMap<>();
  private Scope enclosing;
  private ClassInfo selfClass;

  private Scope(ModuleInfo module, FunctionInfo function) {
    this.module = module;
    this.function = function;
  }

  public static Scope ofModule(ModuleInfo module) {
    return new Scope(module, null);
  }

  public static Scope ofFunction(FunctionInfo f) {
    Scope s = new Scope(f.module(), f);
    for (Param p : f.ast().params()) {
      s.params.put(p.name(), p);
    }
    StatementWalker.forEach(f.ast().body(), st -> {
      if (st instanceof Stmt.Assign a) {
        for (Expr t : a.targets()) {
          if (t instanceof Expr.Name n && !s.params.containsKey(n.id())) {
            // snapshot = None, then snapshot = objects.Snapshot(...): None only said "not yet".
            Expr first = s.locals.get(n.id());
            if (first == null || isNone(first)) {
              s.locals.put(n.id(), a.value());
            }
          } else if (t instanceof Expr.Sequence seq && a.value() instanceof Expr.Call) {
            s.unpacked(seq, a.value());
          }
        }
      } else if (st instanceof Stmt.FunctionDef def) {
        s.nestedDefs.putIfAbsent(def.name(), def);
      } else if (st instanceof Stmt.ImportFrom from && from.level() == 0) {
        from.names().forEach(a -> s.imports.putIfAbsent(a.boundName(),
            new Binding.FromImport(from.module(), a.name())));
      } else if (st instanceof Stmt.Import imp) {
        imp.names().stream().filter(a -> a.asName() != null)
            .forEach(a -> s.imports.putIfAbsent(a.asName(), new Binding.ModuleImport(a.name())));
      } else if (st instanceof Stmt.With w) {
        for (Stmt.WithItem item : w.items()) {
          if (item.target() instanceof Expr.Name n) {
            s.locals.putIfAbsent(n.id(), item.context());
          }
        }
      }
    });
    return s;
  }

  private static boolean isNone(Expr e) {
    return e instanceof Expr.Constant c && c.kind() == Expr.ConstKind.NONE;
  }

  /**
   * {@code session, image_id = self._get_session_and_image_id(...)}: each name holds its element
   * of what the call returns ({@link Resolver} reads a returned tuple), as {@code call[i]}.
   */
  private void unpacked(Expr.Sequence targets, Expr call) {
    for (int i = 0; i < targets.elements().size(); i++) {
      if (targets.elements().get(i) instanceof Expr.Name n && !params.containsKey(n.id())) {
        locals.putIfAbsent(n.id(), new Expr.Subscript(call,
            new Expr.Constant(Expr.ConstKind.NUMBER, Integer.toString(i), call.pos()),
            call.pos()));
      }
    }
  }

  /** A function defined inside another one: its free names resolve in the enclosing scope. */
  public static Scope ofNested(FunctionInfo nested, Scope enclosing) {
    Scope s = ofFunction(nested);
    s.enclosing = enclosing;
    return s;
  }

  /**
   * The same function seen as a method of {@code cls}, a subclass of its owner: {@code self}
   * then has the receiver's class, so {@code self._execute()} reaches the override.
   */
  public Scope withSelf(ClassInfo cls) {
    if (cls == null || cls == selfClass() || function == null || function.owner() == null) {
      return this;
    }
    Scope s = copy();
    s.selfClass = cls;
    return s;
  }

  /**
   * The same function as one call runs it: parameters hold what the caller passed
   * ({@code _attach_volume(ctx, instance, driver_bdm)} makes {@code bdm} a driver BDM), which
   * the code shows and a conventional name only guesses.
   */
  public Scope withPassed(Map<String, Value> values) {
    if (values.isEmpty() || function == null) {
      return this;
    }
    Scope s = copy();
    s.passed.putAll(values);
    return s;
  }

  /** The same scope with loop variables bound (see {@link #bound(String)}). */
  public Scope withBound(Map<String, Value> values) {
    if (values.isEmpty()) {
      return this;
    }
    Scope s = copy();
    s.bound.putAll(values);
    return s;
  }

  private Scope copy() {
    Scope s = new Scope(module, function);
    s.locals.putAll(locals);
    s.params.putAll(params);
    s.nestedDefs.putAll(nestedDefs);
    s.passed.putAll(passed);
    s.bound.putAll(bound);
    s.imports.putAll(imports);
    s.enclosing = enclosing;
    s.selfClass = selfClass;
    return s;
  }

  /** What an import inside the function binds {@code name} to, or null. */
  public Binding importOf(String name) {
    return imports.get(name);
  }

  /** What the call being traced passed to a parameter, or null when not known. */
  public Value passed(String param) {
    return passed.get(param);
  }

  /** The object a loop variable is bound to, or null. */
  public Value bound(String name) {
    return bound.get(name);
  }

  /** The class {@code self} is an instance of: the receiver's class, else the owner. */
  public ClassInfo selfClass() {
    return selfClass != null ? selfClass : owner();
  }

  /** The scope a nested function closes over, or null. */
  public Scope enclosing() {
    return enclosing;
  }

  /** A function defined with {@code def} directly in this function's body, or null. */
  public Stmt.FunctionDef nestedDef(String name) {
    return nestedDefs.get(name);
  }

  public ModuleInfo module() {
    return module;
  }

  /** The function this scope belongs to, or null at module level. */
  public FunctionInfo function() {
    return function;
  }

  public ClassInfo owner() {
    return function == null ? null : function.owner();
  }

  public Expr local(String name) {
    return locals.get(name);
  }

  public Param param(String name) {
    return params.get(name);
  }

  /** The name of the receiver parameter ({@code self} or {@code cls}) of a method, or null. */
  public String selfName() {
    if (function == null || function.owner() == null) {
      return null;
    }
    List<Param> ps = function.ast().params();
    if (ps.isEmpty() || function.hasDecoratorNamed("staticmethod")) {
      return null;
    }
    return ps.get(0).name();
  }

  public boolean isClassMethod() {
    return function != null && function.hasDecoratorNamed("classmethod");
  }
}
