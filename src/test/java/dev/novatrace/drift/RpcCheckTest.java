package dev.novatrace.drift;

import dev.novatrace.diff.Flattener;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novatrace.diagram.Diagram;
import dev.novatrace.diagram.Renaming;
import dev.novatrace.diagram.seqdiag.SeqdiagReader;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.nova.NovaProfile;
import dev.novatrace.nova.NovaRoles;
import dev.novatrace.nova.VirtDriver;
import dev.novatrace.python.SourceParser;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.RpcRoutes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Messages drawn between services, as Nova's documentation draws them, against a small tree of
 * our own in which the conductor, not the API, asks the compute host to reserve a device name,
 * and the API casts attach_volume.
 */
class RpcCheckTest {

  static final Map<String, String> TREE = Map.of(
      "nova/compute/rpcapi.py", """
          class ComputeAPI(object):
              def reserve_block_device_name(self, ctxt, instance, device):
                  cctxt = self.router.client(ctxt).prepare(server=instance.host)
                  return cctxt.call(ctxt, 'reserve_block_device_name', instance=instance)
              def attach_volume(self, ctxt, instance, bdm):
                  cctxt = self.router.client(ctxt).prepare(server=instance.host)
                  cctxt.cast(ctxt, 'attach_volume', instance=instance, bdm=bdm)
              def terminate_instance(self, ctxt, instance, delete_type):
                  method = cctxt.cast if delete_type else cctxt.call
                  method(ctxt, 'terminate_instance', instance=instance)
          """,
      "nova/compute/manager.py", """
          class ComputeManager(object):
              def reserve_block_device_name(self, context, instance, device):
                  pass
              def attach_volume(self, context, instance, bdm):
                  pass
              def terminate_instance(self, context, instance):
                  pass
          """,
      "nova/conductor/rpcapi.py", """
          from nova.compute import rpcapi as compute_rpcapi
          class ComputeTaskAPI(object):
              def reserve_block_device_name(self, ctxt, instance, device):
                  cctxt = self.client.prepare()
                  return cctxt.call(ctxt, 'reserve_block_device_name', instance=instance)
          """,
      "nova/conductor/manager.py", """
          from nova.compute import rpcapi as compute_rpcapi
          class ComputeTaskManager(object):
              def __init__(self):
                  self.compute_rpcapi = compute_rpcapi.ComputeAPI()
              def reserve_block_device_name(self, context, instance, device):
                  return self.compute_rpcapi.reserve_block_device_name(context, instance, device)
          """,
      "nova/compute/api.py", """
          from nova.compute import rpcapi as compute_rpcapi
          from nova.conductor import rpcapi as conductor_rpcapi
          class API(object):
              def __init__(self):
                  self.compute_rpcapi = compute_rpcapi.ComputeAPI()
                  self.compute_task_api = conductor_rpcapi.ComputeTaskAPI()
              def attach_volume(self, context, instance, bdm):
                  self.compute_task_api.reserve_block_device_name(context, instance, None)
                  self.compute_rpcapi.attach_volume(context, instance, bdm)
              def delete(self, context, instance):
                  self.compute_rpcapi.terminate_instance(context, instance, True)
          """);

  static RpcCheck rpcCheck(CodeIndex index) {
    NovaProfile profile = new NovaProfile(VirtDriver.find(index, VirtDriver.DEFAULT));
    return new RpcCheck(index, () -> RpcRoutes.of(new Resolver(index, profile), profile), "test");
  }

  private static List<String> check(String seqdiag) throws Exception {
    CodeIndex index = CodeIndex.build(TREE.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> SourceParser.parseString(e.getKey(), e.getValue()).module()).toList());
    Diagram d = Renaming.apply(SeqdiagReader.read(seqdiag, "d.dia").diagram(),
        p -> NovaRoles.participant(p.name(), p.label()).orElse(p.name()));
    return rpcCheck(index).check("d.dia", Flattener.flatten(d)).stream()
        .map(f -> f.line() + " " + f.kind().label + ": " + f.message() + " -> " + f.suggestion()).toList();
  }

  @Test
  void routesAsTheCodeSendsThemAreClean() throws Exception {
    assertEquals(List.of(), check("""
        seqdiag {
          API; Conductor; Compute [label = "nova-compute"];
          API => Conductor [label = "RPC call reserve_block_device_name"];
          Conductor => Compute [label = "call", note = "reserve_block_device_name"];
          API ->> Compute [label = "cast", note = "attach_volume"];
          API ->> Compute [label = "cast (or call if deleting)", note = "delete/terminate_instance"];
        }
        """));
  }

  @Test
  void aMessageFromTheWrongServiceIsAWrongRoute() throws Exception {
    assertEquals(List.of("3 wrong-route: reserve_block_device_name reaches nova_compute from"
        + " nova_conductor in test, not from nova_api -> draw it from nova_conductor (sent at"
        + " nova/conductor/manager.py:6)"), check("""
        seqdiag {
          nova-api; nova-compute;
          nova-api -> nova-compute [label = "RPC call reserve_block_device_name"];
        }
        """));
  }

  @Test
  void aVerbTheCodeDoesNotUseIsAWrongKind() throws Exception {
    assertEquals(List.of("3 wrong-kind: attach_volume is sent as cast in test, the diagram says"
        + " call -> write cast"), check("""
        seqdiag {
          API; Compute;
          API => Compute [label = "call", note = "attach_volume"];
        }
        """));
  }

  @Test
  void aLooselyNamedMethodIsUnknownWithTheRealOneSuggested() throws Exception {
    assertEquals(List.of("3 unknown-rpc: attach_volumes is not an RPC method of nova_compute_src"
        + " (ComputeManager, ComputeAPI) -> attach_volume"), check("""
        seqdiag {
          API; Source;
          API ->> Source [label = "cast", note = "attach_volumes"];
        }
        """));
  }

  @Test
  void proseNotesAndLabelsNameNoMethod() throws Exception {
    assertEquals(List.of(), check("""
        seqdiag {
          API; Conductor;
          API ->> Conductor [label = "cast", note = "the instance's task_state is checked first"];
          API ->> Conductor [label = "hands over to the conductor"];
        }
        """));
  }
}
