package dev.novatrace.detail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.diagram.write.WsdWriter;
import dev.novatrace.sequence.SequenceBuilder;
import dev.novatrace.trace.Step;
import dev.novatrace.trace.Trace;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The detail policies on raw traces built here: what each level keeps, folds and merges, read
 * as the .wsd the policy's output lays out to.
 */
class DetailPolicyTest {
  private static final Step.Origin ENTRY = origin("nova/api/servers.py", "action");
  private static final Step.Origin API = origin("nova/compute/api.py", "stop");
  private static final Step.Origin HELPER = origin("nova/compute/api.py", "_helper");
  private static final Step.Origin RT = origin("nova/compute/resource_tracker.py", "claim");
  private static final Step.Origin CPU = origin("nova/compute/manager.py", "stop_instance");

  /** Folds the resource tracker; get_* calls are queries. */
  private static final DetailRules RULES = new DetailRules() {
    @Override
    public Optional<String> foldedAs(Step.Origin callee) {
      return callee.path().contains("resource_tracker")
          ? Optional.of("resource tracker: " + callee.function()) : Optional.empty();
    }

    @Override
    public boolean isQuery(String label) {
      return label.startsWith("get_");
    }
  };

  private static Step.Origin origin(String path, String function) {
    return new Step.Origin(path, 1, function);
  }

  private static Step.Message db(String from, String label, Step.Effect effect,
      Step.Origin origin) {
    return new Step.Message(from, "database", label, Step.Kind.DATABASE, effect, origin,
        List.of());
  }

  private static Step.Message db(String label, Step.Effect effect, Step.Origin origin) {
    return db("nova_api", label, effect, origin);
  }

  private static Step.Note note(String text, Step.Origin origin) {
    return new Step.Note("nova_api", text, origin);
  }

  private static Step.Local local(Step.Origin caller, Step.Origin callee, Step... steps) {
    return new Step.Local("nova_api", callee, true, List.of(steps), caller);
  }

  private static Step.Cast cast(String method, Step.Origin origin, Step... receiver) {
    return new Step.Cast("nova_api", "nova_compute", method, List.of(receiver), origin);
  }

  private static Step.Block choice(String condition, Step.Origin origin, Step... steps) {
    return new Step.Block(Step.BlockKind.CHOICE,
        List.of(new Step.Branch(condition, List.of(steps))), origin);
  }

  private static String wsd(Detail detail, Step... raw) {
    return wsd(detail, 3, raw);
  }

  private static String wsd(Detail detail, int depth, Step... raw) {
    Trace t = new Trace("nova", "stop", "client", "nova_api", "os-stop", "HTTP 202", ENTRY,
        List.of(raw));
    Trace shaped = DetailPolicy.of(detail, depth, RULES).shape(t);
    String text = WsdWriter.write(new SequenceBuilder(List.of(), s -> s,
        detail != Detail.FULL).build(shaped));
    String start = "activate nova_api\n# nova/api/servers.py:1 action()\n";
    return text.substring(text.indexOf(start) + start.length());
  }

  /** The API's part of a layout, up to its answer. */
  private static String api(String wsd) {
    return wsd.substring(0, wsd.indexOf("nova_api-->client"));
  }

  @Test
  void fullInlinesHelpersAndPastTheDepthKeepsOnlyWhatCrossesOrChangesState() {
    Step[] raw = {
        local(ENTRY, API,
            note("check instance lock", API),
            local(API, HELPER,
                note("deep note", HELPER),
                db("Instance.get_by_uuid", Step.Effect.READ, HELPER),
                db("task_state = POWERING_OFF", Step.Effect.STATE, HELPER)),
            cast("stop_instance", API))};
    assertEquals("""
        # nova/compute/api.py:1 stop()
        note over nova_api: check instance lock
        # nova/compute/api.py:1 _helper()
        nova_api->database: task_state = POWERING_OFF
        # nova/compute/api.py:1 stop()
        nova_api->>nova_compute: stop_instance
        """, api(wsd(Detail.FULL, 1, raw)));
  }

  @Test
  void standardKeepsTheControllersLookupButNoOtherRead() {
    String wsd = api(wsd(Detail.STANDARD,
        db("get instance by uuid", Step.Effect.READ, ENTRY),
        local(ENTRY, API, db("BlockDeviceMappingList.get_by_instance_uuid", Step.Effect.READ, API),
            db("task_state = POWERING_OFF", Step.Effect.STATE, API))));
    assertTrue(wsd.contains("nova_api->database: get instance by uuid\n"), wsd);
    assertFalse(wsd.contains("BlockDeviceMappingList"), wsd);
    assertTrue(wsd.contains("nova_api->database: task_state = POWERING_OFF\n"), wsd);
  }

  @Test
  void standardFoldsAHelperTheRulesNameButKeepsItsStateChanges() {
    String wsd = api(wsd(Detail.STANDARD, local(ENTRY, API,
        local(API, RT, db("ComputeNode.save", Step.Effect.WRITE, RT),
            db("status = 'claimed'", Step.Effect.STATE, RT)))));
    assertEquals("""
        # nova/compute/api.py:1 stop()
        note over nova_api: resource tracker: claim
        # nova/compute/resource_tracker.py:1 claim()
        nova_api->database: status = 'claimed'
        """, wsd);
  }

