package dev.novatrace.output;

import dev.novatrace.detail.Detail;
import dev.novatrace.diagram.Diagram;
import dev.novatrace.project.ApiAction;
import dev.novatrace.render.DiagramOutput;
import dev.novatrace.render.PlantUmlRenderer.RenderException;
import dev.novatrace.render.SourceLinks;
import dev.novatrace.render.StaleFiles;
import dev.novatrace.util.DeepCode;
import dev.novatrace.util.StackSize;
import dev.novatrace.workspace.BrokenFiles;
import dev.novatrace.workspace.Drawing;
import dev.novatrace.workspace.Workspace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The work of {@code trace}: draws each action and writes it in every format asked. An action
 * that fails (code nested too deeply, a diagram that cannot be drawn) is a finding and the rest
 * go on; so is each diagram a broken file made partial.
 */
public final class TraceRun {

  /** An action to write, under the name it was asked by (its files are named so). */
  public record Chosen(String name, ApiAction action) {}

  /**
   * What to trace and how to write it.
   *
   * @param actions the actions, in the order they are traced
   * @param formats the formats each is written in, in that order
   * @param detail the level of detail
   * @param detailGiven whether --detail gave it (seqdiag is otherwise written at overview)
   * @param depth how deep private helpers are followed
   * @param output the folder written to
   * @param links links from messages and notes to their source; null for none
   * @param all whether these are all the actions: then files in the folder that the run did
   *     not write are stale
   * @param clean whether stale files are removed (otherwise only warned about)
   * @param stdout where the one text output goes instead of a file ({@code -o -}); null to
   *     write files
   */
  public record Options(List<Chosen> actions, List<OutputFormat> formats, Detail detail,
      boolean detailGiven, int depth, Path output, SourceLinks links, boolean all,
      boolean clean, java.util.function.Consumer<String> stdout) {
    public Options {
      actions = List.copyOf(actions);
      formats = List.copyOf(formats);
    }
  }

  /** Told as the run goes, so that a person sees each line when it happens. */
  public interface Listener {
    /** Before each action ({@code action} is its name) and after it ({@code action} empty). */
    void progress(int done, int total, String action);

    /** An action or a file that failed, one line: a finding. */
    void failed(String message);

    /** What the user should know about a file written, one line. */
    void warning(String message);
  }

  /**
   * What the run did.
   *
   * @param actions how many actions it was asked for
   * @param written every file it wrote, or tried to
   * @param failed the actions and files that failed or were partial
   * @param brokenFiles each file of the tree that failed to parse, and what it cost
   * @param staleFiles a line about files in the folder the run did not write, if any
   */
  public record Result(int actions, Set<Path> written, int failed, List<BrokenFile> brokenFiles,
      List<Note> staleFiles) {
    public Result {
      written = Set.copyOf(written);
      brokenFiles = List.copyOf(brokenFiles);
      staleFiles = List.copyOf(staleFiles);
    }

    /** The lines to say once the run is done: the broken files, then the stale ones. */
    public List<Note> notes() {
      return Stream.concat(brokenFiles.stream().map(BrokenFile::note), staleFiles.stream())
          .toList();
    }

    /**
     * The findings: the failures, and the broken files the routes needed (actions may be
     * missing, which no diagram can say).
     */
    public int findings() {
      return failed + (int) brokenFiles.stream().filter(BrokenFile::routesNeedIt).count();
    }
  }

  /** An action drawn at the run's level, and what made it. */
  private record Drawn(Drawing drawing, ActionProvenance provenance) {}

  /** A line the run says about an action: a failure (a finding) or a warning. */
  private record Line(boolean failure, String text) {}

  /**
   * What one action left, said in the order of the actions whichever thread traced it.
   *
   * @param traced whether it was traced (not too deep)
   * @param failed how many findings it made
   * @param missed the files its route needed and did not have
   * @param written the files it wrote, or tried to
   * @param lines what to say about it
   */
  private record Outcome(boolean traced, int failed, List<String> missed, List<Path> written,
      List<Line> lines) {}

  private final Workspace ws;
  private final Supplier<Workspace> another;
  private final Options options;
  private final Listener listener;
  private final Set<Path> written = new HashSet<>();
  /** For each file a route needed and did not have, the actions whose diagrams it made partial. */
  private final Map<String, List<String>> partialBy = new HashMap<>();
  private int failed;
  /** Each action's outcome, by its place in the list, until it is said. */
  private final Outcome[] outcomes;
  /** The next action to hand to a thread, and the next whose outcome is to be said. */
  private final AtomicInteger next = new AtomicInteger();
  private int said;
  private int traced;
  /** What stopped a thread (a file that could not be written), to end the run with. */
  private final List<Throwable> stopped = new ArrayList<>();

  private TraceRun(Workspace ws, Supplier<Workspace> another, Options options,
      Listener listener) {
    this.ws = ws;
    this.another = another;
    this.options = options;
    this.listener = listener;
    this.outcomes = new Outcome[options.actions().size()];
  }

  /**
   * Traces and writes {@code options}' actions of {@code ws}, {@code jobs} at a time: each
   * thread but this one traces with a workspace of its own from {@code another} (a copy of
   * {@code ws}, configured as it is), as traces remember what they read. What a run writes and
   * says is the same, in the same order, whatever {@code jobs} is: an action draws the same
   * whatever was traced before it.
   */
  public static Result run(Workspace ws, Supplier<Workspace> another, int jobs, Options options,
      Listener listener) throws IOException {
    return new TraceRun(ws, another, options, listener).run(another == null ? 1 : jobs);
  }

