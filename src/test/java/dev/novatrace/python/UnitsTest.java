package dev.novatrace.python;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where a file is cut into units: what parses alone, and nothing that does not. */
class UnitsTest {

  /** Each chunk's text, and its members' texts after a "|" when it is split. */
  private static List<String> cut(String text) {
    return Units.of(text).stream().map(c -> {
      String whole = text.substring(c.whole().start(), c.whole().end());
      if (!c.isSplit()) {
        return whole;
      }
      StringBuilder b = new StringBuilder();
      for (Units.Unit u : c.members()) {
        b.append('|').append(text, u.start(), u.end());
      }
      return b.toString();
    }).toList();
  }

  @Test
  void topLevelStatementsAreUnitsWithTheirDecoratorsAndContinuations() {
    String text = "# header\nimport os\n@dec\n@dec2(1,\n  2)\ndef f():\n    pass\n"
        + "if x:\n    a = 1\nelif y:\n    pass\nelse:\n    b = 2\n"
        + "try:\n    pass\nexcept E:\n    pass\nfinally:\n    pass\nelse_ = 3\n";
    assertEquals(List.of("# header\nimport os\n", "@dec\n@dec2(1,\n  2)\ndef f():\n    pass\n",
        "if x:\n    a = 1\nelif y:\n    pass\nelse:\n    b = 2\n",
        "try:\n    pass\nexcept E:\n    pass\nfinally:\n    pass\n", "else_ = 3\n"), cut(text));
  }

  @Test
  void stringsBracketsAndJoinedLinesHideWhatLooksLikeAStatement() {
    String text = "x = '''\ndef not_code():\n'''\ny = (1,\n2)\nz = 1 + \\\n2\n"
        + "s = 'it''s # no comment' # comment ( \nw = \"a\\\"\"\n";
    assertEquals(List.of("x = '''\ndef not_code():\n'''\n", "y = (1,\n2)\n", "z = 1 + \\\n2\n",
        "s = 'it''s # no comment' # comment ( \n", "w = \"a\\\"\"\n"), cut(text));
  }

  @Test
  void aClassIsCutIntoItsHeaderWithTheFirstMemberThenOneUnitPerMember() {
    String text = "@register\nclass A(B):\n    \"\"\"Doc.\"\"\"\n\n    x = 1\n\n"
        + "    @property\n    def p(self):\n        return 1\n\n"
        + "    if PY2:\n        def q(self): pass\n    else:\n        def q(self): pass\n";
    assertEquals(List.of("|@register\nclass A(B):\n    \"\"\"Doc.\"\"\"\n\n|    x = 1\n\n"
        + "|    @property\n    def p(self):\n        return 1\n\n"
        + "|    if PY2:\n        def q(self): pass\n    else:\n        def q(self): pass\n"), cut(text));
  }

  @Test
  void aClassWithOneMemberOrMixedIndentationStaysWhole() {
    assertEquals(List.of("class A:\n    x = 1\n"), cut("class A:\n    x = 1\n"));
    assertEquals(List.of("class A:\n    x = 1\n\ty = 2\n"), cut("class A:\n    x = 1\n\ty = 2\n"));
    assertEquals(List.of("class A: pass\n", "y = 1\n"), cut("class A: pass\ny = 1\n"));
  }

  @Test
  void logicalLinesKnowTheirLineNumbersAcrossStringsAndJoins() {
    List<Units.Start> starts = Units.logicalLines("a = '''\n\n'''\nb = \\\n 1\n  # c\n\nd = 1\n");
    assertEquals(List.of(new Units.Start(0, 1, 0), new Units.Start(13, 4, 0),
        new Units.Start(29, 8, 0)), starts);
  }
}
