package dev.novatrace.files.git;

import dev.novatrace.util.UserError;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.InvalidPatternException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * A git repository (a clone with a working tree, or a bare one), read with JGit and never
 * written. The only way into JGit for the rest of novatrace, which sees commits as hex ids and
 * trees as {@link GitSources}. Repositories stay open for the life of the process, one per git
 * folder, so the refs of one history share one object cache.
 */
public final class GitRepo {
  private static final Map<Path, Repository> OPEN = new ConcurrentHashMap<>();

  private final Repository repo;
  private final String label;

  /** A tag and the commit it names, with the commit's time in seconds since the epoch. */
  public record Tag(String name, String commit, long time) {}

  private GitRepo(Repository repo, String label) {
    this.repo = repo;
    this.label = label;
  }

  /** Whether {@code dir} is the root of a repository: it holds {@code .git}, or is a bare one. */
  public static boolean isRepository(Path dir) {
    return Files.exists(dir.resolve(Constants.DOT_GIT))
        || RepositoryCache.FileKey.isGitRepository(dir.toFile(), FS.DETECTED);
  }

  /** Opens the repository at {@code dir}; {@code label} names it to the user. */
  public static GitRepo open(Path dir, String label) {
    Path key = dir.toAbsolutePath().normalize();
    if (!Files.isDirectory(key)) {
      throw new UserError("no such git repository: " + label);
    }
    if (!isRepository(key)) {
      throw new UserError("not a git repository: " + label);
    }
    // One Repository per folder, whatever name it was given: messages use this call's name.
    return new GitRepo(OPEN.computeIfAbsent(key, k -> build(k.toFile(), label)), label);
  }

  private static Repository build(File dir, String label) {
    FileRepositoryBuilder b = new FileRepositoryBuilder().setMustExist(true);
    if (RepositoryCache.FileKey.isGitRepository(dir, FS.DETECTED)) {
      b.setGitDir(dir);
    } else {
      b.setWorkTree(dir);
    }
    try {
      return b.build();
    } catch (IOException | IllegalArgumentException e) {
      throw new UserError("cannot open git repository " + label + ": " + e.getMessage());
    }
  }

  /** How the repository was named by the user. */
  public String label() {
    return label;
  }

  /** The tree of the commit {@code ref} names (tag, branch, commit id, {@code HEAD~2}). */
  public GitSources tree(String ref) {
    ObjectId commit = commitId(ref);
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit c = walk.parseCommit(commit);
      return new GitSources(repo, c.getTree().copy(), label + "@" + ref);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The commit {@code ref} names, as a hex id; a ref that names none is a user error. */
  public String commit(String ref) {
    return commitId(ref).name();
  }

  private ObjectId commitId(String ref) {
    ObjectId id;
    try {
      id = repo.resolve(ref + "^{commit}");
    } catch (RevisionSyntaxException | IOException e) {
      id = null;
    }
    if (id == null) {
      throw new UserError("unknown git ref '" + ref + "' in " + label
          + " (expected a tag, branch, commit or an expression such as HEAD~2)");
    }
    return id;
  }

  /** Every tag that names a commit, sorted by name. */
  public List<Tag> tags() {
    List<Tag> out = new ArrayList<>();
    try (RevWalk walk = new RevWalk(repo)) {
      for (Ref ref : repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
        ObjectId target = repo.getRefDatabase().peel(ref).getPeeledObjectId();
        ObjectId id = target != null ? target : ref.getObjectId();
        commitOf(walk, id).ifPresent(c -> out.add(new Tag(
            ref.getName().substring(Constants.R_TAGS.length()), c.name(), c.getCommitTime())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort(Comparator.comparing(Tag::name));
    return out;
  }

  private static Optional<RevCommit> commitOf(RevWalk walk, ObjectId id) throws IOException {
    try {
      return Optional.of(walk.parseCommit(id));
    } catch (org.eclipse.jgit.errors.IncorrectObjectTypeException
        | org.eclipse.jgit.errors.MissingObjectException e) {
      return Optional.empty(); // a tag of a tree or blob, or of an object not fetched
    }
  }

  /** The commit time of a commit, in seconds since the epoch. */
  public long time(String commit) {
    try (RevWalk walk = new RevWalk(repo)) {
      return walk.parseCommit(ObjectId.fromString(commit)).getCommitTime();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether commit {@code a} is an ancestor of (or is) commit {@code b}. */
  public boolean isAncestor(String a, String b) {
    try (RevWalk walk = new RevWalk(repo)) {
      return walk.isMergedInto(walk.parseCommit(ObjectId.fromString(a)),
          walk.parseCommit(ObjectId.fromString(b)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The nearest tag matching the glob {@code match} that a commit descends from, as
   * {@code git describe --tags --match} finds it; empty when there is none.
   */
  public Optional<String> describe(String commit, String match) {
    try {
      String d = Git.wrap(repo).describe().setTarget(ObjectId.fromString(commit)).setTags(true)
          .setMatch(match).call();
      return Optional.ofNullable(d).map(s -> s.replaceFirst("-\\d+-g[0-9a-f]+$", ""));
    } catch (GitAPIException | IOException | InvalidPatternException e) {
      return Optional.empty();
    }
  }

  /** The newest common ancestor of two commits, if they have one. */
  public Optional<String> mergeBase(String a, String b) {
    try (RevWalk walk = new RevWalk(repo)) {
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(walk.parseCommit(ObjectId.fromString(a)));
      walk.markStart(walk.parseCommit(ObjectId.fromString(b)));
      RevCommit base = walk.next();
      return Optional.ofNullable(base).map(RevCommit::name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
