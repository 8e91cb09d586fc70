package dev.novatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novatrace.index.ClassInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Resolver#mro} is Python's C3 linearization ({@code type.mro()}), and falls back to a
 * depth-first walk, without error, where the bases admit no C3 order. Fixture: c3-mro.
 */
class C3MroTest {
  private final Resolver resolver = FixtureTrees.resolver("c3-mro", "shapes");

  private List<String> mro(String cls) {
    return resolver.mro(FixtureTrees.cls(resolver, "shapes.diamond." + cls)).stream()
        .map(ClassInfo::name).toList();
  }

  private String describe(String cls) {
    return resolver.lookupMethod(FixtureTrees.cls(resolver, "shapes.diamond." + cls), "describe",
        null).owner().name();
  }

  /**
   * {@code class Shape(Left, Mixin, Right)}, both Left and Right over Base: Base comes last,
   * after every class that inherits it, so the mixin listed second overrides Base's method
   * (depth-first: Shape, Left, Base, Mixin, Right, and Base's would win).
   */
  @Test
  void aMixinListedLaterWinsOverABaseTwoBasesShare() {
    assertEquals(List.of("Shape", "Left", "Mixin", "Right", "Base"), mro("Shape"));
    assertEquals("Mixin", describe("Shape"));
  }

  @Test
  void aSingleChainIsItsOwnOrder() {
    assertEquals(List.of("Left", "Base"), mro("Left"));
    assertEquals("Base", describe("Left"));
  }

  /** Base listed before its subclass Left: no C3 order; depth-first, each class once. */
  @Test
  void basesWithNoC3OrderFallBackToDepthFirst() {
    assertEquals(List.of("Inconsistent", "Base", "Left"), mro("Inconsistent"));
    assertEquals("Base", describe("Inconsistent"));
  }

  /**
   * {@code RegisteredBase = compat.with_metaclass(Registry, diamond.Left)}, then {@code class
   * Registered(RegisteredBase)}: the class six's idiom builds has Left for its base, so
   * Registered has Left's and Base's methods (Neutron's NeutronRbacObject objects).
   */
  @Test
  void aBaseWithMetaclassMakesHasTheBasesItIsGiven() {
    ClassInfo registered = FixtureTrees.cls(resolver, "shapes.registered.Registered");
    assertEquals(List.of("Registered", "Left", "Base"),
        resolver.mro(registered).stream().map(ClassInfo::name).toList());
    assertEquals("Base", resolver.lookupMethod(registered, "describe", null).owner().name());
  }

  /** The next class after Left in Shape's order is Mixin: super() from Left reaches it. */
  @Test
  void superAfterALeftBaseFollowsTheC3Order() {
    ClassInfo shape = FixtureTrees.cls(resolver, "shapes.diamond.Shape");
    ClassInfo left = FixtureTrees.cls(resolver, "shapes.diamond.Left");
    assertEquals("Mixin", resolver.lookupMethod(shape, "describe", left).owner().name());
  }
}
