package dev.novatrace.history;

import dev.novatrace.detail.Detail;
import dev.novatrace.diagram.Diagram;
import dev.novatrace.diff.FlatStep;
import dev.novatrace.diff.Flattener;
import dev.novatrace.project.ApiAction;
import dev.novatrace.project.SourceTree;
import dev.novatrace.python.Diagnostic;
import dev.novatrace.python.ParseCache;
import dev.novatrace.util.DeepCode;
import dev.novatrace.util.StackSize;
import dev.novatrace.util.UserError;
import dev.novatrace.workspace.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Traces actions at every ref of a list and tells, for each, what appeared and vanished when.
 * Refs are traced in parallel, as many at once as cores and memory allow; a file that is the same
 * in two refs is parsed once (the parse cache is keyed by blob id), so ten refs cost far less
 * than ten times one.
 */
public final class History {
  /**
   * Heap to allow a ref while it is traced: 34.0.0 traces every action in a 250 MB heap; parsed
   * files the cache holds for other refs are held softly and give way.
   */
  static final long BYTES_PER_REF = 400L << 20;
  /** Tracing walks deep code recursively, as the CLI's own thread does: a big stack. */
  private static final long STACK_BYTES = 512L << 20;

  /** How to trace. */
  /**
   * How each ref is traced; {@code deployment} configures each ref's workspace (the settings
   * the user gave), before it is traced.
   */
  public record Options(Detail detail, int depth, String driver, long maxBytes,
      java.util.function.Consumer<Workspace> deployment, ParseCache parses) {
    public Options(Detail detail, int depth, String driver, long maxBytes) {
      this(detail, depth, driver, maxBytes, ws -> { });
    }

    public Options(Detail detail, int depth, String driver, long maxBytes,
        java.util.function.Consumer<Workspace> deployment) {
      this(detail, depth, driver, maxBytes, deployment, ParseCache.PROCESS);
    }
  }

  /** A ref to trace: how to name it, and its tree. */
  public record Source(String ref, SourceTree tree) {}

  /** What the caller hears as work goes on; called from worker threads. */
  public interface Listener {
    /**
     * Work at a ref: {@code phase} is {@code parsing} (files) or {@code tracing} (actions), of
     * which {@code done} of {@code total} are done.
     */
    void progress(String ref, String phase, int done, int total);

    /** Something to warn about at a ref (a file that did not parse, an action too deep). */
    void warning(String ref, String message);
  }

  /** The report, and every action's diagram at every ref that has it. */
  public record Result(HistoryReport report, Map<String, Map<String, Diagram>> diagrams) {
    /** The action's diagram at the newest ref that has it. */
    public Diagram newest(ActionHistory a) {
      return diagrams.get(a.action()).get(a.newest());
    }

    /** The newest diagram with a {@code since REF} note beside what is new in it. */
    public Diagram annotated(ActionHistory a) {
      return SinceNotes.of(newest(a), a);
    }
  }

  /** One ref traced: per action key, its canonical name, diagram and flattened steps. */
  private record Traced(Map<String, String> names, Map<String, Diagram> diagrams,
      Map<String, List<FlatStep>> steps) {}

  private History() {}

  /**
   * Traces {@code names} (names or aliases; null for every action of any ref) at each source,
   * oldest first. A name no ref knows is a user error naming the closest actions of the newest.
   */
  public static Result run(List<Source> sources, List<String> names, Options options,
      Listener listener) {
    List<Traced> traced = traceAll(sources, names, options, listener);
    List<String> refs = sources.stream().map(Source::ref).toList();
    TreeSet<String> keys = new TreeSet<>();
    traced.forEach(t -> keys.addAll(t.names().keySet()));
    if (names != null) {
      checkKnown(names, keys, sources.get(sources.size() - 1), options);
    }
    List<ActionHistory> actions = new ArrayList<>();
    Map<String, Map<String, Diagram>> diagrams = new TreeMap<>();
    for (String key : keys) {
      String name = canonical(key, traced);
      List<List<FlatStep>> steps = traced.stream().map(t -> t.steps().get(key)).toList();
      actions.add(Timelines.of(name, refs, steps));
      Map<String, Diagram> byRef = new LinkedHashMap<>();
      for (int i = 0; i < refs.size(); i++) {
        Diagram d = traced.get(i).diagrams().get(key);
        if (d != null) {
          byRef.put(refs.get(i), d);
        }
      }
      diagrams.put(name, byRef);
    }
    return new Result(new HistoryReport(refs, actions), diagrams);
  }

