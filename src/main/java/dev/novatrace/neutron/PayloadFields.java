package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Param;
import dev.novatrace.python.ast.Stmt;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Scope;
import dev.novatrace.trace.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields a publisher's payload holds where the code fixes them: {@code
 * events.DBEventPayload(context, states=(fip,), resource_id=id)} passes no {@code request_body},
 * so the payload's {@code request_body} is the constructor's default, None, and a subscriber's
 * {@code if payload.request_body:} is decided. Read through {@code __init__} and the base
 * {@code __init__} it hands its parameters up to ({@code super().__init__(context,
 * request_body=request_body, ...)}): a field set straight from a parameter ({@code
 * self.request_body = request_body}) holds that parameter's literal. A field set otherwise
 * ({@code self.metadata = metadata if metadata else {}}) is not known.
 */
final class PayloadFields {
  /** Base constructors followed up from the payload's own. */
  private static final int MAX_BASES = 3;

  private PayloadFields() {}

  /**
   * {@code name.field} for each field the payload built by {@code payload} (a constructor call)
   * holds a literal in: the keys a subscriber's parameter {@code name} is read by.
   */
  static Map<String, String> of(String name, Expr payload, Scope scope, Resolver resolver) {
    if (!(payload instanceof Expr.Call c)
        || !(resolver.valueOf(c.func(), scope) instanceof Value.ClassValue cv)) {
      return Map.of();
    }
    Map<String, String> passed = new HashMap<>();
    for (Arg a : c.args()) {
      if (a.kind() == Arg.Kind.KEYWORD) {
        passed.put(a.keyword(), a.value() instanceof Expr.Constant k ? constant(k) : null);
      } else if (a.kind() != Arg.Kind.POSITIONAL) {
        return Map.of(); // *args or **kwargs: what is passed is not known
      }
    }
    Map<String, String> out = new HashMap<>();
    fields(cv.cls(), c.args().stream().filter(a -> a.kind() == Arg.Kind.POSITIONAL).count(),
        passed, resolver, MAX_BASES).forEach((field, text) -> out.put(name + "." + field, text));
    return out;
  }

  /**
   * The literal fields {@code cls}'s constructor sets, {@code positional} arguments given by
   * position and {@code passed} by name (keyword to literal text, null where not a literal).
   */
  private static Map<String, String> fields(ClassInfo cls, long positional,
      Map<String, String> passed, Resolver resolver, int bases) {
    FunctionInfo init = resolver.lookupMethod(cls, "__init__", null);
    if (init == null) {
      return Map.of();
    }
    List<Param> params = init.ast().params();
    Map<String, String> held = new HashMap<>();
    for (int i = 1; i < params.size(); i++) {
      Param p = params.get(i);
      boolean byPosition = i - 1 < positional;
      String text = passed.containsKey(p.name()) ? passed.get(p.name())
          : !byPosition && p.defaultValue() instanceof Expr.Constant d ? constant(d) : null;
      if (text != null) {
        held.put(p.name(), text);
      }
    }
    Map<String, String> out = new HashMap<>();
    for (Stmt s : init.ast().body()) {
      if (s instanceof Stmt.Assign a && a.targets().size() == 1
          && a.targets().get(0) instanceof Expr.Attribute t
          && t.value() instanceof Expr.Name self && self.id().equals(params.get(0).name())
          && a.value() instanceof Expr.Name v && held.containsKey(v.id())) {
        out.put(t.attr(), held.get(v.id()));
      } else if (bases > 0 && s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Call up
          && up.func() instanceof Expr.Attribute at && at.attr().equals("__init__")
          && at.value() instanceof Expr.Call sup && sup.func() instanceof Expr.Name sn
          && sn.id().equals("super") && init.owner() != null) {
        handedUp(up, held, init.owner(), resolver, bases).forEach(out::putIfAbsent);
      }
    }
    return out;
  }

  /** {@code super().__init__(context, request_body=request_body)}: the base's literal fields. */
  private static Map<String, String> handedUp(Expr.Call up, Map<String, String> held,
      ClassInfo owner, Resolver resolver, int bases) {
    List<ClassInfo> mro = resolver.mro(owner);
    if (mro.size() < 2) {
      return Map.of();
    }
    Map<String, String> passed = new HashMap<>();
    long positional = 0;
    for (Arg a : up.args()) {
      if (a.kind() == Arg.Kind.POSITIONAL) {
        positional++;
      } else if (a.kind() == Arg.Kind.KEYWORD) {
        passed.put(a.keyword(), a.value() instanceof Expr.Name n ? held.get(n.id())
            : a.value() instanceof Expr.Constant k ? constant(k) : null);
      } else {
        return Map.of();
      }
    }
    return fields(mro.get(1), positional, passed, resolver, bases - 1);
  }

  /** A constant's text as the tracer keeps literals: None, True, False, a quoted string. */
  private static String constant(Expr.Constant k) {
    return switch (k.kind()) {
      case NONE -> "None";
      case TRUE -> "True";
      case FALSE -> "False";
      default -> null; // a string or number says nothing a subscriber's test of it needs here
    };
  }
}
