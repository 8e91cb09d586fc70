package dev.novatrace.cinder;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/** What the Cinder tests ask of a diagram's text. */
final class Diagrams {
  private Diagrams() {}

  /** Every line appears, each after the one before it. */
  static void inOrder(String diagram, List<String> lines) {
    int at = 0;
    for (String line : lines) {
      int found = diagram.indexOf(line, at);
      assertTrue(found >= 0, "'" + line + "' missing after offset " + at + " in:\n" + diagram);
      at = found + line.length();
    }
  }
}
