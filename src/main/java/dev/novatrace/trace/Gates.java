package dev.novatrace.trace;

import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.ExprChildren;
import dev.novatrace.python.ast.Stmt;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a project's {@link Gate}s close: the branches that enter gated code, and the fields only
 * gated code sets. {@code migration.cross_cell_move} is set True in the cross-cell task alone,
 * so where that task never runs the field keeps its default, False, whoever reads it.
 */
final class Gates {
  private final List<Gate> gates;
  private final CodeIndex index;
  /** Per attribute: the gate of the code that alone sets it to something not false; null: none. */
  private Map<String, Optional<Gate>> fields;
  private final Map<List<Stmt>, Optional<Gate>> entered = new IdentityHashMap<>();

  Gates(CodeIndex index, List<Gate> gates) {
    this.index = index;
    this.gates = List.copyOf(gates);
  }

  boolean isEmpty() {
    return gates.isEmpty();
  }

  /** The gate of the code a module is, if any. */
  Optional<Gate> of(ModuleInfo module) {
    return gates.stream().filter(g -> g.holds(module.name())).findFirst();
  }

  /**
   * The gate of a block that always calls gated code (a function or class of a gated module):
   * in a statement of its own, not in a branch or loop it holds, which may not run. {@code
   * resolve} finds what a call runs.
   */
  Optional<Gate> entered(List<Stmt> block, java.util.function.Function<Expr.Call, ModuleInfo> resolve) {
    if (gates.isEmpty() || block.isEmpty()) {
      return Optional.empty();
    }
    return entered.computeIfAbsent(block, b -> {
      Optional<Gate>[] found = new Optional[] {Optional.empty()};
      b.forEach(s -> ExprChildren.of(s).forEach(e -> calls(e, c -> {
        if (found[0].isEmpty()) {
          ModuleInfo m = resolve.apply(c);
          found[0] = m == null ? Optional.empty() : of(m);
        }
      })));
      return found[0];
    });
  }

  /** The gate of the code that alone sets {@code attr} to anything but False or None. */
  Optional<Gate> field(String attr) {
    if (gates.isEmpty()) {
      return Optional.empty();
    }
    if (fields == null) {
      fields = scan();
    }
    return fields.getOrDefault(attr, Optional.empty());
  }

  private Map<String, Optional<Gate>> scan() {
    Map<String, Optional<Gate>> writers = new HashMap<>();
    java.util.Set<String> open = new java.util.HashSet<>();
    for (ModuleInfo m : index.modules()) {
      Optional<Gate> gate = of(m);
      StatementWalker.everywhere(m.ast().body(), s -> writes(s, (attr, value) -> {
        if (!falsy(value)) {
          if (gate.isPresent()) {
            writers.putIfAbsent(attr, gate);
          } else {
            open.add(attr);
          }
        }
      }));
    }
    open.forEach(writers::remove);
    return writers;
  }

  /** {@code x.attr = value} and {@code Thing(attr=value)}: what a statement writes. */
  private static void writes(Stmt s, java.util.function.BiConsumer<String, Expr> out) {
    if (s instanceof Stmt.Assign a) {
      for (Expr t : a.targets()) {
        if (t instanceof Expr.Attribute at) {
          out.accept(at.attr(), a.value());
        }
      }
    }
    ExprChildren.of(s).forEach(e -> calls(e, c -> {
      for (Arg arg : c.args()) {
        if (arg.kind() == Arg.Kind.KEYWORD) {
          out.accept(arg.keyword(), arg.value());
        }
      }
    }));
  }

  private static boolean falsy(Expr value) {
    return value instanceof Expr.Constant k
        && (k.kind() == Expr.ConstKind.FALSE || k.kind() == Expr.ConstKind.NONE);
  }

  private static void calls(Expr e, java.util.function.Consumer<Expr.Call> out) {
    if (e == null || e instanceof Expr.Lambda) {
      return;
    }
    if (e instanceof Expr.Call c) {
      out.accept(c);
    }
    ExprChildren.of(e).forEach(x -> calls(x, out));
  }
}
