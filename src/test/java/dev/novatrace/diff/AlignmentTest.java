package dev.novatrace.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.diagram.DiagramException;
import dev.novatrace.diagram.write.WsdWriter;
import dev.novatrace.diagram.wsd.WsdReader;
import dev.novatrace.diff.Alignment.OpType;
import dev.novatrace.testing.JsonFields;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlignmentTest {

  static List<FlatStep> steps(String wsd) throws DiagramException {
    return Flattener.flatten(WsdReader.read(wsd, "t.wsd"));
  }

  static final String BEFORE = """
      client->nova_api: pause
      # nova/network/neutronv2/api.py list_ports()
      nova_api->neutron: list_ports
      # nova/compute/api.py pause()
      opt instance.locked
        note over nova_api: check lock
      end
      nova_api->>nova_compute: pause_instance
      nova_api->>nova_compute: refresh_rules
      nova_api-->client: HTTP 202
      """;

  static final String AFTER = """
      client->nova_api: pause
      # nova/network/neutron.py list_ports()
      nova_api->neutron: list_ports
      # nova/compute/api.py pause()
      opt instance.is_locked
        note over nova_api: check lock
      end
      nova_api->>nova_compute: pause_instance
      nova_api->database: task_state = PAUSING
      nova_api-->client: HTTP 202
      """;

  @Test
  void sameMovedChangedAddedRemoved() throws DiagramException {
    ActionDiff d = ActionDiff.of("pause", steps(BEFORE), steps(AFTER));
    List<OpType> types = d.ops().stream().map(Alignment.Op::type).toList();
    assertEquals(List.of(OpType.SAME, OpType.MOVED, OpType.CHANGED, OpType.SAME, OpType.SAME,
        OpType.REMOVED, OpType.ADDED, OpType.SAME), types);
    assertEquals(List.of(new ActionDiff.AnchorMove(
        new Anchor("nova/network/neutronv2/api.py", "list_ports"),
        new Anchor("nova/network/neutron.py", "list_ports"))), d.anchorMoves());
    assertEquals(Set.of("refresh_rules"), d.rpcVanished());
    assertEquals(Set.of(), d.rpcAppeared());
    assertTrue(d.differs());
  }

  @Test
  void identicalTracesDoNotDiffer() throws DiagramException {
    ActionDiff d = ActionDiff.of("pause", steps(AFTER), steps(AFTER));
    assertFalse(d.differs());
    DiffReport r = new DiffReport("a", "b", List.of(d), List.of(), List.of());
    assertFalse(r.differs());
    assertEquals("pause: 7 steps in a, 7 in b; 0 added, 0 removed, 0 changed, 0 anchors moved\n",
        DiffText.write(r, DiffText.Style.TEXT));
  }

  @Test
  void unrelatedTextsAreNotAChange() throws DiagramException {
    ActionDiff d = ActionDiff.of("x", steps("a->b: get_instance\n"),
        steps("a->b: delete_allocation_for_instance_and_more\n"));
    assertEquals(List.of(OpType.REMOVED, OpType.ADDED),
        d.ops().stream().map(Alignment.Op::type).toList());
  }

  @Test
  void diffDiagramMarksAndRoundTrips() throws DiagramException {
    ActionDiff d = ActionDiff.of("pause", steps(BEFORE), steps(AFTER));
    String wsd = WsdWriter.write(DiffDiagram.of(d, "22.0.1", "34.0.0"));
    assertTrue(wsd.contains("nova_api->>nova_compute: [-] refresh_rules"), wsd);
    assertTrue(wsd.contains("nova_api->database: [+] task_state = PAUSING"), wsd);
    assertTrue(wsd.contains("opt [~] instance.is_locked"), wsd);
    assertTrue(wsd.contains("anchor moved: nova/network/neutronv2/api.py list_ports()"), wsd);
    // The diff diagram is a diagram like any other: it reads back.
    WsdReader.read(wsd, "diff.wsd");
  }

  /** A function renamed moves every step it makes: its move is noted once, at the first. */
  @Test
  void anAnchorMoveIsNotedOnce() throws DiagramException {
    String before = """
        client->nova_api: pause
        # nova/compute/manager.py pause_instance()
        nova_api->database: task_state = PAUSING
        nova_api->libvirt: pause
        nova_api->database: vm_state = PAUSED
        """;
    String after = before.replace("pause_instance()", "_do_pause_instance()");
    String wsd = WsdWriter.write(DiffDiagram.of(
        ActionDiff.of("pause", steps(before), steps(after)), "a", "b"));
    assertEquals(1, wsd.split("anchor moved: ", -1).length - 1, wsd);
  }

  @Test
  void reportsAsJsonAndMarkdown() throws DiagramException {
    ActionDiff d = ActionDiff.of("pause", steps(BEFORE), steps(AFTER));
    DiffReport r = new DiffReport("22.0.1", "34.0.0", List.of(d), List.of("old"), List.of());
    var json = JsonFields.read(DiffText.write(r, DiffText.Style.JSON));
    assertEquals(List.of("from", "to", "differs", "actions", "onlyBefore", "onlyAfter"),
        JsonFields.names(json));
    var pause = json.get("actions").get(0);
    assertEquals(List.of("action", "stepsBefore", "stepsAfter", "differs", "added", "removed",
        "changed", "anchorsMoved", "rpcAppeared", "rpcVanished", "insertions", "deletions",
        "hunks"), JsonFields.names(pause));
    assertEquals(JsonFields.read("[\"refresh_rules\"]"), pause.get("rpcVanished"));
    assertEquals(JsonFields.read("[\"old\"]"), json.get("onlyBefore"));
    assertEquals(List.of("before", "after", "words", "copies"),
        JsonFields.names(pause.get("changed").get(0)));
    assertEquals(List.of("step", "anchor", "copies"), JsonFields.names(pause.get("added").get(0)));
    String md = DiffText.write(r, DiffText.Style.MARKDOWN);
    assertTrue(md.startsWith("## novatrace diff: 22.0.1 → 34.0.0"), md);
    assertTrue(md.contains("| pause | 7 | 7 | 1 | 1 | 1 | 1 |"), md);
  }
}
