package dev.novatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@code self.model = model} in a base's {@code __init__}: on an instance of a subclass whose
 * constructor hands a class up through {@code super().__init__(...)}, the attribute is that
 * class ({@link SuperArguments}). Fixture: super-arguments (a segment type driver's allocation
 * model handed up by its subclasses).
 */
class SuperArgumentsTest {
  private final Resolver resolver = FixtureTrees.resolver("super-arguments", "drivers");

  private String attribute(String cls, String attr) {
    Value v = resolver.attributeOf(
        new Value.InstanceValue(FixtureTrees.cls(resolver, "drivers.base." + cls)), attr);
    return v instanceof Value.ClassValue c ? c.cls().name()
        : v instanceof Value.StringValue s ? "'" + s.value() + "'"
        : v.getClass().getSimpleName();
  }

  /** TunnelDriver hands up its own parameter; GeneveDriver gives it the class. */
  @Test
  void twoLevelsOfConstructorsHandTheClassUp() {
    assertEquals("TunnelRow", attribute("GeneveDriver", "model"));
  }

  /** A subclass without __init__ runs its base's: the same class. */
  @Test
  void aSubclassWithoutInitRunsItsBasesOne() {
    assertEquals("TunnelRow", attribute("LeafGeneveDriver", "model"));
  }

  /** {@code super(KeywordDriver, self).__init__(pool='flat', model=rows.FlatRow)}. */
  @Test
  void aKeywordArgumentBindsTheParameterByName() {
    assertEquals("FlatRow", attribute("KeywordDriver", "model"));
  }

  /** PassThrough, between VlanDriver and the base, has no __init__: skipped over. */
  @Test
  void anIntermediateClassWithoutInitIsSkipped() {
    assertEquals("VlanRow", attribute("VlanDriver", "model"));
  }

  /** Nothing hands the base's own instance anything; *args hides the positions. */
  @Test
  void withoutAKnownArgumentTheAttributeStaysUnknown() {
    assertEquals("Unknown", attribute("SegmentDriver", "model"));
    assertEquals("Unknown", attribute("StarDriver", "model"));
  }

  /** {@code pool='tunnels'} from the level between: a literal is handed up the same way. */
  @Test
  void aLiteralHandedUpIsTheAttributesValue() {
    assertEquals("'tunnels'", attribute("GeneveDriver", "pool"));
    assertEquals("'flat'", attribute("KeywordDriver", "pool"));
  }
}
