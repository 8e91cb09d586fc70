package dev.novatrace.history;

import dev.novatrace.files.git.GitRepo;
import dev.novatrace.util.UserError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The release refs of a repository, in release order, read from its tags rather than from a list
 * of release names: every end-of-life or end-of-maintenance tag ({@code *-eol}, {@code *-eom}),
 * the newest numbered release ({@code NN.M.K}) of each series that has neither, and HEAD. A series
 * is the numbered releases' first number; an eol/eom tag closes the series of the nearest
 * numbered tag it descends from ({@code git describe}). Refs naming one commit are listed once.
 */
public final class ReleaseRefs {
  private static final Pattern END = Pattern.compile(".+-(eol|eom)");
  private static final Pattern NUMBERED = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
  /** The glob {@code [0-9]*.[0-9]*.[0-9]*}: a numbered release, or a candidate like 22.0.0.0rc1. */
  private static final Pattern RELEASE_LIKE = Pattern.compile("\\d[^/]*\\.\\d[^/]*\\.\\d[^/]*");

  /** A ref, the commit it names and where it stands in release order. */
  public record Ref(String name, String commit, long branchPoint, long time) {}

  private ReleaseRefs() {}

  /** The default refs of {@code repo}, oldest release first. */
  public static List<Ref> of(GitRepo repo) {
    List<GitRepo.Tag> tags = repo.tags();
    Optional<String> head = head(repo);
    Map<String, String> candidates = new LinkedHashMap<>(); // name → commit, by priority
    for (GitRepo.Tag t : tags) {
      if (END.matcher(t.name()).matches()) {
        candidates.put(t.name(), t.commit());
      }
    }
    Set<String> closed = closedSeries(repo, tags, candidates.values());
    newestOfEachSeries(tags).forEach((series, tag) -> {
      if (!closed.contains(series)) {
        candidates.put(tag.name(), tag.commit());
      }
    });
    head.ifPresent(h -> candidates.put("HEAD", h));
    if (candidates.isEmpty()) {
      throw new UserError(repo.label() + " has no release tags and no HEAD: give --refs");
    }
    return ordered(repo, candidates, head);
  }

  /**
   * The series the end tags at {@code ends} close: that of the nearest release-like tag each
   * descends from ({@code git describe --tags --match '[0-9]*.[0-9]*.[0-9]*'}), found for all of
   * them in one walk of the history.
   */
  private static Set<String> closedSeries(GitRepo repo, List<GitRepo.Tag> tags,
      java.util.Collection<String> ends) {
    Map<String, String> releases = new TreeMap<>(); // commit → tag; the smaller name if several
    for (GitRepo.Tag t : tags) {
      if (RELEASE_LIKE.matcher(t.name()).matches()) {
        releases.merge(t.commit(), t.name(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
    }
    Set<String> closed = new TreeSet<>();
    repo.nearestTagged(new TreeSet<>(ends), releases).values()
        .forEach(tag -> closed.add(series(tag)));
    return closed;
  }

  /** Refs given by name, in the order given; each must name a commit. */
  public static List<Ref> named(GitRepo repo, List<String> names) {
    Optional<String> head = head(repo);
    List<String> commits = names.stream().map(repo::commit).toList();
    Map<String, GitRepo.Placement> placed = repo.placements(commits, head);
    List<Ref> out = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      out.add(ref(names.get(i), commits.get(i), placed.get(commits.get(i))));
    }
    return out;
  }

  private static Optional<String> head(GitRepo repo) {
    try {
      return Optional.of(repo.commit("HEAD"));
    } catch (UserError e) {
      return Optional.empty(); // an empty repository
    }
  }

  private static Map<String, GitRepo.Tag> newestOfEachSeries(List<GitRepo.Tag> tags) {
    Map<String, GitRepo.Tag> newest = new TreeMap<>();
    for (GitRepo.Tag t : tags) {
      if (NUMBERED.matcher(t.name()).matches()) {
        newest.merge(series(t.name()), t,
            (a, b) -> VERSION_ORDER.compare(a.name(), b.name()) >= 0 ? a : b);
      }
    }
    return newest;
  }

  /** Numbered versions by their numbers: 10.0.0 after 9.1.2. */
  static final Comparator<String> VERSION_ORDER = Comparator
      .comparingLong((String v) -> part(v, 1)).thenComparingLong(v -> part(v, 2))
      .thenComparingLong(v -> part(v, 3));

  private static long part(String version, int group) {
    Matcher m = NUMBERED.matcher(version);
    return m.matches() ? Long.parseLong(m.group(group)) : -1;
  }

  private static String series(String version) {
    return version.substring(0, version.indexOf('.'));
  }

  /** One ref per commit (the first named), in release order. */
  private static List<Ref> ordered(GitRepo repo, Map<String, String> candidates,
      Optional<String> head) {
    Map<String, String> byCommit = new LinkedHashMap<>(); // commit → its first name
    candidates.forEach((name, commit) -> byCommit.putIfAbsent(commit, name));
    Map<String, GitRepo.Placement> placed = repo.placements(byCommit.keySet(), head);
    List<Ref> out = new ArrayList<>();
    byCommit.forEach((commit, name) -> out.add(ref(name, commit, placed.get(commit))));
    out.sort(RELEASE_ORDER);
    return out;
  }

  /**
   * Release order: where a ref's branch left HEAD's line (the merge base's time), then the ref's
   * own commit time. A stable branch's eom tag may be made years after the next release, yet it
   * branched off before it.
   */
  static final Comparator<Ref> RELEASE_ORDER = Comparator.comparingLong(Ref::branchPoint)
      .thenComparingLong(Ref::time).thenComparing(Ref::name);

  private static Ref ref(String name, String commit, GitRepo.Placement placed) {
    return new Ref(name, commit, placed.branchPointTime(), placed.time());
  }
}
