package dev.novatrace.detail;

import dev.novatrace.trace.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests to other services a part of a diagram makes, said in little space where its own
 * detail is left out (a folded helper, a block nested too deep): the RPC skeleton and state
 * changes in their blocks, and every request, the blocks that hold nothing else opened, and
 * requests in a row to one service one arrow of several lines. Whatever else is folded, a
 * message to another participant is never hidden.
 */
final class Requests {
  /** What a request a test was opened around says of it. */
  static final String IF_NEEDED = " (if needed)";

  private Requests() {}

  static List<Step> said(List<Step> steps) {
    return joined(requestsOpened(Essentials.messages(steps)));
  }

  /**
   * What a driver's internals ask other services to change or hand over, said as briefly: an
   * image downloaded from glance is the action's story, and so is the test next to it (the
   * image is not cached yet); the choices that lead there are the driver's route.
   */
  static List<Step> changes(List<Step> steps, String owner) {
    return joined(opened(Essentials.changes(steps, owner), true, false));
  }

  /**
   * What a call into a client module ({@link DetailRules#isClientCode}) asks of its service, said
   * briefly, anchored where the caller called it ({@code anchor}): its requests in order, each
   * once, without the tests and loops around them, and the records it writes. A request a test
   * or loop was opened around says so ({@code create_port (if needed)}).
   */
  static List<Step> client(List<Step> steps, Step.Origin anchor) {
    List<Step> kept = new ArrayList<>();
    flatten(steps, false, kept);
    List<Step> out = new ArrayList<>();
    java.util.Set<String> said = new java.util.HashSet<>();
    for (Step s : kept) {
      if (!(s instanceof Step.Message m) || said.add(m.to() + "|" + m.label())) {
        out.add(StepTrees.withOrigin(s, anchor));
      }
    }
    return joined(out);
  }

  /**
   * The messages of {@code steps} in order, blocks opened, a request behind a test marked
   * ({@code tested}); calls into services kept whole.
   */
  private static void flatten(List<Step> steps, boolean tested, List<Step> kept) {
    for (Step s : steps) {
      if (s instanceof Step.Block b) {
        // A loop over what may be empty is a test too; one that tries until a try works (a
        // client's retries) runs its body at least once.
        b.branches().forEach(br -> flatten(br.steps(), tested || !retries(b, br), kept));
      } else if (s instanceof Step.Message m) {
        kept.add(tested ? ifNeededOrState(m) : m);
      } else if (s instanceof Step.Invocation || s instanceof Step.Cast) {
        kept.add(s);
      }
    }
  }

  /**
   * Adds {@code steps} to {@code out}, but a request said to be made only if needed that reads
   * as one already there: two tests that each may make the same request (a port's status
   * written by either of two branches of a folded helper) say no more than one.
   */
  static void addNew(List<Step> steps, List<Step> out) {
    for (Step s : steps) {
      // Alike: the same message but for where in the code it is made.
      if (!(s instanceof Step.Message m && m.label().contains(IF_NEEDED) && out.stream()
          .anyMatch(o -> o instanceof Step.Message p
              && p.equals(StepTrees.withOrigin(m, p.origin()))))) {
        out.add(s);
      }
    }
  }

  /** Each request of a label (one per line) marked as made only if needed. */
  private static String ifNeeded(String label) {
    return String.join("\n", label.lines()
        .map(line -> line.endsWith(IF_NEEDED) ? line : line + IF_NEEDED).toList());
  }

  private static boolean retries(Step.Block b, Step.Branch br) {
    return b.kind() == Step.BlockKind.LOOP && br.condition().contains(", until ");
  }