  private Result run(int jobs) throws IOException {
    int total = options.actions().size();
    List<Thread> threads = new ArrayList<>();
    for (int i = 1; i < Math.min(jobs, total); i++) {
      Thread t = new Thread(null, () -> work(another), "novatrace-trace-" + i,
          StackSize.fit(StackSize.FULL));
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    work(() -> ws);
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("trace interrupted", e);
      }
    }
    rethrow();
    List<BrokenFile> broken = BrokenFile.of(ws, partialBy);
    List<Note> stale = options.all() ? staleFiles() : List.of();
    return new Result(total, written, failed, broken, stale);
  }

  /** One thread's work: the next action not yet taken, until none is left or a thread failed. */
  private void work(Supplier<Workspace> workspace) {
    try {
      Workspace own = workspace.get();
      for (int i = next.getAndIncrement(); i < outcomes.length && !hasStopped();
          i = next.getAndIncrement()) {
        Chosen c = options.actions().get(i);
        starting(c.name());
        done(i, write(own, c));
      }
    } catch (IOException | RuntimeException | Error e) {
      synchronized (this) {
        stopped.add(e);
      }
      next.set(outcomes.length);
    }
  }

  private synchronized boolean hasStopped() {
    return !stopped.isEmpty();
  }

  private synchronized void starting(String action) {
    listener.progress(traced, outcomes.length, action); // what is being traced now
  }

  /** Keeps an action's outcome, and says every outcome whose turn has come. */
  private synchronized void done(int i, Outcome outcome) {
    outcomes[i] = outcome;
    while (said < outcomes.length && outcomes[said] != null) {
      say(options.actions().get(said).name(), outcomes[said]);
      outcomes[said++] = null;
    }
  }

  private void say(String name, Outcome o) {
    o.lines().forEach(l -> {
      if (l.failure()) {
        listener.failed(l.text());
      } else {
        listener.warning(l.text());
      }
    });
    o.missed().forEach(path -> partialBy.computeIfAbsent(path, k -> new ArrayList<>()).add(name));
    written.addAll(o.written());
    failed += o.failed();
    if (o.traced()) {
      traced++;
      listener.progress(traced, outcomes.length, "");
    }
  }

  /** Ends the run with what stopped the first thread that failed. */
  private void rethrow() throws IOException {
    if (stopped.isEmpty()) {
      return;
    }
    Throwable first = stopped.get(0);
    if (first instanceof IOException io) {
      throw io;
    }
    if (first instanceof RuntimeException r) {
      throw r;
    }
    throw (Error) first;
  }

  /** Draws one action with {@code own} and writes its files. */
  private Outcome write(Workspace own, Chosen c) throws IOException {
    // The copy's own action: its functions are those of its own index.
    ApiAction action = own == ws ? c.action() : own.action(c.action().name());
    List<Line> lines = new ArrayList<>();
    Optional<Drawn> drawn = DeepCode.attempt(c.name(), text -> lines.add(new Line(true, text)),
        () -> draw(own, action));
    if (drawn.isEmpty()) {
      return new Outcome(false, 1, List.of(), List.of(), lines);
    }
    List<BrokenFiles.Missed> missed = drawn.get().drawing().missed();
    // A diagram that misses what a broken file would draw is a finding, not a success.
    int findings = missed.isEmpty() ? 0 : 1;
    List<Path> files = new ArrayList<>();
    for (OutputFormat f : options.formats()) {
      findings += write(own, c.name(), action, drawn.get(), f, files, lines);
    }
    return new Outcome(true, findings, missed.stream().map(BrokenFiles.Missed::path).toList(),
        files, lines);
  }

  private Drawn draw(Workspace own, ApiAction action) {
    Drawing drawing = own.draw(action, options.detail(), options.depth());
    // What the default deployment decided on the action's path, the same in every format.
    return new Drawn(drawing, ActionProvenance.of(own, action, options.depth()));
  }

  /**
   * Writes one file of the action; one that cannot be drawn is a finding (1 is returned), not
   * an abort.
   */
  private int write(Workspace own, String name, ApiAction action, Drawn drawn,
      OutputFormat format, List<Path> files, List<Line> lines) throws IOException {
    Detail level = format.level(options.detail(), options.detailGiven());
    Diagram diagram = level == options.detail() ? drawn.drawing().diagram()
        : own.draw(action, level, options.depth()).diagram();
    OutputFormat.Content content = new OutputFormat.Content(drawn.drawing().trace(), diagram,
        new DiagramOutput.Extras(drawn.provenance().at(level), options.links()),
        () -> own.callGraph(action));
    try {
      if (options.stdout() != null) {
        options.stdout().accept(new String(format.bytes(content), StandardCharsets.UTF_8));
        return 0;
      }
      files.add(format.file(options.output(), name));
      format.write(options.output(), name, content)
          .forEach(w -> lines.add(new Line(false, name + ": " + w)));
      return 0;
    } catch (RenderException ex) {
      lines.add(new Line(true, name + "." + format.label() + ": " + ex.getMessage()));
      return 1;
    }
  }

  /** Diagram files in the output folder that this run did not write: warned about, or removed. */
  private List<Note> staleFiles() throws IOException {
    List<Path> stale = StaleFiles.find(options.output(), written);
    if (stale.isEmpty()) {
      return List.of();
    }
    String names = String.join(", ", stale.stream().map(p -> p.getFileName().toString()).toList());
    String plural = stale.size() == 1 ? "" : "s";
    if (options.clean()) {
      StaleFiles.remove(stale);
      return List.of(new Note(false, "removed " + stale.size() + " file" + plural
          + " this run did not write: " + names));
    }
    return List.of(new Note(true, options.output() + " holds " + stale.size() + " diagram file"
        + plural + " this run did not write (--clean removes them): " + names));
  }
}
