package dev.novatrace.workspace;

import dev.novatrace.index.CodeIndex;
import dev.novatrace.project.UnreadFiles;
import dev.novatrace.python.Diagnostic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files of a tree that are no module of its index: those that did not parse, and those that
 * could not be read (a folder that could not be listed stands for every file below it). What a
 * route looked for and did not find is matched against them.
 */
public final class BrokenFiles implements UnreadFiles {

  /** One file or folder, and why it is missing, as a diagram's note says it. */
  record Entry(String path, String why) {
    /** A folder stands for every module below it; a file for its own module. */
    boolean folder() {
      return !path.endsWith(".py");
    }

    String module() {
      return folder() ? path.replace('/', '.') : CodeIndex.moduleName(path);
    }

    boolean holdsModule(String dotted) {
      return dotted.equals(module()) || folder() && dotted.startsWith(module() + ".");
    }

    /** Whether a module below {@code pkg} may be missing through this entry. */
    boolean mayHoldUnder(String pkg) {
      String m = module();
      return m.startsWith(pkg + ".") || folder() && (m.equals(pkg) || pkg.startsWith(m + "."));
    }

    boolean holdsFile(String file) {
      return file.equals(path) || folder() && file.startsWith(path + "/");
    }
  }

  private final List<Entry> entries;

  private BrokenFiles(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /** The first entry of each path, sorted by path. */
  static BrokenFiles of(Collection<Entry> entries) {
    List<Entry> out = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (Entry e : entries) {
      if (seen.add(e.path())) {
        out.add(e);
      }
    }
    out.sort(java.util.Comparator.comparing(Entry::path));
    return new BrokenFiles(out);
  }

  /** A file or folder the listing could not follow (a folder that cannot be listed). */
  static Entry notListed(String path, String message) {
    return new Entry(path, "was not read (" + message + ")");
  }

  /**
   * A file that failed with its first diagnostic: {@code parsed} when the parser read some of it
   * (a syntax error), not when it was never read through (unreadable, too big, undecodable).
   */
  static Entry failed(Diagnostic d, boolean parsed) {
    return new Entry(d.path(), parsed
        ? "did not parse (line " + d.line() + ": " + d.message() + ")"
        : "was skipped (" + d.message() + ")");
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  /** The broken file or folder that holds {@code file}, if any. */
  Optional<String> holding(String file) {
    return entries.stream().filter(e -> e.holdsFile(file)).map(Entry::path).findFirst();
  }

  @Override
  public boolean holds(String file) {
    return holding(file).isPresent();
  }

  /** Paths of broken files (sorted) below a folder, {@code nova/virt} for instance. */
  @Override
  public List<String> under(String folder) {
    return entries.stream().map(Entry::path).filter(p -> p.startsWith(folder + "/")).toList();
  }

  /**
   * What a route that looked for {@code modules} and for classes registered under
   * {@code packages}, and found none of them, missed, sorted by path.
   */
  List<Missed> missedBy(Set<String> modules, Set<String> packages) {
    List<Missed> out = new ArrayList<>();
    for (Entry e : entries) {
      if (modules.stream().anyMatch(e::holdsModule)
          || packages.stream().anyMatch(e::mayHoldUnder)) {
        out.add(new Missed(e.path(), e.why()));
      }
    }
    return out;
  }

  /** A file (or folder) a route needed, and why it is missing. */
  public record Missed(String path, String why) {
    /** "FILE did not parse (line N: ...)", "FILE was not read (...)". */
    public String text() {
      return path + " " + why;
    }
  }
}
