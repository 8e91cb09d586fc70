package dev.novatrace.output;

import dev.novatrace.detail.Detail;
import dev.novatrace.diagram.Diagram;
import dev.novatrace.project.ApiAction;
import dev.novatrace.render.DiagramOutput;
import dev.novatrace.render.PlantUmlRenderer.RenderException;
import dev.novatrace.render.SourceLinks;
import dev.novatrace.render.StaleFiles;
import dev.novatrace.util.DeepCode;
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

  private final Workspace ws;
  private final Options options;
  private final Listener listener;
  private final Set<Path> written = new HashSet<>();
  /** For each file a route needed and did not have, the actions whose diagrams it made partial. */
  private final Map<String, List<String>> partialBy = new HashMap<>();
  private int failed;

  private TraceRun(Workspace ws, Options options, Listener listener) {
    this.ws = ws;
    this.options = options;
    this.listener = listener;
  }

  /** Traces and writes {@code options}' actions of {@code ws}. */
  public static Result run(Workspace ws, Options options, Listener listener) throws IOException {
    return new TraceRun(ws, options, listener).run();
  }

  private Result run() throws IOException {
    int total = options.actions().size();
    int done = 0;
    for (Chosen c : options.actions()) {
      listener.progress(done, total, c.name()); // what is being traced now
      if (write(c)) {
        done++;
        listener.progress(done, total, "");
      }
    }
    List<BrokenFile> broken = BrokenFile.of(ws, partialBy);
    List<Note> stale = options.all() ? staleFiles() : List.of();
    return new Result(total, written, failed, broken, stale);
  }

  /** Draws one action and writes its files; false when its code is too deep to trace. */
  private boolean write(Chosen c) throws IOException {
    Optional<Drawn> drawn = DeepCode.attempt(c.name(), listener::failed, () -> draw(c));
    if (drawn.isEmpty()) {
      failed++;
      return false;
    }
    for (OutputFormat f : options.formats()) {
      write(c, drawn.get(), f);
    }
    return true;
  }

  private Drawn draw(Chosen c) {
    Drawing drawing = ws.draw(c.action(), options.detail(), options.depth());
    // A diagram that misses what a broken file would draw is a finding, not a success.
    drawing.missed().forEach(m -> partialBy.computeIfAbsent(m.path(), k -> new ArrayList<>())
        .add(c.name()));
    failed += drawing.missed().isEmpty() ? 0 : 1;
    // What the default deployment decided on the action's path, the same in every format.
    return new Drawn(drawing, ActionProvenance.of(ws, c.action(), options.depth()));
  }

  /** Writes one file of the action; one that cannot be drawn is a finding, not an abort. */
  private void write(Chosen c, Drawn drawn, OutputFormat format) throws IOException {
    Detail level = format.level(options.detail(), options.detailGiven());
    Diagram diagram = level == options.detail() ? drawn.drawing().diagram()
        : ws.draw(c.action(), level, options.depth()).diagram();
    OutputFormat.Content content = new OutputFormat.Content(drawn.drawing().trace(), diagram,
        new DiagramOutput.Extras(drawn.provenance().at(level), options.links()),
        () -> ws.callGraph(c.action()));
    try {
      if (options.stdout() != null) {
        options.stdout().accept(new String(format.bytes(content), StandardCharsets.UTF_8));
        return;
      }
      written.add(format.file(options.output(), c.name()));
      format.write(options.output(), c.name(), content)
          .forEach(w -> listener.warning(c.name() + ": " + w));
    } catch (RenderException ex) {
      listener.failed(c.name() + "." + format.label() + ": " + ex.getMessage());
      failed++;
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
