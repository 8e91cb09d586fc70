package dev.novatrace.render;

import dev.novatrace.diagram.read.DiagramFiles;
import dev.novatrace.files.FileWalk;
import dev.novatrace.util.SafeName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which .wsd file goes where. A file named on the command line goes to {@code DIR/<name>.<ext>}
 * (default: beside it); a directory contributes every .wsd below it, sorted, and keeps its
 * sub-folders under DIR so two {@code create.wsd} in different folders do not overwrite each other.
 * Symbolic links are followed ({@link FileWalk}).
 */
public final class RenderPlan {

  /** One input and the folder and base name of its output. */
  public record Job(Path input, Path outputDir, String name) {
    public Path output(Format format) {
      return outputDir.resolve(name + "." + format.extension);
    }
  }

  /** The jobs, and the links below the folders that could not be followed (loops, dangling). */
  public record Plan(List<Job> jobs, List<FileWalk.Problem> problems) {
    public Plan {
      jobs = List.copyOf(jobs);
      problems = List.copyOf(problems);
    }
  }

  private RenderPlan() {}

  /** {@code inputs} must exist; {@code outputDir} may be null (beside each input). */
  public static Plan plan(List<Path> inputs, Path outputDir) throws IOException {
    List<Job> jobs = new ArrayList<>();
    List<FileWalk.Problem> problems = new ArrayList<>();
    for (Path in : inputs) {
      if (Files.isDirectory(in)) {
        FileWalk.Result found = FileWalk.find(List.of(in), DiagramFiles::isDiagram);
        // A loop or dangling link met from two inputs is one problem.
        found.problems().stream()
            .filter(p -> problems.stream().noneMatch(q -> FileWalk.identity(q.path())
                .equals(FileWalk.identity(p.path()))))
            .forEach(problems::add);
        for (Path file : found.files()) {
          Path rel = in.relativize(file).getParent();
          Path dir = outputDir == null ? file.getParent()
              : rel == null ? outputDir : outputDir.resolve(safe(rel));
          jobs.add(new Job(file, dir, stem(file)));
        }
      } else {
        Path dir = outputDir != null ? outputDir : parentOf(in);
        jobs.add(new Job(in, dir, stem(in)));
      }
    }
    return new Plan(distinctNames(jobs), problems);
  }

  private static Path parentOf(Path file) {
    return file.getParent() == null ? Path.of("") : file.getParent();
  }

  private static String stem(Path file) {
    Path name = file.getFileName();
    String n = name == null ? file.toString() : name.toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  /**
   * The jobs named by their inputs' stems, each made a safe name ({@link SafeName}). Stems that
   * become one safe name in one folder ({@code Boot.wsd} and {@code boot.wsd}) get
   * {@code -2}, {@code -3}... by their original names, so no run depends on the walk's order.
   */
  private static List<Job> distinctNames(List<Job> jobs) {
    Map<Path, List<String>> stems = new LinkedHashMap<>();
    for (Job j : jobs) {
      stems.computeIfAbsent(j.outputDir(), k -> new ArrayList<>()).add(j.name());
    }
    Map<Path, Map<String, String>> names = new LinkedHashMap<>();
    stems.forEach((dir, list) -> names.put(dir, SafeName.distinct(list)));
    return jobs.stream().map(j -> new Job(j.input(), j.outputDir(),
        names.get(j.outputDir()).get(j.name()))).toList();
  }

  /** Sub-folders of an input folder, each name made safe, as they are kept below DIR. */
  private static Path safe(Path rel) {
    Path out = null;
    for (Path part : rel) {
      String s = SafeName.of(part.toString());
      out = out == null ? Path.of(s) : out.resolve(s);
    }
    return out;
  }
}
