package dev.novatrace.trace;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Expr;
import java.util.List;
import java.util.Optional;

/**
 * What one call in the code is, as {@link CallClassifier} reads it with the profile's rules: the
 * one answer to "how is an RPC cast recognised", "when is a call a message to the database", "when
 * is a helper followed". The tracer acts on it; {@link CallGraph} keeps it as an edge.
 */
public sealed interface CallSite {

  /** A call the profile draws as a note (a policy check, a notification). */
  record Noted(String text) implements CallSite {}

  /**
   * An RPC client's {@code cctxt.cast(ctxt, 'method', ...)} or {@code .call(...)}: a message to
   * {@code target}, served by {@code handler} (empty when the manager has no such method).
   */
  record Rpc(TraceProfile.RpcServer server, String method, String target, List<Verb> verbs,
      Optional<FunctionInfo> handler, ClassInfo manager) implements CallSite {}

  /** An RPC verb a call may go through, and the condition under which it does ("" for else). */
  record Verb(String verb, String condition) {}

  /** {@code obj.update({'vm_state': ...})}: fields set on {@code receiver}, not a call to draw. */
  record FieldUpdate(String receiver, Expr.Dict fields) implements CallSite {}

  /**
   * A flow of tasks run ({@link TaskFlows}): each task's method, in order, and, should one fail,
   * the revert methods of those that define one, the last task first.
   */
  record FlowRun(List<Value.FunctionValue> tasks, List<Value.FunctionValue> reverts)
      implements CallSite {}

  /** A nested def, or a function a caller handed over, called here. */
  record HandedCall(Handed handed) implements CallSite {}

  /** A helper drawn as one message to an endpoint instead of being followed. */
  record Summarised(TraceProfile.Summary summary) implements CallSite {}

  /** A call into an endpoint worth a message (a remotable database method, a client request). */
  record Endpoint(String target, Value.FunctionValue callee) implements CallSite {}

  /**
   * A client module's call on its client library ({@link ClientRequests}): a request to
   * {@code target}, labelled with the client method it calls.
   */
  record Request(String target, String label, Step.Effect effect) implements CallSite {}

  /** A synchronous call into another service, followed there (the virt driver). */
  record Crossing(String target, Value.FunctionValue callee) implements CallSite {}

  /** A function of the caller's own service, followed in place. */
  record Helper(Value.FunctionValue callee, boolean noteWorthy) implements CallSite {}

  /** A call through a dict of functions with literal keys: the entries it may run. */
  record LookedUp(String key, List<DictLookup.Entry> entries) implements CallSite {}

  /**
   * A row of a mapped class writing itself ({@link Rows}: {@code network.update(...)}), labelled
   * {@code subject} ({@code Network.update}).
   */
  record RowWrite(String target, String subject) implements CallSite {}

  /** A call on an object of unknown type the profile knows is a write ({@code x.save()}). */
  record UnknownWrite(String target) implements CallSite {}

  /** A callee the tree cannot tell, and why (for --explain, said by {@link UnresolvedCalls}). */
  record Unresolved(Why why) implements CallSite {
    /** Why: a receiver of unknown type, or one without the attribute; a name, or an expression. */
    enum Why { UNKNOWN_TYPE, NO_ATTRIBUTE, NOT_DEFINED, COMPUTED }
  }

  /**
   * Nothing to draw or follow: a class instantiated, a builtin, an endpoint's call within itself
   * or one that asks its service nothing.
   */
  record Silent() implements CallSite {}

  Silent SILENT = new Silent();
}
