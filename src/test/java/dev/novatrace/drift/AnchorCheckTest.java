package dev.novatrace.drift;

import dev.novatrace.diff.Anchor;
import dev.novatrace.diff.Flattener;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.novatrace.diagram.DiagramException;
import dev.novatrace.diagram.wsd.WsdReader;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.python.SourceParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Anchor and RPC checks on a small synthetic tree, with the suggestions each evidence gives. */
class AnchorCheckTest {

  static final Map<String, String> TREE = Map.of(
      "nova/compute/rpcapi.py", """
          class ComputeAPI(object):
              def pause_instance(self, ctxt, instance):
                  pass
          """,
      "nova/compute/manager.py", """
          class ComputeManager(object):
              def pause_instance(self, context, instance):
                  def do_pause():
                      pass
                  do_pause()
          """,
      "nova/network/neutron.py", """
          class API(object):
              def list_ports(self, context):
                  pass
              def show_port(self, context, port_id):
                  pass
          """,
      "nova/compute/utils.py", """
          def check_attach_and_reserve_volume(context, volume):
              pass
          """,
      "nova/api/openstack/compute/migrate_server.py", """
          class MigrateServerController(object):
              @wsgi.action('os-migrateLive')
              def _migrate_live_v2(self, req, id, body):
                  pass
          """);

  static CodeIndex index() {
    return CodeIndex.build(TREE.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> SourceParser.parseString(e.getKey(), e.getValue()).module()).toList());
  }

  static List<Finding> check(String wsd) throws DiagramException {
    CodeIndex index = index();
    AnchorCheck check = new AnchorCheck(index, new Definitions(index), "test");
    var d = WsdReader.read(wsd, "d.wsd");
    List<Finding> out = new java.util.ArrayList<>(check.check("d.wsd",
        DriftChecker.placedAnchors(d.elements())));
    out.addAll(RpcCheckTest.rpcCheck(index).check("d.wsd", Flattener.flatten(d)));
    out.sort(null);
    return out;
  }

  static String line(Finding f) {
    return f.line() + " " + f.kind().label + " " + f.path() + " " + f.function() + " -> "
        + f.suggestion();
  }

  /** A moved function is looked for under its other names: underscore taken away, or added. */
  @Test
  void aFunctionMayMoveWithOrWithoutItsUnderscore() {
    assertEquals(List.of("_check_volume", "check_volume"), AnchorCheck.variants("_check_volume"));
    assertEquals(List.of("check_volume", "_check_volume"), AnchorCheck.variants("check_volume"));
  }

  @Test
  void everyAnchorStyleThatResolvesIsClean() throws DiagramException {
    assertEquals(List.of(), check("""
        # nova/compute/manager.py ComputeManager.pause_instance()
        ## nova/compute/rpcapi.py
        #nova/compute/manager.py do_pause
        # nova/compute/manager.py pause_instance()
        a->b: x
        """));
  }

  @Test
  void anchorsWithLinesResolveAndAStaleLineIsNoFinding() throws DiagramException {
    // pause_instance is defined on line 2; line 1 and line 900 are stale but name it all the same.
    assertEquals(List.of(), check("""
        # nova/compute/manager.py:2 ComputeManager.pause_instance()
        # nova/compute/manager.py:1 pause_instance()
        # nova/compute/rpcapi.py:900 pause_instance()
        a->b: x
        """));
    assertEquals(List.of("1 missing-function nova/compute/manager.py pause_instanse ->"
        + " nova/compute/manager.py pause_instance()"), check("""
        # nova/compute/manager.py:2 pause_instanse()
        """).stream().map(AnchorCheckTest::line).toList());
  }

  @Test
  void missingFilesAndFunctionsWithSuggestions() throws DiagramException {
    List<String> found = check("""
        # nova/compute.rpcapi.py pause_instance()
        # nova/network/neutronv2/api.py list_ports()
        # nova/network/neutronv2/api.py show_port()
        # nova/api/openstack/compute/migrate_server.py _migrate_live()
        # nova/compute/api.py pause()
        # nova/compute/manager.py _check_attach_and_reserve_volume()
        # nova/compute/manager.py pause_instanse()
        # nova/nowhere/at_all.py f()
        """).stream().map(AnchorCheckTest::line).toList();
    assertEquals(List.of(
        "1 missing-file nova/compute.rpcapi.py pause_instance -> nova/compute/rpcapi.py",
        "2 missing-file nova/network/neutronv2/api.py list_ports -> nova/network/neutron.py",
        "3 missing-file nova/network/neutronv2/api.py show_port -> nova/network/neutron.py",
        "4 missing-function nova/api/openstack/compute/migrate_server.py _migrate_live ->"
            + " nova/api/openstack/compute/migrate_server.py _migrate_live_v2() (it now carries"
            + " @wsgi.action('os-migrateLive'))",
        "5 missing-file nova/compute/api.py pause -> ",
        "6 missing-function nova/compute/manager.py _check_attach_and_reserve_volume ->"
            + " nova/compute/utils.py check_attach_and_reserve_volume()",
        "7 missing-function nova/compute/manager.py pause_instanse ->"
            + " nova/compute/manager.py pause_instance()",
        "8 missing-file nova/nowhere/at_all.py f -> "), found);
  }

  @Test
  void rpcMethodsAreCheckedAndProseIsNot() throws DiagramException {
    List<String> found = check("""
        nova_api->>nova_compute: pause_instances
        nova_api->nova_compute_dest: pause_instance(instance)
        nova_api->>nova_compute: done
        nova_compute-->nova_api: not_a_method
        nova_compute->nova_api: some_reply
        nova_api->nova_compute: please pause it
        """).stream().map(AnchorCheckTest::line).toList();
    assertEquals(List.of("1 unknown-rpc   -> pause_instance"), found);
  }
}
