package dev.novatrace.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which .wsd file goes where. A file named on the command line goes to {@code DIR/<name>.<ext>}
 * (default: beside it); a directory contributes every .wsd below it, sorted, and keeps its
 * sub-folders under DIR so two {@code create.wsd} in different folders do not overwrite each other.
 */
public final class RenderPlan {

  /** One input and the folder and base name of its output. */
  public record Job(Path input, Path outputDir, String name) {
    public Path output(Format format) {
      return outputDir.resolve(name + "." + format.extension);
    }
  }

  private RenderPlan() {}

  /** {@code inputs} must exist; {@code outputDir} may be null (beside each input). */
  public static List<Job> plan(List<Path> inputs, Path outputDir) throws IOException {
    List<Job> jobs = new ArrayList<>();
    for (Path in : inputs) {
      if (Files.isDirectory(in)) {
        for (Path file : wsdFilesBelow(in)) {
          Path rel = in.relativize(file).getParent();
          Path dir = outputDir == null ? file.getParent()
              : rel == null ? outputDir : outputDir.resolve(rel);
          jobs.add(new Job(file, dir, baseName(file)));
        }
      } else {
        Path dir = outputDir != null ? outputDir : parentOf(in);
        jobs.add(new Job(in, dir, baseName(in)));
      }
    }
    return jobs;
  }

  static List<Path> wsdFilesBelow(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".wsd") && Files.isRegularFile(p))
          .sorted().toList();
    }
  }

  private static Path parentOf(Path file) {
    return file.getParent() == null ? Path.of("") : file.getParent();
  }

  private static String baseName(Path file) {
    Path name = file.getFileName();
    String n = name == null ? file.toString() : name.toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
