package dev.novatrace.drift;

import dev.novatrace.diff.Anchor;
import dev.novatrace.drift.Finding.Kind;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.project.WsgiActions;
import dev.novatrace.util.EditDistance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a diagram's comment anchors against a tree: the file must exist and define the function.
 * Suggestions come from evidence in the code, never from the name alone: a path a typo away, a
 * module that defines the functions the diagram names for the missing one, the controller method
 * now carrying the action, or the module now defining a function of that name.
 */
public final class AnchorCheck {
  /** Paths this close are typos of each other ({@code compute.rpcapi.py}/{@code compute/rpcapi.py}). */
  private static final int TYPO = 2;

  private final CodeIndex index;
  private final Definitions defs;
  private final String treeLabel;
  /** Files of the tree that exist but did not parse: path → the parser's first problem. */
  private final Map<String, String> unparsed;

  public AnchorCheck(CodeIndex index, Definitions defs, String treeLabel) {
    this(index, defs, treeLabel, Map.of());
  }

  public AnchorCheck(CodeIndex index, Definitions defs, String treeLabel,
      Map<String, String> unparsed) {
    this.index = index;
    this.defs = defs;
    this.treeLabel = treeLabel;
    this.unparsed = Map.copyOf(unparsed);
  }

  /** An anchor and the line it was written on. */
  public record Placed(Anchor anchor, int line) {}

  public List<Finding> check(String diagram, List<Placed> anchors) {
    List<Finding> out = new ArrayList<>();
    for (Placed p : anchors) {
      Anchor a = p.anchor();
      if (unparsed.containsKey(a.path())) {
        // The file is there; the code cannot be read, so nothing about it can be checked.
        out.add(Finding.atAnchor(diagram, p.line(), Kind.UNPARSED_FILE, a,
            a.path() + " exists in " + treeLabel + " but did not parse: "
                + unparsed.get(a.path()), ""));
      } else if (index.moduleByPath(a.path()).isEmpty()) {
        Set<String> named = new TreeSet<>();
        anchors.stream().map(Placed::anchor).filter(o -> o.path().equals(a.path()))
            .filter(o -> !o.function().isEmpty()).forEach(o -> named.add(o.simpleFunction()));
        out.add(Finding.atAnchor(diagram, p.line(), Kind.MISSING_FILE, a,
            a.path() + " does not exist in " + treeLabel, movedFile(a.path(), named).orElse("")));
      } else if (!a.function().isEmpty() && !defs.defines(a.path(), a)) {
        out.add(Finding.atAnchor(diagram, p.line(), Kind.MISSING_FUNCTION, a,
            a.function() + "() is not defined in " + a.path(), movedFunction(a).orElse("")));
      }
    }
    return out;
  }

  /**
   * Where a missing file went: among the modules that define every function the diagram names
   * for it (or, when it names none, all modules), the one whose path is closest, if it is a typo
   * away or the functions prove it.
   */
  Optional<String> movedFile(String path, Set<String> functions) {
    Comparator<ModuleInfo> closest = Comparator
        .comparingInt((ModuleInfo m) -> EditDistance.between(m.path(), path))
        .thenComparing(ModuleInfo::path);
    Optional<ModuleInfo> best = index.modules().stream()
        .filter(m -> !functions.isEmpty()
            && functions.stream().allMatch(f -> definesVariant(m.path(), f)))
        .min(closest);
    if (best.isPresent()) {
      return Optional.of(best.get().path());
    }
    return index.modules().stream().min(closest).map(ModuleInfo::path)
        .filter(p -> EditDistance.between(p, path) <= TYPO);
  }

  /** Where a missing function went, best evidence first. */
  Optional<String> movedFunction(Anchor a) {
    ModuleInfo module = index.moduleByPath(a.path()).orElseThrow();
    List<FunctionInfo> serving = WsgiActions.servingAction(module, a.simpleFunction());
    if (!serving.isEmpty()) {
      FunctionInfo f = serving.get(0);
      return Optional.of(a.path() + " " + f.name() + "() (it now carries @wsgi.action('"
          + WsgiActions.key(f).orElse("") + "'))");
    }
    for (String name : variants(a.simpleFunction())) {
      Optional<ModuleInfo> elsewhere = index.modules().stream()
          .filter(m -> defs.of(m.path()).contains(name))
          .min(Comparator.comparingInt((ModuleInfo m) -> -commonPrefix(m.path(), a.path()))
              .thenComparing(ModuleInfo::path));
      if (elsewhere.isPresent()) {
        return Optional.of(elsewhere.get().path() + " " + name + "()");
      }
    }
    return sameFile(a, n -> EditDistance.between(n, a.simpleFunction()) <= 2)
        .or(() -> sameFirstWord(a));
  }

  /**
   * pause_server() for pause(): a function of the file named with the same first word, when
   * that word says something (four letters or more, not {@code get}) and few functions share it.
   */
  private Optional<String> sameFirstWord(Anchor a) {
    String word = firstWord(a.simpleFunction());
    java.util.function.Predicate<String> shares = n -> firstWord(n).equals(word);
    long sharing = defs.of(a.path()).stream().filter(n -> !n.contains(".")).filter(shares).count();
    return word.length() >= 4 && sharing <= 3 ? sameFile(a, shares) : Optional.empty();
  }

  /** The function of the anchor's own file that {@code fits} closest to its name. */
  private Optional<String> sameFile(Anchor a, java.util.function.Predicate<String> fits) {
    return defs.of(a.path()).stream().filter(n -> !n.contains(".")).filter(fits)
        .min(Comparator.comparingInt((String n) -> EditDistance.between(n, a.simpleFunction()))
            .thenComparing(Comparator.naturalOrder()))
        .map(n -> a.path() + " " + n + "()");
  }

  /** {@code pause} of {@code _pause_instance}: the first word, underscores left out. */
  private static String firstWord(String name) {
    String bare = name.replaceFirst("^_+", "");
    int end = bare.indexOf('_');
    return end < 0 ? bare : bare.substring(0, end);
  }

  /**
   * The names a function may have after a move: its own, and without leading underscores (a
   * private helper made public when it moved to a utility module: {@code _check_attach_and_
   * reserve_volume} in compute/api.py became {@code check_attach_and_reserve_volume} in utils),
   * or with one (the same move read backwards, from a newer diagram against an older tree).
   */
  static List<String> variants(String name) {
    String bare = name.replaceFirst("^_+", "");
    // And the other way: a public function made a private helper where it moved.
    return bare.equals(name) ? List.of(name, "_" + name)
        : bare.isEmpty() ? List.of(name) : List.of(name, bare);
  }

  private boolean definesVariant(String path, String function) {
    return variants(function).stream().anyMatch(defs.of(path)::contains);
  }

  private static int commonPrefix(String a, String b) {
    int i = 0;
    while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }
}
