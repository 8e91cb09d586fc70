package dev.novatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.testing.MiniNova;
import dev.novatrace.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The classifier on calls of the fixture tree, one rule each, read as a caller would make them:
 * with no flags bound, and with the flags a caller binds.
 */
class CallClassifierTest {
  private final Workspace ws = MiniNova.workspace();
  private final CallClassifier classifier = new CallClassifier(ws.resolver(), ws.profile());

  @Test
  void anRpcClientsCastIsAMessageToTheManagerMethod() {
    CallSite.Rpc rpc = assertInstanceOf(CallSite.Rpc.class,
        classify("nova/compute/rpcapi.py", "ComputeAPI.pause_instance", "cctxt.cast",
            "nova_api", Map.of()));
    assertEquals("pause_instance", rpc.method());
    assertEquals("nova_compute_src", rpc.target());
    assertEquals(List.of(new CallSite.Verb("cast", "")), rpc.verbs());
    assertEquals("pause_instance", rpc.handler().orElseThrow().name());
    assertEquals("nova.compute.manager.ComputeManager", rpc.manager().qualifiedName());
  }

  /**
   * A client method a mixin defines casts on the client of the object it runs on: the mixin
   * itself is no RPC client, the class that inherits it is.
   */
  @Test
  void aCastInAMixinsMethodIsTheInheritingClientsMessage() {
    FunctionInfo fn = function("nova/rpc.py", "EventsApiMixin.refresh_instance_events");
    ClassInfo client = function("nova/compute/rpcapi.py", "ComputeAPI.pause_instance").owner();
    Scope asClient = ws.resolver().scopeOf(fn).withSelf(client);
    CallSite.Rpc rpc = assertInstanceOf(CallSite.Rpc.class,
        classify(fn, asClient, "cctxt.cast", "nova_api", Map.of()));
    assertEquals("refresh_instance_events", rpc.method());
    assertEquals("nova.compute.manager.ComputeManager", rpc.manager().qualifiedName());
    // Read on its own, the mixin's method sends nothing anyone serves.
    assertFalse(classify(fn, ws.resolver().scopeOf(fn), "cctxt.cast", "nova_api", Map.of())
        instanceof CallSite.Rpc);
  }

  @Test
  void aVerbChosenByAFlagIsBothUntilACallerBindsTheFlag() {
    CallSite.Rpc open = assertInstanceOf(CallSite.Rpc.class, classify("nova/compute/rpcapi.py",
        "ComputeAPI.stop_instance", "rpc_method", "nova_api", Map.of()));
    assertEquals(List.of(new CallSite.Verb("cast", "do_cast"), new CallSite.Verb("call", "")),
        open.verbs());
    CallSite.Rpc decided = assertInstanceOf(CallSite.Rpc.class,
        classify("nova/compute/rpcapi.py", "ComputeAPI.stop_instance", "rpc_method", "nova_api",
            Map.of("do_cast", false)));
    assertEquals(List.of(new CallSite.Verb("call", "")), decided.verbs());
  }

  @Test
  void aRemotableSaveIsAMessageToTheDatabase() {
    CallSite.Endpoint save = assertInstanceOf(CallSite.Endpoint.class,
        classify("nova/compute/api.py", "API.pause", "instance.save", "nova_api", Map.of()));
    assertEquals("database", save.target());
  }

  @Test
  void theDriverIsAnotherParticipantAndAPolicyCheckANote() {
    CallSite.Crossing driver = assertInstanceOf(CallSite.Crossing.class,
        classify("nova/compute/manager.py", "ComputeManager.pause_instance", "self.driver.pause",
            "nova_compute", Map.of()));
    assertEquals("libvirt", driver.target());
    CallSite.Noted policy = assertInstanceOf(CallSite.Noted.class,
        classify("nova/api/openstack/compute/pause_server.py", "PauseServerController._pause",
            "ctxt.can", "nova_api", Map.of()));
    assertTrue(policy.text().startsWith("check policy: "), policy.text());
  }

  @Test
  void aFunctionOfTheSameServiceIsAHelperOnTheCallersHost() {
    CallSite.Helper helper = assertInstanceOf(CallSite.Helper.class,
        classify("nova/compute/api.py", "API.pause", "self.compute_rpcapi.pause_instance",
            "nova_api", Map.of()));
    assertEquals("pause_instance", helper.callee().function().name());
    // A compute manager helper called on the destination host stays there.
    FunctionInfo power = managerMethod("_get_power_state");
    assertEquals("nova_compute_dest", classifier.placement().of(power, "nova_compute_dest"));
    assertEquals("nova_compute", classifier.placement().of(power, "nova_api"));
  }

  private FunctionInfo managerMethod(String name) {
    return function("nova/compute/manager.py", "ComputeManager." + name);
  }

  /** The first call in {@code function} whose callee reads {@code callee}. */
  private CallSite classify(String path, String function, String callee, String participant,
      Map<String, Boolean> flags) {
    FunctionInfo fn = function(path, function);
    return classify(fn, ws.resolver().scopeOf(fn), callee, participant, flags);
  }

  private CallSite classify(FunctionInfo fn, Scope scope, String callee, String participant,
      Map<String, Boolean> flags) {
    String function = fn.name();
    List<Expr.Call> calls = new ArrayList<>();
    CallSites.inFunction(ws.resolver(), fn, site -> {
      if (fn.module().ast().text(site.call().func().pos()).equals(callee)) {
        calls.add(site.call());
      }
    });
    assertTrue(!calls.isEmpty(), "no call of " + callee + " in " + function);
    Expr.Call c = calls.get(0);
    CallContext cx = new CallContext(fn, scope, participant, flags, Map.of());
    return classifier.classify(c, ws.resolver().valueOf(c.func(), scope), cx, true);
  }

  private FunctionInfo function(String path, String dotted) {
    ModuleInfo m = ws.index().modules().stream().filter(x -> x.path().equals(path)).findFirst()
        .orElseThrow(() -> new AssertionError("no module " + path));
    String[] parts = dotted.split("\\.");
    if (parts.length == 1) {
      return m.functions().get(parts[0]);
    }
    ClassInfo cls = m.classes().get(parts[0]);
    FunctionInfo fn = cls == null ? null : cls.methods().get(parts[1]);
    if (fn == null) {
      throw new AssertionError("no " + dotted + " in " + path);
    }
    return fn;
  }
}