  /** The action's name at the newest ref that has it (an alias asked for is not a name). */
  private static String canonical(String key, List<Traced> traced) {
    String name = key;
    for (Traced t : traced) {
      name = t.names().getOrDefault(key, name);
    }
    return name;
  }

  private static void checkKnown(List<String> names, TreeSet<String> found, Source newest,
      Options options) {
    for (String n : names) {
      if (!found.contains(n)) {
        // Loaded again only to name the closest actions in the user error.
        load(newest, options).action(n);
      }
    }
  }

  private static List<Traced> traceAll(List<Source> sources, List<String> names,
      Options options, Listener listener) {
    ExecutorService pool = Executors.newFixedThreadPool(parallelism(sources.size()), r -> {
      Thread t = new Thread(null, r, "novatrace-history", StackSize.fit(STACK_BYTES));
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Traced>> futures = new ArrayList<>();
      for (Source s : sources) {
        futures.add(pool.submit(() -> trace(s, names, options, listener)));
      }
      List<Traced> out = new ArrayList<>();
      for (Future<Traced> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("history interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r; // a user error at one ref (a driver it lacks) is the run's
      }
      throw new IllegalStateException("history worker failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** As many refs at once as there are cores, and as the heap holds loaded trees. */
  static int parallelism(int refs) {
    long byMemory = Runtime.getRuntime().maxMemory() / BYTES_PER_REF;
    int cores = Runtime.getRuntime().availableProcessors();
    return (int) Math.max(1, Math.min(refs, Math.min(cores, byMemory)));
  }

  private static Workspace load(Source s, Options options) {
    Workspace ws = Workspace.load(s.tree(), options.driver(), null, options.maxBytes(),
        options.parses());
    options.deployment().accept(ws);
    return ws;
  }

  private static Traced trace(Source s, List<String> names, Options options, Listener listener) {
    Workspace ws = Workspace.load(s.tree(), options.driver(),
        (done, total) -> listener.progress(s.ref(), "parsing", done, total), options.maxBytes(),
        options.parses());
    options.deployment().accept(ws);
    for (Diagnostic d : ws.parseFailures()) {
      listener.warning(s.ref(), d.path() + ":" + d.line() + ": " + d.message() + " (file skipped)");
    }
    Map<String, ApiAction> chosen = new LinkedHashMap<>();
    if (names == null) {
      ws.actions().forEach(a -> chosen.put(a.name(), a));
    } else {
      names.forEach(n -> find(ws, n).ifPresent(a -> chosen.put(n, a)));
    }
    Map<String, String> canonical = new TreeMap<>();
    Map<String, Diagram> diagrams = new TreeMap<>();
    Map<String, List<FlatStep>> steps = new TreeMap<>();
    int[] traced = {0};
    chosen.forEach((key, action) -> {
      listener.progress(s.ref(), "tracing", traced[0]++, chosen.size());
      DeepCode.attempt(key, m -> listener.warning(s.ref(), m), () -> {
        Diagram d = ws.diagram(action, options.detail(), options.depth());
        canonical.put(key, action.name());
        diagrams.put(key, d);
        steps.put(key, Flattener.flatten(d));
        return d;
      });
    });
    listener.progress(s.ref(), "tracing", chosen.size(), chosen.size());
    return new Traced(canonical, diagrams, steps);
  }

  private static Optional<ApiAction> find(Workspace ws, String name) {
    try {
      return Optional.of(ws.action(name));
    } catch (UserError e) {
      return Optional.empty();
    }
  }
}
