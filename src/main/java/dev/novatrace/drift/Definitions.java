package dev.novatrace.drift;

import dev.novatrace.diff.Anchor;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Stmt;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every name a module defines with {@code def}: module functions, methods of every class (nested
 * classes too) and functions nested in functions, since anchors name all of them. Each def is
 * known by its own name and by {@code Class.name} when it is a method.
 */
public final class Definitions {
  private final CodeIndex index;
  private final Map<String, Set<String>> byPath = new HashMap<>();

  public Definitions(CodeIndex index) {
    this.index = index;
  }

  /** The names defined in the module at {@code path}; empty when there is no such module. */
  public Set<String> of(String path) {
    return byPath.computeIfAbsent(path, p -> index.moduleByPath(p)
        .map(Definitions::collect).orElse(Set.of()));
  }

  public boolean defines(String path, Anchor a) {
    Set<String> names = of(path);
    return names.contains(a.function()) || names.contains(a.simpleFunction());
  }

  private static Set<String> collect(ModuleInfo m) {
    Set<String> out = new TreeSet<>();
    walk(m.ast().body(), "", out);
    return out;
  }

  private static void walk(List<Stmt> body, String owner, Set<String> out) {
    StatementWalker.forEach(body, s -> {
      if (s instanceof Stmt.FunctionDef f) {
        out.add(f.name());
        if (!owner.isEmpty()) {
          out.add(owner + "." + f.name());
        }
        walk(f.body(), "", out);
      } else if (s instanceof Stmt.ClassDef c) {
        walk(c.body(), c.name(), out);
      }
    });
  }
}
