package dev.novatrace.testing;

import dev.novatrace.files.FileWalk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Real git repositories made by the tests with JGit, since no machine here has a Nova clone: a
 * bare repository whose {@code master} is one commit per tree given, each tree the files as they
 * are, with tags. Commit times are fixed, so the same input gives the same commit ids.
 */
public final class GitFixtures implements AutoCloseable {
  private static final PersonIdent WHO = new PersonIdent("novatrace tests", "tests@novatrace.dev");

  private final Repository repo;
  private ObjectId head;

  private GitFixtures(Repository repo) {
    this.repo = repo;
  }

  /** A new bare repository at {@code dir}. */
  public static GitFixtures bare(Path dir) throws IOException {
    Repository r = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build();
    r.create(true);
    return new GitFixtures(r);
  }

  /** The files below {@code root}'s {@code nova/} folder, by relative path. */
  public static Map<String, byte[]> novaFiles(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    Path real = root.toRealPath();
    for (Path f : FileWalk.find(List.of(real.resolve("nova")), name -> true).files()) {
      files.put(real.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
    }
    return files;
  }

  /** Commits {@code files} (relative path → bytes) on master at {@code epochSeconds}. */
  public GitFixtures commit(Map<String, byte[]> files, long epochSeconds, String message)
      throws IOException {
    try (ObjectInserter ins = repo.newObjectInserter()) {
      ObjectId tree = tree(ins, new TreeMap<>(files), "");
      CommitBuilder c = new CommitBuilder();
      PersonIdent when = at(epochSeconds);
      c.setAuthor(when);
      c.setCommitter(when);
      c.setTreeId(tree);
      if (head != null) {
        c.setParentId(head);
      }
      c.setMessage(message);
      head = ins.insert(c);
      ins.flush();
    }
    update(Constants.R_HEADS + Constants.MASTER, head);
    return this;
  }

  /** Tags the last commit: an annotated tag, or a lightweight one. */
  public GitFixtures tag(String name, boolean annotated) throws IOException {
    ObjectId target = head;
    long time;
    try (org.eclipse.jgit.revwalk.RevWalk walk = new org.eclipse.jgit.revwalk.RevWalk(repo)) {
      time = walk.parseCommit(head).getCommitTime();
    }
    if (annotated) {
      try (ObjectInserter ins = repo.newObjectInserter()) {
        TagBuilder t = new TagBuilder();
        t.setTag(name);
        t.setObjectId(head, Constants.OBJ_COMMIT);
        t.setTagger(at(time));
        t.setMessage(name + "\n");
        target = ins.insert(t);
        ins.flush();
      }
    }
    update(Constants.R_TAGS + name, target);
    return this;
  }

  private static PersonIdent at(long epochSeconds) {
    return new PersonIdent(WHO, Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
  }

  private void update(String ref, ObjectId id) throws IOException {
    RefUpdate u = repo.updateRef(ref);
    u.setNewObjectId(id);
    u.setForceUpdate(true);
    RefUpdate.Result r = u.update();
    if (r != RefUpdate.Result.NEW && r != RefUpdate.Result.FORCED
        && r != RefUpdate.Result.FAST_FORWARD && r != RefUpdate.Result.NO_CHANGE) {
      throw new IOException("cannot update " + ref + ": " + r);
    }
  }

  /** The tree of the files under {@code prefix}, entries in git's order (a folder as name/). */
  private static ObjectId tree(ObjectInserter ins, TreeMap<String, byte[]> files, String prefix)
      throws IOException {
    Map<String, TreeMap<String, byte[]>> dirs = new TreeMap<>();
    Map<String, byte[]> blobs = new TreeMap<>();
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      String rest = e.getKey().substring(prefix.length());
      int slash = rest.indexOf('/');
      if (slash < 0) {
        blobs.put(rest, e.getValue());
      } else {
        dirs.computeIfAbsent(rest.substring(0, slash), k -> new TreeMap<>()).put(e.getKey(),
            e.getValue());
      }
    }
    List<String> names = new ArrayList<>(blobs.keySet());
    dirs.keySet().forEach(d -> names.add(d + "/"));
    names.sort(Comparator.naturalOrder());
    TreeFormatter f = new TreeFormatter();
    for (String n : names) {
      if (n.endsWith("/")) {
        String d = n.substring(0, n.length() - 1);
        f.append(d, FileMode.TREE, tree(ins, dirs.get(d), prefix + n));
      } else {
        f.append(n, FileMode.REGULAR_FILE, ins.insert(Constants.OBJ_BLOB, blobs.get(n)));
      }
    }
    return ins.insert(f);
  }

  @Override
  public void close() {
    repo.close();
  }

}
