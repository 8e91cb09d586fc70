package dev.novatrace.detail;

import dev.novatrace.trace.Step;
import java.util.Optional;

/**
 * What a project knows about summarising its code at standard detail: which helpers a person
 * draws as one note (a resource tracker's internals, a rollback), and which calls only read.
 * A profile implements it, so the detail policies know no project names.
 */
public interface DetailRules {

  /** The note that stands for a whole helper at standard detail, or empty to show it. */
  Optional<String> foldedAs(Step.Origin callee);

  /**
   * Whether a helper is a service's bookkeeping of its own work (recording a task's start, a
   * predicate read for a log line): drawn at standard detail only for what it changes or sends.
   */
  default boolean isBookkeeping(Step.Origin callee) {
    return false;
  }

  /**
   * Whether a folded helper is the way an action fails (a rollback, an error state): its note
   * keeps only the RPC skeleton at standard detail, as a failure block is left out there.
   */
  default boolean isErrorPath(Step.Origin callee) {
    return false;
  }

  /**
   * Whether a helper is a client module's code (Nova's {@code network/neutron.py}): it runs in
   * its caller and talks to another service through a client library. Standard detail says a
   * call into it as the requests it makes ({@link Requests#client}).
   */
  default boolean isClientCode(Step.Origin callee) {
    return false;
  }

  /**
   * Whether a call into client code is anchored at the function called rather than where it is
   * called: where the call site says nothing of what runs (a manager's loop calling each
   * configured driver's method by name).
   */
  default boolean anchorsAtCallee(Step.Origin callee) {
    return false;
  }

  /**
   * Whether reads of {@code participant} are answered in the caller's process, from a replica
   * it keeps (ovsdbapp's IDL of OVN's northbound database): at standard detail such a read is
   * no message.
   */
  default boolean readsLocally(String participant) {
    return false;
  }

  /**
   * Whether reads in the entry's own file are drawn at standard detail for {@code request}
   * ({@code GET /v2.0/ports}): a REST controller's lookup of what the request names ({@code
   * Instance.get_by_uuid}). Where the entry is the database layer itself (Neutron's plugin
   * methods), its reads are the story of a request that reads, and its own business in one
   * that writes.
   */
  default boolean drawsEntryReads(String request) {
    return true;
  }

  /**
   * Whether a note is kept at standard detail however deep it is said: one that stands for a
   * whole route another diagram draws ({@code update port (as ports-update)}).
   */
  default boolean keepsNote(String text) {
    return false;
  }

  /** Whether a call into another participant only reads ({@code get_available_nodes}). */
  boolean isQuery(String label);

  /**
   * Whether a function is a callback a framework runs for an event (an event bus's
   * subscriber): folded at standard detail, it keeps every message it sends, its own tests
   * opened.
   */
  default boolean isCallback(Step.Origin callee) {
    return false;
  }

  DetailRules NONE = new DetailRules() {
    @Override
    public Optional<String> foldedAs(Step.Origin callee) {
      return Optional.empty();
    }

    @Override
    public boolean isQuery(String label) {
      return false;
    }
  };
}
