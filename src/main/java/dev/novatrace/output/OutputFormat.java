package dev.novatrace.output;

import dev.novatrace.detail.Detail;
import dev.novatrace.diagram.Diagram;
import dev.novatrace.render.DiagramOutput;
import dev.novatrace.render.Format;
import dev.novatrace.render.PlantUmlRenderer.RenderException;
import dev.novatrace.trace.CallGraph;
import dev.novatrace.trace.CallGraphText;
import dev.novatrace.trace.Trace;
import dev.novatrace.trace.TraceJson;
import dev.novatrace.util.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Every format {@code trace --format} writes an action in, with the file it goes to and its
 * writer. The diagram formats are {@link Format}'s, written by {@link DiagramOutput}; the trace's
 * JSON and the call graph are written from the trace, which the render stage cannot know.
 */
public enum OutputFormat {
  WSD(Format.WSD),
  /** The trace as the diagram draws it, with what the deployment assumed. */
  JSON("json", "json") {
    @Override
    public byte[] bytes(Content c) {
      return TraceJson.write(c.trace(), c.assumes()).getBytes(StandardCharsets.UTF_8);
    }
  },
  SVG(Format.SVG),
  PNG(Format.PNG),
  PUML(Format.PUML),
  MERMAID(Format.MERMAID),
  /** blockdiag's seqdiag ({@code .dia}), at overview unless --detail is given. */
  SEQDIAG(Format.SEQDIAG),
  /**
   * Every function the action reaches, its branches and what each call is: the code's call
   * graph, the same at every level of detail.
   */
  CALLGRAPH("callgraph", "callgraph.txt") {
    @Override
    public byte[] bytes(Content c) {
      return CallGraphText.of(c.callGraph().get()).getBytes(StandardCharsets.UTF_8);
    }
  };

  /**
   * What an action's files are written from: the trace as its diagram draws it, the diagram at
   * the format's level, what trace adds to a diagram, and the call graph (read only if asked).
   */
  public record Content(Trace trace, Diagram diagram, DiagramOutput.Extras extras,
      Supplier<CallGraph> callGraph) {
    /** The settings that decided the diagram's branches; none without a provenance. */
    List<String> assumes() {
      return extras.provenance() == null ? List.of() : extras.provenance().assumes();
    }
  }

  private final String label;
  private final String suffix;
  /** The renderer's format; null for the two written from the trace. */
  private final Format diagram;

  OutputFormat(Format diagram) {
    this(diagram.name().toLowerCase(Locale.ROOT), diagram.extension, diagram);
  }

  OutputFormat(String label, String suffix) {
    this(label, suffix, null);
  }

  OutputFormat(String label, String suffix, Format diagram) {
    this.label = label;
    this.suffix = suffix;
    this.diagram = diagram;
  }

  /**
   * The format named on a command line ({@code json}, {@code mermaid}, ...), any case; an
   * IllegalArgumentException listing them for any other name.
   */
  public static OutputFormat parse(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    for (OutputFormat f : values()) {
      // The diagram formats are matched as Format.parse matches them, ignoring case.
      if (f.diagram == null ? f.label.equals(lower) : f.diagram.name().equalsIgnoreCase(lower)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + name + "' (expected json, "
        + CALLGRAPH.label + " or " + Format.names() + ")");
  }

  /** The format's name as {@code --format} spells it, in lower case ({@code mermaid}). */
  public String label() {
    return label;
  }

  /** What follows the action's name in its file's name ({@code mmd}, {@code callgraph.txt}). */
  public String suffix() {
    return suffix;
  }

  /** The file an action's output in this format is written to. */
  public Path file(Path dir, String name) {
    return dir.resolve(name + "." + suffix);
  }

  /**
   * The level of detail this format is written at, when the run's is {@code asked}. seqdiag is
   * for Nova's documentation, which draws the RPC skeleton: unless --detail says otherwise
   * ({@code askedExplicitly}), that format is written at overview.
   */
  public Detail level(Detail asked, boolean askedExplicitly) {
    return this == SEQDIAG && !askedExplicitly ? Detail.OVERVIEW : asked;
  }

  /**
   * Writes {@code file(dir, name)} atomically from {@code c}; returns what the user should know
   * about it (one line each).
   */
  List<String> write(Path dir, String name, Content c) throws IOException, RenderException {
    if (diagram == null) {
      AtomicFiles.write(dir, file(dir, name), bytes(c));
      return List.of();
    }
    return DiagramOutput.write(c.diagram(), dir, name, diagram, c.extras()).warnings();
  }

  /** The bytes of the file {@link #write} writes, for standard output. */
  public byte[] bytes(Content c) throws IOException, RenderException {
    return DiagramOutput.render(c.diagram(), diagram, c.extras()).bytes();
  }

  /** Whether the format is text, which standard output can carry between other text. */
  public boolean isText() {
    return this != PNG;
  }
}
