package dev.novatrace.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * The files of a folder on disk, walked as {@link FileWalk} walks (following links, reporting
 * loops and dangling links).
 *
 * @param root the folder the relative paths start from
 */
public record FolderSources(Path root) implements SourceSet {

  public FolderSources {
    root = root.toAbsolutePath().normalize();
  }

  @Override
  public Listing list(String dir, Predicate<String> accept) throws IOException {
    FileWalk.Result found = FileWalk.find(List.of(root.resolve(dir)), accept, root);
    List<SourceFile> files = found.files().stream().<SourceFile>map(f -> new File(f, relative(f)))
        .toList();
    List<Problem> problems = found.problems().stream()
        .map(p -> new Problem(relative(p.path()), p.message())).toList();
    return new Listing(files, problems);
  }

  @Override
  public boolean isDirectory(String relative) {
    return Files.isDirectory(root.resolve(relative));
  }

  @Override
  public String describe() {
    return root.toString();
  }

  private String relative(Path file) {
    return root.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }

  private record File(Path file, String path) implements SourceFile {
    @Override
    public long size() throws IOException {
      return Files.size(file);
    }

    @Override
    public Content read() throws IOException {
      byte[] bytes = Files.readAllBytes(file);
      return new Content(bytes, BlobId.of(bytes));
    }
  }
}
