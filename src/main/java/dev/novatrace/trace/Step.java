package dev.novatrace.trace;

import dev.novatrace.index.FunctionInfo;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One step of a trace, as a tree: synchronous invocations hold the callee's steps, casts hold the
 * receiver's steps (drawn after the sender's activation ends), blocks hold their branches.
 * {@code origin} is the code a step comes from, for the diagram's comment anchors.
 *
 * <p>The tracer makes a raw tree: every helper it follows inside one participant is a
 * {@link Local}, and branches are {@link BlockKind#CHOICE}/{@link BlockKind#GUARD} blocks exactly
 * as the code has them. A detail policy then shapes it into what a diagram shows: locals
 * flattened or folded, blocks as {@code opt}/{@code alt}/{@code loop}.
 *
 * <p>Every walk over the tree goes through {@link #children} and {@link #withChildren}, so a
 * walk that only recurses never names the kinds of step, and a kind added here is walked by all.
 */
public sealed interface Step {

  Origin origin();

  /**
   * The step lists nested in this step, in order: one per branch of a block; the steps of a
   * call's, a cast's or a helper's callee; none for a message, a note or a frame.
   */
  List<List<Step>> children();

  /**
   * The same step holding {@code children} instead, one list for each of {@link #children} and
   * in their order (a block keeps its branches' conditions); a step without any is itself.
   */
  Step withChildren(List<List<Step>> children);

  /** The same step with {@code f} applied to each of its nested lists, in order. */
  default Step mapChildren(UnaryOperator<List<Step>> f) {
    return withChildren(mapped(children(), f));
  }

  /**
   * Every step of {@code steps} and below them, depth first, each before what it holds and a
   * block's branches in order.
   */
  static Stream<Step> walk(List<Step> steps) {
    return walk(steps, Step::children);
  }

  /**
   * The steps of {@code steps}, depth first, looking only into the lists {@code into} gives for
   * each (its {@link #children}, some of them, or none). Iterative: a deep tree costs no stack.
   */
  static Stream<Step> walk(List<Step> steps, Function<? super Step, List<List<Step>>> into) {
    Deque<Iterator<Step>> open = new ArrayDeque<>();
    open.push(steps.iterator());
    Iterator<Step> preOrder = new Iterator<>() {
      @Override
      public boolean hasNext() {
        while (!open.isEmpty() && !open.peek().hasNext()) {
          open.pop();
        }
        return !open.isEmpty();
      }

      @Override
      public Step next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Step s = open.peek().next();
        List<List<Step>> nested = into.apply(s);
        for (int i = nested.size() - 1; i >= 0; i--) {
          open.push(nested.get(i).iterator());
        }
        return s;
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(preOrder,
        Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /**
   * {@code f} applied to every step list of a tree, innermost first: to the lists nested in each
   * step of {@code steps}, then to {@code steps} with those in place. For a rewrite that works
   * the same at every level (notes merged, blocks simplified).
   */
  static List<Step> bottomUp(List<Step> steps, UnaryOperator<List<Step>> f) {
    List<Step> inner = new ArrayList<>(steps.size());
    for (Step s : steps) {
      inner.add(s.mapChildren(nested -> bottomUp(nested, f)));
    }
    return f.apply(inner);
  }

  /** {@code f} applied to each list in turn (a stateful {@code f} sees them in order). */
  private static List<List<Step>> mapped(List<List<Step>> lists, UnaryOperator<List<Step>> f) {
    List<List<Step>> out = new ArrayList<>(lists.size());
    for (List<Step> l : lists) {
      out.add(f.apply(l));
    }
    return out;
  }

  /** The one list a call, a cast or a helper holds. */
  private static List<Step> only(List<List<Step>> children) {
    if (children.size() != 1) {
      throw new IllegalArgumentException("one step list expected, got " + children.size());
    }
    return children.get(0);
  }

  /** A step that holds no other steps. */
  private static Step leaf(Step s, List<List<Step>> children) {
    if (!children.isEmpty()) {
      throw new IllegalArgumentException("no step lists expected, got " + children.size());
    }
    return s;
  }

  /**
   * A message to a participant that is not followed further (database, external service).
   * {@code fields}: what a save writes, in the order the code assigns it (empty for other
   * messages); its label is made from them after {@code subject}, the object and its method
   * ({@code Instance.save}), at full detail by the tracer and per level by a detail policy.
   */
  record Message(String from, String to, String label, Kind kind, Effect effect, Origin origin,
      List<Field> fields, String subject, boolean background) implements Step {
    public Message {
      fields = List.copyOf(fields);
      subject = subject == null ? "" : subject;
    }

    /** A message the sender waits for. */
    public Message(String from, String to, String label, Kind kind, Effect effect, Origin origin,
        List<Field> fields, String subject) {
      this(from, to, label, kind, effect, origin, fields, subject, false);
    }

    /** A message that writes no fields, or whose fields name no object. */
    public Message(String from, String to, String label, Kind kind, Effect effect, Origin origin,
        List<Field> fields) {
      this(from, to, label, kind, effect, origin, fields, "");
    }

    /** The same message, labelled {@code text}. */
    public Message withLabel(String text) {
      return new Message(from, to, text, kind, effect, origin, fields, subject, background);
    }

    /**
     * The same message sent from work that runs beside its sender's own (a thread it spawned):
     * nothing waits for it.
     */
    public Message inBackground() {
      return new Message(from, to, label, kind, effect, origin, fields, subject, true);
    }

    @Override
    public List<List<Step>> children() {
      return List.of();
    }

    @Override
    public Step withChildren(List<List<Step>> children) {
      return leaf(this, children);
    }

    /** The same message writing {@code written} instead, labelled from them. */
    public Message withFields(List<Field> written, boolean computed) {
      return new Message(from, to, Field.label(subject, written, computed), kind, effect, origin,
          written, subject, background);
    }
  }

  /**
   * A field a save writes. {@code value}: a literal's text ({@code ACTIVE}, {@code None}), the
   * source text of what computes it ({@code _get_power_state()}), or null when nothing but a
   * variable's name is known, which is never drawn as if it were the value.
   */
  record Field(String name, String value, boolean computed) {
    /** {@code name = value}, or the name alone where the value is unknown or not shown. */
    public String text(boolean showComputed) {
      // "flavor = flavor" says no more than "flavor".
      return value == null || computed && !showComputed || value.equals(name)
          ? name : name + " = " + value;
    }

    /** One line per field. */
    public static String label(List<Field> fields, boolean showComputed) {
      StringBuilder sb = new StringBuilder();
      for (Field f : fields) {
        sb.append(sb.length() == 0 ? "" : "\n").append(f.text(showComputed));
      }
      return sb.toString();
    }

    /** {@code Instance.save: vm_state = PAUSED\ntask_state = None}: the subject, then the fields. */
    public static String label(String subject, List<Field> fields, boolean showComputed) {
      String written = label(fields, showComputed);
      return subject.isEmpty() ? written : written.isEmpty() ? subject : subject + ": " + written;
    }
  }

  /** A note over the participant that does it (policy check, notification, helper). */
  record Note(String participant, String text, Origin origin) implements Step {
    @Override
    public List<List<Step>> children() {
      return List.of();
    }

    @Override
    public Step withChildren(List<List<Step>> children) {
      return leaf(this, children);
    }
  }

  /** {@code opt}/{@code alt}/{@code loop}: branches in order, each with its condition text. */
  record Block(BlockKind kind, List<Branch> branches, Origin origin) implements Step {
    @Override
    public List<List<Step>> children() {
      return branches.stream().map(Branch::steps).toList();
    }

    /** The same block, each branch's condition before {@code children}'s list of its index. */
    @Override
    public Block withChildren(List<List<Step>> children) {
      if (children.size() != branches.size()) {
        throw new IllegalArgumentException(branches.size() + " branches, got "
            + children.size() + " step lists");
      }
      List<Branch> out = new ArrayList<>(branches.size());
      for (int i = 0; i < branches.size(); i++) {
        out.add(new Branch(branches.get(i).condition(), children.get(i)));
      }
      return new Block(kind, out, origin);
    }

    /** A block still: its branches' steps each mapped, the conditions kept. */
    @Override
    public Block mapChildren(UnaryOperator<List<Step>> f) {
      return withChildren(mapped(children(), f));
    }
  }

  /**
   * A step that holds one list of steps, a call's callee, a cast's receiver or a helper's own:
   * its children are that list.
   */
  sealed interface Nested extends Step permits Invocation, Cast, Local {
    List<Step> steps();

    /** The same step, doing {@code inner}. */
    Nested withSteps(List<Step> inner);

    @Override
    default List<List<Step>> children() {
      return List.of(steps());
    }

    @Override
    default Step withChildren(List<List<Step>> children) {
      return withSteps(only(children));
    }
  }

  /**
   * A synchronous call into another participant (an RPC call, the virt driver): the message,
   * the callee's steps, and the reply.
   */
  record Invocation(String from, String to, String label, Kind kind, List<Step> steps,
      Origin origin) implements Nested {
    /** The same call, the callee doing {@code inner}. */
    @Override
    public Invocation withSteps(List<Step> inner) {
      return new Invocation(from, to, label, kind, inner, origin);
    }
  }

  /** An asynchronous RPC cast: the message now, the receiver's steps once the sender is done. */
  record Cast(String from, String to, String label, List<Step> steps, Origin origin)
      implements Nested {
    /** The same cast, the receiver doing {@code inner}. */
    @Override
    public Cast withSteps(List<Step> inner) {
      return new Cast(from, to, label, inner, origin);
    }
  }

  /**
   * A helper followed inside {@code participant}: its steps, as the callee's code makes them.
   * {@code noteWhenEmpty}: when nothing of it is drawn, a note with the callee's name still says
   * what the service does here (statement-level calls that are not handed to a spawner).
   */
  record Local(String participant, Origin callee, boolean noteWhenEmpty, List<Step> steps,
      Origin origin) implements Nested {
    /** The same helper call, the helper doing {@code inner}. */
    @Override
    public Local withSteps(List<Step> inner) {
      return new Local(participant, callee, noteWhenEmpty, inner, origin);
    }
  }

  /**
   * A function on the path that draws nothing itself (a pass-through wrapper, a synchronized
   * closure) before the steps of what it calls: only its anchor, so a reader can follow the
   * chain. Detail policies make these; the tracer does not.
   */
  record Frame(Origin origin) implements Step {
    @Override
    public List<List<Step>> children() {
      return List.of();
    }

    @Override
    public Step withChildren(List<List<Step>> children) {
      return leaf(this, children);
    }
  }

  record Branch(String condition, List<Step> steps) {}

  /**
   * Where in the code a step comes from: a path relative to the tree root, the line of the
   * function's {@code def} (0 when unknown) and the function's name.
   */
  record Origin(String path, int line, String function) {

    /** The definition of {@code fn}. */
    public static Origin of(FunctionInfo fn) {
      return new Origin(fn.module().path(), fn.ast().defLine(), fn.name());
    }

    /** The text of a comment anchor: {@code nova/compute/api.py:4151 confirm_resize()}. */
    public String anchorText() {
      return path + (line > 0 ? ":" + line : "") + " " + function + "()";
    }
  }

  enum Kind { RPC_CALL, DRIVER, DATABASE, SERVICE }

  /** What a message to an endpoint does: reads, writes, or writes a state field. */
  enum Effect { READ, WRITE, STATE }

  /**
   * OPT, ALT and LOOP are drawn. The raw tree has CHOICE (if/elif/else or match, every branch as
   * written, empty ones too) and GUARD ("if x: ...; return": the guarded branch, then the rest of
   * the block), which a detail policy turns into OPT/ALT once it knows what is left in them.
   * DEFAULT is a choice the deployment's settings decide: the branch they take by default
   * first (its condition names the settings assumed), then the branch taken where an operator
   * sets them otherwise. FAILURE is the way to an exception: "if bad: ...; raise" (one branch), or "if ok: return"
   * before code that ends by raising (whose second branch runs only when the test fails); a
   * policy may leave such a path out.
   */
  enum BlockKind { OPT, ALT, LOOP, CHOICE, GUARD, FAILURE, DEFAULT }
}