  /**
   * The blocks whose every request already says it is made only if needed opened: a loop over
   * the disks that downloads each image the cache lacks, on a host without shared storage, is
   * one {@code download (if needed)}.
   */
  static List<Step> ifNeeded(List<Step> steps) {
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      if (s instanceof Step.Block b && onlyIfNeeded(b) && StepTrees.oneWay(b)) {
        b.branches().forEach(br -> out.addAll(ifNeeded(br.steps())));
      } else {
        out.add(s.mapChildren(Requests::ifNeeded));
      }
    }
    return joined(out);
  }

  private static boolean onlyIfNeeded(Step.Block b) {
    return StepTrees.inBlocks(List.of(b)).allMatch(s ->
        s instanceof Step.Message m && isRequest(m) && m.label().endsWith(IF_NEEDED));
  }

  /**
   * The blocks that only make requests opened: their conditions are the helper's business, but
   * a request made only when a test holds says so ({@code volumes.delete (if needed)}: only for
   * a volume deleted on termination), never drawn as if always made.
   */
  private static List<Step> requestsOpened(List<Step> steps) {
    return opened(steps, true, false);
  }

  /**
   * With {@code marking}, a request a test was opened around ({@code tested}) says so:
   * {@code download (if needed)}, where the driver downloads an image its cache lacks.
   */
  private static List<Step> opened(List<Step> steps, boolean marking, boolean tested) {
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      Step.Message either = s instanceof Step.Block b && onlyRequests(b) ? either(b) : null;
      if (either != null) {
        out.add(either);
      } else if (s instanceof Step.Block b && onlyRequests(b) && StepTrees.oneWay(b)) {
        boolean test = tested || b.kind() != Step.BlockKind.LOOP && marking;
        b.branches().forEach(br -> addNew(opened(br.steps(), marking, test), out));
      } else if (s instanceof Step.Block b) {
        out.add(b.mapChildren(inner -> joined(opened(inner, marking, tested))));
      } else if (s instanceof Step.Message m && tested && isRequest(m)
          && !ifNeeded(m.label()).equals(m.label())) {
        addNew(List.of(m.withLabel(ifNeeded(m.label()))), out);
      } else {
        out.add(s);
      }
    }
    return out;
  }

  /**
   * A choice between single requests to one service, one arrow ({@code terminate_connection or
   * attachment_delete}: a legacy volume's connection or its attachment), or null.
   */
  private static Step.Message either(Step.Block b) {
    List<Step.Branch> ways = b.branches().stream().filter(br -> !br.steps().isEmpty()).toList();
    if (ways.size() < 2 || b.kind() == Step.BlockKind.LOOP || ways.stream().anyMatch(br ->
        br.steps().size() != 1 || !(br.steps().get(0) instanceof Step.Message))) {
      return null;
    }
    Step.Message first = (Step.Message) ways.get(0).steps().get(0);
    List<String> labels = new ArrayList<>();
    for (Step.Branch br : ways) {
      Step.Message m = (Step.Message) br.steps().get(0);
      if (!m.from().equals(first.from()) || !m.to().equals(first.to())
          || m.label().contains("\n")) {
        return null;
      }
      if (!labels.contains(m.label())) {
        labels.add(m.label());
      }
    }
    return new Step.Message(first.from(), first.to(), String.join(" or ", labels), first.kind(),
        first.effect(), first.origin(), List.of(), "", first.background());
  }

  private static boolean onlyRequests(Step.Block b) {
    return StepTrees.inBlocks(List.of(b)).allMatch(s -> s instanceof Step.Message m
        && isRequest(m));
  }

  private static boolean isRequest(Step.Message m) {
    return m.kind() == Step.Kind.SERVICE && m.fields().isEmpty();
  }

  /**
   * A request, or a record written, that runs only behind a test, said so: drawn bare, it reads
   * as always made (a provisioning block the driver adds only for a port it binds). Other
   * messages as they are.
   */
  static Step.Message ifNeeded(Step.Message m) {
    return (isRequest(m) || isWrite(m)) && !ifNeeded(m.label()).equals(m.label())
        ? m.withLabel(ifNeeded(m.label())) : m;
  }

  /**
   * As {@link #ifNeeded(Step.Message)}, and a record's state written only when a test holds
   * says so too, where a subscriber's or a folded helper's tests are opened.
   */
  static Step.Message ifNeededOrState(Step.Message m) {
    if (isStateWrite(m)) {
      // FloatingIP.update_object: status = ACTIVE, written only when a test holds: the record
      // says so, its fields as they are.
      int colon = m.label().indexOf(": ");
      String subject = m.label().substring(0, colon);
      return subject.endsWith(IF_NEEDED) ? m
          : m.withLabel(subject + IF_NEEDED + m.label().substring(colon));
    }
    return ifNeeded(m);
  }

  /** A database write that lists the fields it writes after its subject. */
  private static boolean isStateWrite(Step.Message m) {
    return m.kind() == Step.Kind.DATABASE && m.effect() != Step.Effect.READ
        && !m.fields().isEmpty() && m.label().lines().findFirst().orElse("").indexOf(": ") > 0;
  }

  /** A database write that names no fields ({@code ProvisioningBlock.create}). */
  private static boolean isWrite(Step.Message m) {
    return m.kind() == Step.Kind.DATABASE && m.effect() != Step.Effect.READ
        && m.fields().isEmpty();
  }

  /** Requests in a row from one participant to the same service, one arrow of several lines. */
  private static List<Step> joined(List<Step> steps) {
    List<Step> out = new ArrayList<>();
    for (Step s : steps) {
      int last = out.size() - 1;
      if (s instanceof Step.Message m && isRequest(m) && last >= 0
          && out.get(last) instanceof Step.Message prev && isRequest(prev)
          && prev.from().equals(m.from()) && prev.to().equals(m.to())
          && prev.background() == m.background()) {
        List<String> lines = new ArrayList<>(prev.label().lines().toList());
        m.label().lines().filter(line -> !lines.contains(line)).forEach(lines::add);
        Step.Effect effect = prev.effect() == Step.Effect.READ ? m.effect() : prev.effect();
        out.set(last, new Step.Message(prev.from(), prev.to(), String.join("\n", lines),
            prev.kind(), effect, prev.origin(), List.of(), "", prev.background()));
      } else {
        out.add(s);
      }
    }
    return out;
  }
}
