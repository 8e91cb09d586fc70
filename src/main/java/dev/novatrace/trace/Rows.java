package dev.novatrace.trace;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.Names;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Param;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Rows of an ORM's mapped classes (SQLAlchemy's declarative models): which classes are mapped,
 * the row a query of one yields ({@code session.query(models_v2.Port).get(id)}), and the row a
 * helper returns of the model it is passed ({@code model_query.get_by_id(context,
 * models_v2.Network, id)}, whose query is built on its {@code model} parameter). Such a row is
 * an object of its model: {@code network.update(...)} on it is a write of its record.
 */
final class Rows {
  /** A query's methods that give one row, not another query or a list. */
  private static final Set<String> ONE_ROW = Set.of("one", "first", "one_or_none", "get");
  /** The methods a row writes itself with, where its class does not define them. */
  private static final Set<String> ROW_WRITES = Set.of("update");
  /** How many locals and chains a query is read through. */
  private static final int HOPS = 4;

  private final Resolver resolver;
  private final Map<ClassInfo, Boolean> mapped = new HashMap<>();
  private final Map<FunctionInfo, List<String>> modelParameters = new HashMap<>();

  Rows(Resolver resolver) {
    this.resolver = resolver;
  }

  /**
   * Whether objects of {@code cls} are rows: a class of its MRO names its table or declares a
   * column ({@code __tablename__}, {@code name = sa.Column(...)}).
   */
  boolean isMapped(ClassInfo cls) {
    Boolean known = mapped.get(cls);
    if (known == null) {
      known = resolver.mro(cls).stream().anyMatch(Rows::declaresTable);
      mapped.put(cls, known);
    }
    return known;
  }

  /**
   * Whether {@code attr} is mapped on rows of {@code cls}: declared in the body of a class of its
   * MRO (a column, a relationship, a declared attribute), not one the code only sets on an
   * object ({@code port._notify_event}), which the ORM never writes.
   */
  boolean isMappedAttribute(ClassInfo cls, String attr) {
    return resolver.mro(cls).stream().anyMatch(c -> c.classAttribute(attr) != null
        || c.methods().containsKey(attr));
  }

