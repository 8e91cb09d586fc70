package dev.novatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConditionsTest {

  @Test
  void oneComparisonIsNegatedByItsOppositeOperator() {
    assertEquals("net_data.get(extnet_apidef.EXTERNAL) != new_value",
        Conditions.negated("net_data.get(extnet_apidef.EXTERNAL) == new_value"));
    assertEquals("port['device_owner'] == 'a b'",
        Conditions.negated("port['device_owner'] != 'a b'"));
    assertEquals("x is not None", Conditions.negated("x is None"));
    assertEquals("x is None", Conditions.negated("x is not None"));
    assertEquals("k not in d", Conditions.negated("k in d"));
    assertEquals("k in d", Conditions.negated("k not in d"));
  }

  @Test
  void anythingElseIsNegatedWithNot() {
    assertEquals("not (a == b and c)", Conditions.negated("a == b and c"));
    assertEquals("not (a + b == c)", Conditions.negated("a + b == c"));
    assertEquals("not (a == b == c)", Conditions.negated("a == b == c"));
    assertEquals("not x", Conditions.negated("x"));
    assertEquals("x", Conditions.negated("not x"));
    assertEquals("not (f(a == b) ...)", Conditions.negated("f(a == b) ..."));
  }
}
