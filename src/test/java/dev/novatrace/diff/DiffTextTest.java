package dev.novatrace.diff;

import static dev.novatrace.diff.AlignmentTest.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.diagram.DiagramException;
import dev.novatrace.diff.Alignment.OpType;
import dev.novatrace.testing.JsonFields;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The text, stat and Markdown of a diff, on small hand-built traces. */
class DiffTextTest {

  /** {@code n} calls a->b: step_1 ... step_n under one anchor, a line each. */
  private static String calls(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> "a->b: step_" + i + "\n")
        .collect(Collectors.joining());
  }

  private static final String TWENTY = "# nova/x.py f()\n" + calls(1, 20);

  private static ActionDiff diff(String before, String after) throws DiagramException {
    return ActionDiff.of("act", steps(before), steps(after));
  }

  private static String text(ActionDiff d, int context) {
    return DiffText.write(new DiffReport("r1", "r2", List.of(d), List.of(), List.of()),
        DiffText.Style.TEXT, new DiffText.Options(context, false));
  }

  @Test
  void aHunkHasThreeLinesOfContextAndNamesItsAnchor() throws DiagramException {
    ActionDiff d = diff(TWENTY, "# nova/x.py f()\n" + calls(1, 10) + "a->b: new_step\n"
        + calls(11, 20));
    assertEquals("""
        act: 20 steps in r1, 21 in r2; 1 added, 0 removed, 0 changed, 0 anchors moved
        --- r1/act
        +++ r2/act
        @@ -9,6 +9,7 @@ nova/x.py f()
         a->b: step_8
         a->b: step_9
         a->b: step_10
        +a->b: new_step
         a->b: step_11
         a->b: step_12
         a->b: step_13
        """, text(d, 3));
    // -U 0: the change alone; an empty side names the line before it, as git does
    assertTrue(text(d, 0).contains("@@ -11,0 +12 @@ nova/x.py f()\n+a->b: new_step\n"),
        text(d, 0));
  }

  /** Changes at most twice the context apart share a hunk; farther apart, two hunks. */
  @Test
  void nearChangesShareAHunk() throws DiagramException {
    String near = TWENTY.replace("step_5\n", "step_5\na->b: new_one\n")
        .replace("step_11\n", "step_11\na->b: new_two\n");
    assertEquals(1, count(text(diff(TWENTY, near), 3), "\n@@ "));
    assertEquals(2, count(text(diff(TWENTY, near), 2), "\n@@ "));
  }

  /** A function renamed: its comment line removed and added, the steps under it the same. */
  @Test
  void aMovedAnchorIsItsCommentLine() throws DiagramException {
    String text = text(diff(TWENTY, TWENTY.replace("f()", "g()")), 1);
    assertTrue(text.contains("anchor moved: nova/x.py f() -> nova/x.py g()\n"), text);
    assertTrue(text.contains("@@ -1,2 +1,2 @@\n-# nova/x.py f()\n+# nova/x.py g()\n"
        + " a->b: step_1\n"), text);
  }

  @Test
  void whiteSpaceAloneIsNoChange() throws DiagramException {
    String before = "a->b: go\nopt len(bdms)>0\n  note over a: check  it\nend\n";
    String after = "a->b: go\nopt len(bdms) > 0\n  note over a: check it\nend\n";
    ActionDiff d = diff(before, after);
    assertFalse(d.differs(), d.ops().toString());
    assertEquals("act: 3 steps in r1, 3 in r2; 0 added, 0 removed, 0 changed, 0 anchors moved\n",
        text(d, 3));
  }

  @Test
  void aChangedLabelShowsTheWordsThatChanged() throws DiagramException {
    String before = "a->glance: images.create\\nimages.add_location (if needed)\\n{method} (if"
        + " needed)\\nimages.get (if needed)\n";
    String after = "a->glance: images.create\\nimages.add_image_location or add_location (if"
        + " needed)\\nimages.upload (if needed)\\nimages.get (if needed)\n";
    String text = text(diff(before, after), 3);
    assertTrue(text.contains("\n~a->glance: images.create\\n[-images.add_location-]"
        + "{+images.add_image_location or add_location+} (if needed)\\n[-{method}-]"
        + "{+images.upload+} (if needed)\\nimages.get (if needed)\n"), text);
  }

  @Test
  void wordDiffs() {
    assertEquals("a\\n[-b\\n-]c", WordDiff.of("a\\nb\\nc", "a\\nc"));
    assertEquals("a\\nb{+\\nc+}", WordDiff.of("a\\nb", "a\\nb\\nc"));
    assertEquals("reject {+legacy+} vtpm [-instances-]{+live migration+}",
        WordDiff.of("reject vtpm instances", "reject legacy vtpm live migration"));
    assertEquals("note: [-x y\\n-]z", WordDiff.of("note: x y\\nz", "note: z"));
    assertEquals("same words", WordDiff.of("same  words", "same words"));
  }

  /** alt do_cast draws the compute host's steps under the cast and again under the call. */
  @Test
  void aStepInSeveralBranchesCountsOnce() throws DiagramException {
    String before = """
        api->compute: go
        alt do_cast
          api->>compute: work
          compute->db: save
        else
          api->compute: work
          compute->db: save
        end
        """;
    String after = before.replace("compute->db: save\n", "compute->db: save\ncompute->db: more\n");
    ActionDiff d = diff(before, after);
    assertEquals(2, d.of(OpType.ADDED).size());
    assertEquals(1, d.count(OpType.ADDED));
    assertEquals(2, d.distinct(OpType.ADDED).get(0).copies());
    String text = text(d, 3);
    assertTrue(text.startsWith("act: 7 steps in r1, 9 in r2; 1 added,"), text);
    assertEquals(2, count(text, "\n+  compute->db: more"), text);
  }

  /** Two alts on one condition are one decision: the call's work before the reply, the cast's. */
  @Test
  void copiesUnderTwoAltsOnOneConditionCountOnce() throws DiagramException {
    String after = """
        alt do_cast
          api->>cond: work
        else
          api->cond: work
          cond->db: save
        end
        api-->client: 202
        alt do_cast
          cond->db: save
        end
        """;
    ActionDiff d = diff("api-->client: 202\n", after);
    assertEquals(7, d.of(OpType.ADDED).size());
    // two alt headers, the cast, the else, the call, and save once for its two copies
    assertEquals(6, d.count(OpType.ADDED));
  }

  /** One way through the code that runs a step twice runs it twice. */
  @Test
  void aStepRepeatedInOneBranchCountsTwice() throws DiagramException {
    ActionDiff d = diff("a->b: go\n", "a->b: go\nb->db: notify\nb->db: notify\n");
    assertEquals(2, d.count(OpType.ADDED));
  }

  @Test
  void statCountsInsertionsAndDeletions() throws DiagramException {
    ActionDiff one = ActionDiff.of("one", steps(TWENTY), steps(TWENTY
        .replace("step_3\n", "step_3\na->b: new_step\n").replace("a->b: step_7\n", "")));
    ActionDiff two = ActionDiff.of("second", steps("a->b: x_step\n"),
        steps("a->b: x_stepped\n"));
    ActionDiff same = ActionDiff.of("same", steps(TWENTY), steps(TWENTY));
    DiffReport r = new DiffReport("r1", "r2", List.of(one, two, same), List.of(),
        List.of("fresh"));
    assertEquals("""
         one    | 2 +-
         second | 2 +-
         2 of 3 actions changed, 2 insertions(+), 2 deletions(-)
        only in r2: fresh
        """, DiffText.write(r, DiffText.Style.TEXT, new DiffText.Options(3, true)));
    // a bar too long for the line is scaled, as git scales it
    assertEquals("+".repeat(33) + "-".repeat(17), DiffText.bar(100, 50, 150, 50));
    assertEquals("+-", DiffText.bar(1, 1, 150, 50));
  }

  @Test
  void markdownFencesEachActionSoNoLabelBreaksOut() throws DiagramException {
    String hostile = "a->b: ```\\n</code><img src=x onerror=alert(1)>\\n````x\n";
    ActionDiff d = ActionDiff.of("evil", steps("a->b: go\n"), steps("a->b: go\n" + hostile));
    String md = DiffText.write(new DiffReport("r1", "r2", List.of(d), List.of(), List.of()),
        DiffText.Style.MARKDOWN);
    assertTrue(md.contains("\n### evil\n\nevil: 1 steps in r1, 2 in r2; 1 added,"), md);
    // the fence is longer than the longest run of backticks inside
    assertTrue(md.contains("\n`````diff\n--- r1/evil\n+++ r2/evil\n@@ -1 +1,2 @@\n a->b: go\n"
        + "+a->b: ```\\n<\u200b/code><\u200bimg src=x onerror=alert(1)>\\n````x\n`````\n"), md);
    assertFalse(md.contains("<img") || md.contains("</code"), md);
  }

  @Test
  void jsonKeepsItsFieldsAndAddsCopiesAndHunks() throws DiagramException {
    ActionDiff d = diff(TWENTY, TWENTY.replace("step_3\n", "step_3\na->b: new_step\n"));
    var json = JsonFields.read(DiffText.write(
        new DiffReport("r1", "r2", List.of(d), List.of(), List.of()), DiffText.Style.JSON));
    var act = json.get("actions").get(0);
    assertEquals(List.of("action", "stepsBefore", "stepsAfter", "differs", "added", "removed",
        "changed", "anchorsMoved", "rpcAppeared", "rpcVanished", "insertions", "deletions",
        "hunks"), JsonFields.names(act));
    assertEquals(List.of("step", "anchor", "copies"), JsonFields.names(act.get("added").get(0)));
    assertEquals("@@ -2,6 +2,7 @@ nova/x.py f()", act.get("hunks").get(0).get("header").asText());
  }

  private static int count(String s, String part) {
    return s.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }
}
