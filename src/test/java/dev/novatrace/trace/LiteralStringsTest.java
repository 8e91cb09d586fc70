package dev.novatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code event.replace('after_', '')} and {@code '.'.join((resource, action, 'end'))} on names
 * bound to literals give the string built ({@link Literals}), as a notifier builds an RPC
 * method's name from the callback key it was handed; a part not known gives nothing. Fixture:
 * literal-strings.
 */
class LiteralStringsTest {
  private final Resolver resolver = FixtureTrees.resolver("literal-strings", "notify");

  /**
   * Each local of {@code notify} in order, read with what the earlier ones gave, the caller
   * having bound {@code resource} and {@code event} (not {@code other}).
   */
  private Map<String, String> locals() {
    FunctionInfo fn = resolver.module("notify.events").orElseThrow().functions().get("notify");
    Map<String, String> known = new HashMap<>(Map.of("resource", "'port'",
        "event", "'after_create'"));
    Map<String, String> out = new LinkedHashMap<>();
    for (Stmt s : fn.ast().body()) {
      if (s instanceof Stmt.Assign a && a.targets().get(0) instanceof Expr.Name n) {
        String text = Literals.of(a.value(), known, resolver.scopeOf(fn), fn.module().ast());
        out.put(n.id(), String.valueOf(text));
        if (text != null) {
          known.put(n.id(), text);
        }
      }
    }
    return out;
  }

  @Test
  void replaceAndJoinBuildTheName() {
    Map<String, String> locals = locals();
    assertEquals("'create'", locals.get("action"));
    assertEquals("'port.create.end'", locals.get("method_name"));
    assertEquals("'port_create_end'", locals.get("underscored"));
  }

  @Test
  void aPartNotKnownGivesNothing() {
    Map<String, String> locals = locals();
    assertEquals("null", locals.get("not_known"));
    assertEquals("null", locals.get("computed"));
  }
}
