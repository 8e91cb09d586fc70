package dev.novatrace.trace;

import java.util.List;

/**
 * One step of a trace, as a tree: synchronous invocations hold the callee's steps, casts hold the
 * receiver's steps (drawn after the sender's activation ends), blocks hold their branches.
 * {@code origin} is the code a step comes from, for the diagram's comment anchors.
 */
public sealed interface Step {

  Origin origin();

  /** A message to a participant that is not followed further (database, external service). */
  record Message(String from, String to, String label, Kind kind, Origin origin) implements Step {}

  /** A note over the participant that does it (policy check, notification, helper). */
  record Note(String participant, String text, Origin origin) implements Step {}

  /** {@code opt}/{@code alt}/{@code loop}: branches in order, each with its condition text. */
  record Block(BlockKind kind, List<Branch> branches, Origin origin) implements Step {}

  /**
   * A synchronous call into another participant (an RPC call, the virt driver): the message,
   * the callee's steps, and the reply.
   */
  record Invocation(String from, String to, String label, Kind kind, List<Step> steps,
      Origin origin) implements Step {}

  /** An asynchronous RPC cast: the message now, the receiver's steps once the sender is done. */
  record Cast(String from, String to, String label, List<Step> steps, Origin origin)
      implements Step {}

  record Branch(String condition, List<Step> steps) {}

  /** Where in the code a step comes from: a path relative to the tree root and a function name. */
  record Origin(String path, String function) {}

  enum Kind { RPC_CALL, DRIVER, DATABASE, SERVICE }

  enum BlockKind { OPT, ALT, LOOP }
}
