package dev.novatrace.trace;

import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Param;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Follows an RPC message ({@link CallSite.Rpc}) to the manager method that serves it: its steps
 * are traced in the server's participant, with what the message carries by name.
 */
final class RpcSteps {
  private final Tracer tracer;

  RpcSteps(Tracer tracer) {
    this.tracer = tracer;
  }

  /**
   * An RPC message to the manager that serves it, whose method is traced in the server's
   * participant; a verb chosen at run time ({@code cctxt.cast if do_cast else cctxt.call}) is a
   * choice between the candidates.
   */
  void rpc(CallSite.Rpc r, Expr.Call c, Frame f, List<Step> out) {
    List<Step> steps = r.handler()
        .map(m -> tracer.traced(m, r.target(), 0, r.manager(), sent(m, c, f),
            rpcBinding(m, f)).steps())
        .orElseGet(() -> List.of(new Step.Note(r.target(), "no method " + r.method() + " in "
            + r.server().managerClass(), f.origin)));
    if (r.verbs().size() == 1) {
      out.add(rpcMessage(r.verbs().get(0).verb(), f, r.target(), r.method(), steps));
      return;
    }
    List<Step.Branch> branches = new ArrayList<>();
    for (CallSite.Verb v : r.verbs()) {
      branches.add(new Step.Branch(v.condition(),
          List.of(rpcMessage(v.verb(), f, r.target(), r.method(), steps))));
    }
    out.add(new Step.Block(Step.BlockKind.CHOICE, branches, f.origin));
  }

  /**
   * The flags an RPC message gives its handler: the client method's literal flags, and the
   * literal keywords of the message itself ({@code cctxt.cast(ctxt, 'get_backup_device', ...,
   * async_call=True)}), each to the manager's parameter of its name.
   */
  private static Map<String, Boolean> sent(FunctionInfo manager, Expr.Call c, Frame f) {
    Map<String, Boolean> flags = new HashMap<>(f.flags);
    for (Arg a : c.args()) {
      if (a.kind() == Arg.Kind.KEYWORD && a.value() instanceof Expr.Constant k
          && (k.kind() == Expr.ConstKind.TRUE || k.kind() == Expr.ConstKind.FALSE)) {
        flags.put(a.keyword(), k.kind() == Expr.ConstKind.TRUE);
      }
    }
    return LiteralFlags.carried(manager, flags);
  }

  /**
   * RPC arguments travel by name: a parameter of the client bound to a literal value ({@code
   * host_list=None}) binds the server method's parameter of that name.
   */
  private static CallBinding rpcBinding(FunctionInfo manager, Frame f) {
    Map<String, String> literals = new HashMap<>();
    for (Param p : manager.ast().params()) {
      String text = LiteralFlags.fixed(f.literals.get(p.name()));
      if (text != null && f.scope.param(p.name()) != null) {
        literals.put(p.name(), text);
      }
    }
    return literals.isEmpty() ? CallBinding.NONE
        : new CallBinding(literals, Map.of(), Map.of(), Map.of());
  }

  private static Step rpcMessage(String verb, Frame f, String target, String method,
      List<Step> steps) {
    return verb.equals("cast") ? new Step.Cast(f.participant, target, method, steps, f.origin)
        : new Step.Invocation(f.participant, target, method, Step.Kind.RPC_CALL, steps, f.origin);
  }
}
