package dev.novatrace.trace;

import dev.novatrace.sequence.SequenceBuilder;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novatrace.diagram.write.WsdWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Layout of hand-made traces: where receivers of casts run, and under which conditions. */
class SequenceBuilderTest {
  private static final Step.Origin API = new Step.Origin("nova/compute/api.py", 10, "resize");
  private static final Step.Origin COND = new Step.Origin("nova/conductor/manager.py", 20, "m");
  private static final Step.Origin CPU = new Step.Origin("nova/compute/manager.py", 30, "p");

  private static Step.Message save(String from, String label, Step.Origin origin) {
    return new Step.Message(from, "database", label, Step.Kind.DATABASE, Step.Effect.STATE,
        origin, List.of());
  }

  private static String layout(List<Step> steps) {
    Trace t = new Trace("nova", "resize", "client", "nova_api", "resize", "HTTP 202", API, steps);
    return WsdWriter.write(new SequenceBuilder(List.of("client", "nova_api", "nova_conductor",
        "nova_compute", "database"), s -> s, true).build(t));
  }

  @Test
  void aCastSentDuringACallRunsAfterTheApiAnswers() {
    Step.Cast prep = new Step.Cast("nova_conductor", "nova_compute", "prep_resize",
        List.of(save("nova_compute", "task_state = RESIZE_PREP", CPU)), COND);
    Step.Invocation migrate = new Step.Invocation("nova_api", "nova_conductor", "migrate_server",
        Step.Kind.RPC_CALL, List.of(prep), API);
    String wsd = layout(List.of(migrate));
    assertEquals("""
        title resize

        participant client
        participant nova_api
        participant nova_conductor
        participant nova_compute
        participant database

        client->nova_api: resize
        activate nova_api
        # nova/compute/api.py:10 resize()
        nova_api->nova_conductor: migrate_server
        activate nova_conductor
        # nova/conductor/manager.py:20 m()
        nova_conductor->>nova_compute: prep_resize
        nova_conductor-->nova_api: done
        deactivate nova_conductor
        nova_api-->client: HTTP 202
        deactivate nova_api
        activate nova_compute
        # nova/compute/manager.py:30 p()
        nova_compute->database: task_state = RESIZE_PREP
        deactivate nova_compute
        """, wsd);
  }

  @Test
  void receiversOfCastsInDifferentBranchesRunUnderTheirConditions() {
    Step.Cast soft = new Step.Cast("nova_api", "nova_compute", "soft_delete_instance",
        List.of(save("nova_compute", "vm_state = SOFT_DELETED", CPU)), API);
    Step.Cast hard = new Step.Cast("nova_api", "nova_compute", "terminate_instance",
        List.of(save("nova_compute", "vm_state = DELETED", CPU)), API);
    Step.Block choice = new Step.Block(Step.BlockKind.ALT, List.of(
        new Step.Branch("reclaim", List.of(soft)), new Step.Branch("", List.of(hard))), API);
    String wsd = layout(List.of(choice));
    String receivers = wsd.substring(wsd.indexOf("deactivate nova_api\n"));
    assertEquals("""
        deactivate nova_api
        alt reclaim
          # nova/compute/manager.py:30 p()
          nova_compute->database: vm_state = SOFT_DELETED
        else
          # nova/compute/manager.py:30 p()
          nova_compute->database: vm_state = DELETED
        end
        """, receivers);
  }

  @Test
  void theReceiverOfACastSentInAnOptRunsUnderItsCondition() {
    Step.Cast unquiesce = new Step.Cast("nova_api", "nova_compute", "unquiesce_instance",
        List.of(save("nova_compute", "task_state = None", CPU)), API);
    Step.Block opt = new Step.Block(Step.BlockKind.OPT, List.of(
        new Step.Branch("quiesced", List.of(unquiesce))), API);
    // Two branches that send the same cast still leave the case neither runs: under both.
    Step.Block noElse = new Step.Block(Step.BlockKind.ALT, List.of(
        new Step.Branch("a", List.of(unquiesce)), new Step.Branch("b", List.of(unquiesce))),
        API);
    String wsd = layout(List.of(new Step.Block(Step.BlockKind.ALT, List.of(
        new Step.Branch("volume backed", List.of(opt)), new Step.Branch("", List.of(noElse))),
        API)));
    String receivers = wsd.substring(wsd.indexOf("deactivate nova_api\n"));
    assertEquals("""
        deactivate nova_api
        alt volume backed
          opt quiesced
            # nova/compute/manager.py:30 p()
            nova_compute->database: task_state = None
          end
        else
          alt a
            # nova/compute/manager.py:30 p()
            nova_compute->database: task_state = None
          else b
            # nova/compute/manager.py:30 p()
            nova_compute->database: task_state = None
          end
        end
        """, receivers);
  }

  @Test
  void aNegatedConditionReadsPlainly() {
    assertEquals("instance.host", Conditions.negated("not instance.host"));
    assertEquals("not local", Conditions.negated("local"));
    assertEquals("not (a and not b)", Conditions.negated("a and not b"));
    assertEquals("not (not a or b)", Conditions.negated("not a or b"));
    assertEquals("not (x ...)", Conditions.negated("x ..."));
  }
}