  private static boolean declaresTable(ClassInfo c) {
    if (c.classAttribute("__tablename__") != null || c.methods().containsKey("__tablename__")) {
      return true;
    }
    for (Stmt s : c.ast().body()) {
      if (s instanceof Stmt.Assign a && a.value() instanceof Expr.Call call
          && "Column".equals(Names.simpleName(call.func()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * The model a call on a row writes ({@code network.update(...)}, the row's class not defining
   * the method: the ORM's base does), if the receiver is a row of a mapped class.
   */
  Optional<ClassInfo> rowWrite(Expr.Call c, Scope scope) {
    if (!(c.func() instanceof Expr.Attribute a) || !ROW_WRITES.contains(a.attr())
        || !(resolver.valueOf(a.value(), scope) instanceof Value.InstanceValue row)
        || !isMapped(row.cls()) || resolver.attributeOf(row, a.attr()) instanceof Value.FunctionValue) {
      return Optional.empty();
    }
    return Optional.of(row.cls());
  }

  /** The row a call gives of a query of a mapped class ({@code query(Port).get(id)}), or null. */
  Value row(Expr.Call c, Scope scope) {
    if (!(c.func() instanceof Expr.Attribute a) || !ONE_ROW.contains(a.attr())) {
      return null;
    }
    return queried(a.value(), scope, 0).filter(this::isMapped)
        .<Value>map(m -> new Value.InstanceValue(m, true)).orElse(null);
  }

  /**
   * The model whose rows a query chain holds: a call named for a query ({@code
   * session.query(models.PortBindingLevel)}, a helper's {@code query_with_hooks(context, Model)})
   * given a class, and what is chained on it; a local is read through.
   */
  Optional<ClassInfo> queried(Expr e, Scope scope, int hops) {
    Optional<ClassInfo> model = chainModel(e, scope);
    if (model.isPresent()) {
      return model;
    }
    if (chainRoot(e) instanceof Expr.Name n && hops < HOPS && scope.param(n.id()) == null) {
      Expr from = scope.local(n.id());
      return from == null ? Optional.empty() : queried(from, scope, hops + 1);
    }
    return Optional.empty();
  }

  /** The class a call of the chain {@code e} that names a query is given, if any. */
  Optional<ClassInfo> chainModel(Expr e, Scope scope) {
    for (Expr at = e; at instanceof Expr.Call c; at = chained(c)) {
      if (namesQuery(c)) {
        for (Arg arg : c.args()) {
          if (resolver.valueOf(arg.value(), scope) instanceof Value.ClassValue model) {
            return Optional.of(model.cls());
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Whether a call of the chain {@code e} names a query ({@code session.query(...)}). */
  static boolean isQueryChain(Expr e) {
    for (Expr at = e; at instanceof Expr.Call c; at = chained(c)) {
      if (namesQuery(c)) {
        return true;
      }
    }
    return false;
  }

  /** What a chain of calls starts from ({@code query} in {@code query.filter(...).one()}). */
  static Expr chainRoot(Expr e) {
    Expr at = e;
    while (at instanceof Expr.Call c) {
      at = chained(c);
    }
    return at;
  }

  private static Expr chained(Expr.Call c) {
    return c.func() instanceof Expr.Attribute a ? a.value() : null;
  }

  private static boolean namesQuery(Expr.Call c) {
    String name = Names.simpleName(c.func());
    return name != null && name.contains("query");
  }

  /**
   * The row a function gives of the rows its caller passes, or null: it returns the variable of
   * a loop over one of its parameters ({@code for binding in bindings: if ...: return
   * binding}), and the caller passes rows of one model ({@code port_db.port_bindings}).
   */
  Value passedElement(Value.FunctionValue fv, Expr.Call c, Scope scope) {
    List<String> looped = elementParameters.computeIfAbsent(fv.function(),
        Rows::returnedElementOf);
    for (Value v : passedTo(fv, c, scope, looped)) {
      if (v instanceof Value.Elements rows && rows.classes().size() == 1) {
        return new Value.InstanceValue(rows.classes().get(0), rows.loaded());
      }
    }
    return null;
  }

  /** What the call passes to those of the function's parameters {@code names} names. */
  private List<Value> passedTo(Value.FunctionValue fv, Expr.Call c, Scope scope,
      List<String> names) {
    List<Param> params = fv.function().ast().params();
    int offset = fv.receiverOffset();
    List<Value> out = new ArrayList<>();
    for (int i = offset; i < params.size(); i++) {
      String name = params.get(i).name();
      Expr passed = names.contains(name) ? Arg.passed(c.args(), i - offset, name) : null;
      if (passed != null) {
        out.add(resolver.valueOf(passed, scope));
      }
    }
    return out;
  }

  private final Map<FunctionInfo, List<String>> elementParameters = new HashMap<>();

  /** The parameters {@code fn} loops over and returns the loop variable of. */
  private static List<String> returnedElementOf(FunctionInfo fn) {
    Scope own = Scope.ofFunction(fn);
    List<String> out = new ArrayList<>();
    StatementWalker.forEach(fn.ast().body(), s -> {
      if (s instanceof Stmt.For loop && loop.target() instanceof Expr.Name v
          && loop.iter() instanceof Expr.Name p && own.param(p.id()) != null) {
        StatementWalker.forEach(loop.body(), inner -> {
          if (inner instanceof Stmt.Return r && r.value() instanceof Expr.Name n
              && n.id().equals(v.id()) && !out.contains(p.id())) {
            out.add(p.id());
          }
        });
      }
    });
    return List.copyOf(out);
  }

  /**
   * The row a function gives of the model its caller passes, or null: it returns one row of a
   * query built on one of its parameters ({@code get_by_id(context, model, object_id)}).
   */
  Value passedModelRow(Value.FunctionValue fv, Expr.Call c, Scope scope) {
    List<String> candidates = modelParameters.computeIfAbsent(fv.function(),
        this::queryParameters);
    for (Value v : passedTo(fv, c, scope, candidates)) {
      if (v instanceof Value.ClassValue m && isMapped(m.cls())) {
        return new Value.InstanceValue(m.cls(), true);
      }
    }
    return null;
  }

  /** The parameters the query {@code fn} returns one row of is built on (its model among them). */
  private List<String> queryParameters(FunctionInfo fn) {
    Scope own = resolver.scopeOf(fn);
    List<String> found = new ArrayList<>();
    StatementWalker.forEach(fn.ast().body(), s -> {
      if (s instanceof Stmt.Return r && r.value() instanceof Expr.Call c
          && c.func() instanceof Expr.Attribute a && ONE_ROW.contains(a.attr())) {
        queryParameters(a.value(), own, 0, found);
      }
    });
    return List.copyOf(found);
  }

  /** Adds the parameters a query of the chain {@code e} is given ({@code model=model}). */
  private static void queryParameters(Expr e, Scope scope, int hops, List<String> out) {
    for (Expr at = e; at instanceof Expr.Call c; at = chained(c)) {
      if (namesQuery(c)) {
        c.args().stream().map(Arg::value).filter(v -> v instanceof Expr.Name n
            && scope.param(n.id()) != null).map(v -> ((Expr.Name) v).id()).forEach(out::add);
      }
    }
    if (chainRoot(e) instanceof Expr.Name n && hops < HOPS && scope.param(n.id()) == null
        && scope.local(n.id()) != null) {
      queryParameters(scope.local(n.id()), scope, hops + 1, out);
    }
  }
}
