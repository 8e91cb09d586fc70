package dev.novatrace.index;

import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Visits every statement of a body, nested blocks included, without entering nested defs. */
public final class StatementWalker {
  private StatementWalker() {}

  public static void forEach(List<Stmt> body, Consumer<Stmt> visitor) {
    for (Stmt s : body) {
      visitor.accept(s);
      for (List<Stmt> child : children(s)) {
        forEach(child, visitor);
      }
    }
  }

  /** Every statement of a body, those of the classes and functions it defines too. */
  public static void everywhere(List<Stmt> body, Consumer<Stmt> visitor) {
    forEach(body, s -> {
      visitor.accept(s);
      if (s instanceof Stmt.ClassDef c) {
        everywhere(c.body(), visitor);
      } else if (s instanceof Stmt.FunctionDef f) {
        everywhere(f.body(), visitor);
      }
    });
  }

  /**
   * Each statement of each function and method of the tree, with the function it is in; the
   * statements of functions nested in them too, as theirs.
   */
  public static void eachFunction(CodeIndex index, BiConsumer<FunctionInfo, Stmt> visitor) {
    for (ModuleInfo m : index.modules()) {
      List<FunctionInfo> fns = new ArrayList<>(m.functions().values());
      m.classes().values().forEach(c -> fns.addAll(c.methods().values()));
      for (FunctionInfo fn : fns) {
        everywhere(fn.ast().body(), st -> visitor.accept(fn, st));
      }
    }
  }

  /** The nested bodies of a compound statement (empty for simple ones and for defs). */
  public static List<List<Stmt>> children(Stmt s) {
    if (s instanceof Stmt.If i) {
      return List.of(i.body(), i.orElse());
    } else if (s instanceof Stmt.For f) {
      return List.of(f.body(), f.orElse());
    } else if (s instanceof Stmt.While w) {
      return List.of(w.body(), w.orElse());
    } else if (s instanceof Stmt.With w) {
      return List.of(w.body());
    } else if (s instanceof Stmt.Try t) {
      List<List<Stmt>> out = new java.util.ArrayList<>();
      out.add(t.body());
      t.handlers().forEach(h -> out.add(h.body()));
      out.add(t.orElse());
      out.add(t.finalBody());
      return out;
    } else if (s instanceof Stmt.Match m) {
      return m.cases().stream().map(Stmt.Case::body).toList();
    }
    return List.of();
  }
}