  @Test
  void standardDrawsTheSameHelperDoingTheSameAgainAsOneNote() {
    Step.Local twice = local(API, HELPER, note("a", HELPER),
        db("x = 1", Step.Effect.WRITE, HELPER), db("y = 2", Step.Effect.WRITE, HELPER));
    String wsd = api(wsd(Detail.STANDARD, local(ENTRY, API, twice, twice)));
    assertEquals(1, wsd.split("x = 1", -1).length - 1, wsd);
    assertTrue(wsd.contains("note over nova_api: helper (as above)\n"), wsd);
  }

  @Test
  void standardMergesRepeatsAndNotesInARow() {
    String wsd = api(wsd(Detail.STANDARD, local(ENTRY, API, note("check instance lock", API),
        note("check instance host", API), db("Instance.save", Step.Effect.WRITE, API),
        db("Instance.save", Step.Effect.WRITE, API), db("Instance.save", Step.Effect.WRITE, API))));
    assertEquals("""
        # nova/compute/api.py:1 stop()
        note over nova_api: check instance lock\\ncheck instance host
        nova_api->database: Instance.save (×3)
        """, wsd);
  }

  @Test
  void standardDropsAServicesBranchOfOwnBookkeepingButNotTheApisNorOneThatWrites() {
    String wsd = wsd(Detail.STANDARD,
        choice("host", ENTRY, note("check policy: migrate_live:host", ENTRY)),
        cast("stop_instance", API,
            choice("quiet", CPU, new Step.Note("nova_compute", "tidy up", CPU)),
            choice("write", CPU,
                db("nova_compute", "vm_state = STOPPED", Step.Effect.STATE, CPU))));
    assertTrue(wsd.contains("opt host\n"), wsd);
    assertFalse(wsd.contains("quiet"), wsd);
    assertTrue(wsd.contains("opt write\n"), wsd);
  }

  @Test
  void overviewIsTheRpcSkeletonOfStandard() {
    Step[] raw = {
        db("get instance by uuid", Step.Effect.READ, ENTRY),
        local(ENTRY, API, note("check instance lock", API),
            db("task_state = POWERING_OFF", Step.Effect.STATE, API),
            new Step.Message("nova_api", "neutron", "show_port", Step.Kind.SERVICE,
                Step.Effect.READ, API, List.of()),
            cast("stop_instance", API))};
    String overview = api(wsd(Detail.OVERVIEW, raw));
    assertEquals("""
        # nova/compute/api.py:1 stop()
        nova_api->database: task_state = POWERING_OFF
        nova_api->>nova_compute: stop_instance
        """, overview);
    String standard = api(wsd(Detail.STANDARD, raw));
    for (String line : overview.lines().toList()) {
      assertTrue(standard.contains(line), line + " missing at standard:\n" + standard);
    }
  }

  @Test
  void blocksNestedPastTwoLevelsKeepOnlyTheirSkeleton() {
    Step.Block third = choice("c", API, db("attachment_id = x", Step.Effect.WRITE, API),
        db("status = 'attached'", Step.Effect.STATE, API));
    String wsd = api(wsd(Detail.STANDARD, local(ENTRY, API,
        choice("a", API, choice("b", API, third)))));
    assertFalse(wsd.contains("attachment_id"), wsd);
    assertTrue(wsd.contains("status = 'attached'"), wsd);
  }

  /** The nesting that stays (an opt around a loop that filters) reads as one block. */
  @Test
  void nestedSingleBlocksAreOneBlock() {
    Step.Block inner = choice("bdm.is_volume", API,
        db("status = 'attached'", Step.Effect.STATE, API));
    Step.Block loop = new Step.Block(Step.BlockKind.LOOP,
        List.of(new Step.Branch("for bdm in bdms", List.of(inner))), API);
    String wsd = api(wsd(Detail.STANDARD, local(ENTRY, API, choice("bdms", API, loop))));
    assertEquals("""
        # nova/compute/api.py:1 stop()
        loop for bdm in bdms if bdm.is_volume
          nova_api->database: status = 'attached'
        end
        """, wsd);
  }

  @Test
  void blocksWhoseMergedConditionWouldBeCutStayApart() {
    Step.Block inner = choice("share_mapping.status == fsm.ATTACHING", API,
        db("vm_state = ERROR", Step.Effect.STATE, API));
    Step.Block loop = new Step.Block(Step.BlockKind.LOOP, List.of(new Step.Branch(
        "for share_mapping in objects.ShareMappingList.get_by_instance", List.of(inner))), API);
    String wsd = api(wsd(Detail.STANDARD, local(ENTRY, API, loop)));
    assertEquals("""
        # nova/compute/api.py:1 stop()
        loop for share_mapping in objects.ShareMappingList.get_by_instance
          opt share_mapping.status == fsm.ATTACHING
            nova_api->database: vm_state = ERROR
          end
        end
        """, wsd);
  }

  @Test
  void aCastWhoseReceiverOnlySaysWhatTheMessageSaysHasNoReceiverAtStandard() {
    Step.Note restates = new Step.Note("nova_compute", "update instance info", CPU);
    Step.Note more = new Step.Note("nova_compute", "record task start", CPU);
    String standard = wsd(Detail.STANDARD, cast("update_instance_info", API, restates),
        cast("stop_instance", API, more));
    assertFalse(standard.contains("note over nova_compute: update instance info"), standard);
    assertTrue(standard.contains("note over nova_compute: record task start"), standard);
    assertTrue(wsd(Detail.FULL, cast("update_instance_info", API, restates))
        .contains("note over nova_compute: update instance info"));
  }
}
