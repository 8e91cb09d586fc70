package dev.novatrace.files.git;

import dev.novatrace.util.UserError;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
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
   * For each of {@code commits}, the nearest of the tags {@code tagged} (commit id to tag name)
   * it descends from, or is: fewest commits between, then the smaller name. One walk of the
   * history for all of them, where a {@code git describe} each (JGit's reads every ref again)
   * made 5,000 tags take a minute. Nearness is the shortest path, which is what describe finds
   * on a branch without merges, such as the stable ones whose end tags are asked about.
   */
  public Map<String, String> nearestTagged(Collection<String> commits, Map<String, String> tagged) {
    Map<String, String> out = new HashMap<>();
    if (commits.isEmpty() || tagged.isEmpty()) {
      return out;
    }
    try (RevWalk walk = new RevWalk(repo)) {
      walk.sort(RevSort.TOPO, true);
      walk.sort(RevSort.REVERSE, true); // parents before children
      for (String c : commits) {
        walk.markStart(walk.parseCommit(ObjectId.fromString(c)));
      }
      Map<RevCommit, Nearest> nearest = new HashMap<>();
      for (RevCommit c = walk.next(); c != null; c = walk.next()) {
        String own = tagged.get(c.name());
        Nearest best = own != null ? new Nearest(own, 0) : null;
        for (RevCommit parent : c.getParents()) {
          Nearest viaParent = nearest.get(parent);
          if (viaParent != null && (best == null || viaParent.further().closerThan(best))) {
            best = viaParent.further();
          }
        }
        if (best != null) {
          nearest.put(c, best);
        }
      }
      for (String c : commits) {
        Nearest n = nearest.get(walk.parseCommit(ObjectId.fromString(c)));
        if (n != null) {
          out.put(c, n.tag());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** A tag and how many commits away it is. */
  private record Nearest(String tag, int distance) {
    Nearest further() {
      return new Nearest(tag, distance + 1);
    }

    boolean closerThan(Nearest other) {
      return distance != other.distance ? distance < other.distance
          : tag.compareTo(other.tag) < 0;
    }
  }

  /** A commit's time and that of its merge base with HEAD, both in seconds since the epoch. */
  public record Placement(long time, long branchPointTime) {}

  /**
   * The placement of each of {@code commits} against {@code head} (none: each at its own time):
   * HEAD's history is walked once and each commit's walk stops where it meets it, all in one
   * RevWalk so no commit is read twice; a merge base each, in a walk of its own, made 5,000 tags
   * take seconds.
   */
  public Map<String, Placement> placements(Collection<String> commits, Optional<String> head) {
    Map<String, Placement> out = new HashMap<>();
    try (RevWalk walk = new RevWalk(repo)) {
      Set<RevCommit> onHead = new HashSet<>();
      if (head.isPresent()) {
        walk.markStart(walk.parseCommit(ObjectId.fromString(head.get())));
        for (RevCommit c = walk.next(); c != null; c = walk.next()) {
          onHead.add(c);
        }
      }
      for (String id : commits) {
        RevCommit c = walk.parseCommit(ObjectId.fromString(id));
        RevCommit base = onHead.isEmpty() ? c : newestOnHead(walk, c, onHead);
        out.put(id, new Placement(c.getCommitTime(),
            (base == null ? c : base).getCommitTime()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The newest commit of {@code onHead} that {@code c} descends from (or is), if any. */
  private static RevCommit newestOnHead(RevWalk walk, RevCommit c, Set<RevCommit> onHead)
      throws IOException {
    PriorityQueue<RevCommit> queue = new PriorityQueue<>(
        Comparator.comparingInt(RevCommit::getCommitTime).reversed());
    Set<RevCommit> seen = new HashSet<>();
    queue.add(c);
    seen.add(c);
    while (!queue.isEmpty()) {
      RevCommit next = queue.poll();
      if (onHead.contains(next)) {
        return next;
      }
      for (RevCommit parent : next.getParents()) {
        walk.parseHeaders(parent);
        if (seen.add(parent)) {
          queue.add(parent);
        }
      }
    }
    return null;
  }
}
