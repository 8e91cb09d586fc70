package dev.novatrace.files.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/** The release a git checkout given by path is at, as its tag says. */
public final class CheckoutTag {
  private CheckoutTag() {}

  /**
   * The tag a git checkout's HEAD is at ({@code git describe --exact-match}), a leading {@code v}
   * dropped; the greatest by name where several are. Only the refs of a {@code .git} folder of
   * the tree are read.
   */
  public static Optional<String> at(Path root) throws IOException {
    Path git = root.resolve(".git");
    if (!Files.isDirectory(git, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try (org.eclipse.jgit.lib.Repository repo = new org.eclipse.jgit.storage.file
        .FileRepositoryBuilder().setGitDir(git.toFile()).setMustExist(true).build()) {
      org.eclipse.jgit.lib.ObjectId head = repo.resolve("HEAD");
      if (head == null) {
        return Optional.empty();
      }
      java.util.TreeSet<String> tags = new java.util.TreeSet<>();
      // Refs only, never objects (an untrusted tree's alternates could lead outside it): a
      // lightweight tag names the commit, an annotated one in packed-refs its peeled commit.
      for (org.eclipse.jgit.lib.Ref ref : repo.getRefDatabase().getRefsByPrefix("refs/tags/")) {
        org.eclipse.jgit.lib.ObjectId at = ref.getPeeledObjectId() != null
            ? ref.getPeeledObjectId() : ref.getObjectId();
        if (head.equals(at)) {
          tags.add(ref.getName().substring("refs/tags/".length()).replaceFirst("^v(?=\\d)", ""));
        }
      }
      return tags.isEmpty() || !tags.last().matches("[\\w.+!-]+") ? Optional.empty()
          : Optional.of(tags.last());
    }
  }}
