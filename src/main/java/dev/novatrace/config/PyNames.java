package dev.novatrace.config;

import dev.novatrace.index.Binding;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.ExprChildren;
import dev.novatrace.python.ast.Pos;
import dev.novatrace.python.ast.Stmt;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a name in a module's code stands for, as far as a static reading of the tree can follow
 * it: a module-level assignment (here or, through imports, in another module of the tree), a
 * module of the tree, or something outside it ({@code oslo_config.cfg.StrOpt}). Option lists are
 * often built in steps ({@code opts += [...]}, {@code opts.extend(...)}), so a module's names are
 * read again here rather than taken from the index, which keeps only the first assignment.
 */
final class PyNames {
  /** Imports chains and list concatenations are short; this only stops cycles. */
  static final int MAX_DEPTH = 40;

  private final CodeIndex index;
  private final Map<ModuleInfo, Map<String, Expr>> assigned = new HashMap<>();

  PyNames(CodeIndex index) {
    this.index = index;
  }

  /** What an expression stands for: its code, a module, or a name outside the tree. */
  sealed interface Value {}

  /** An expression to read in {@code module}, with the locals of the function it sits in. */
  record Code(ModuleInfo module, Expr expr, Map<String, Expr> locals) implements Value {}

  /** A module of the tree. */
  record ModuleRef(ModuleInfo module) implements Value {}

  /** A dotted name outside the tree, as {@code oslo_config.cfg.StrOpt}. */
  record External(String dotted) implements Value {}

  /** Nothing a static reading can follow (a parameter, an unknown attribute). */
  record Unknown() implements Value {}

  static final Value UNKNOWN = new Unknown();

  /** Follows names and attributes until an expression that is neither, a module or an outsider. */
  Value resolve(Code code) {
    return resolve(code, 0);
  }

  private Value resolve(Code code, int outer) {
    if (outer > MAX_DEPTH) {
      return UNKNOWN; // a.b.c... deeper than any module path
    }
    Value v = code;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      if (!(v instanceof Code c)) {
        return v;
      }
      Value next = step(c, outer);
      if (next == c) {
        return c;
      }
      v = next;
    }
    return UNKNOWN;
  }

  private Value step(Code c, int outer) {
    if (c.expr() instanceof Expr.Name n) {
      Expr local = c.locals().get(n.id());
      if (local != null && local != c.expr()) {
        return new Code(c.module(), local, c.locals());
      }
      return name(c.module(), n.id(), 0);
    }
    if (c.expr() instanceof Expr.Attribute a) {
      Value owner = resolve(new Code(c.module(), a.value(), c.locals()), outer + 1);
      if (owner instanceof ModuleRef m) {
        return name(m.module(), a.attr(), 0);
      }
      if (owner instanceof External x) {
        return new External(x.dotted() + "." + a.attr());
      }
      // An attribute of a value (group.name): the caller reads it, if it can.
      return owner instanceof Code ? c : UNKNOWN;
    }
    return c;
  }

  /** What {@code id} stands for at the top level of {@code m}. */
  Value name(ModuleInfo m, String id, int depth) {
    if (depth > MAX_DEPTH) {
      return UNKNOWN;
    }
    Expr value = assignments(m).get(id);
    if (value != null) {
      return new Code(m, value, Map.of());
    }
    Binding b = m.bindings().get(id);
    if (b instanceof Binding.ModuleImport imp) {
      return module(imp.module());
    }
    if (b instanceof Binding.FromImport from) {
      Value sub = module(from.module() + "." + from.symbol());
      if (sub instanceof ModuleRef) {
        return sub;
      }
      return index.module(from.module())
          .map(owner -> name(owner, from.symbol(), depth + 1))
          .orElse(new External(from.module() + "." + from.symbol()));
    }
    // A submodule bound as an attribute of its package (import nova.conf; nova.conf.x).
    if (m.isPackage()) {
      Value sub = index.module(m.name() + "." + id).<Value>map(ModuleRef::new).orElse(null);
      if (sub != null) {
        return sub;
      }
    }
    return UNKNOWN;
  }

  private Value module(String dotted) {
    return index.module(dotted).<Value>map(ModuleRef::new).orElse(new External(dotted));
  }

  /**
   * The module-level names of {@code m} and the value each has once the module has run: the last
   * assignment, with later {@code +=}, {@code .extend(x)} and {@code .append(x)} added on as a
   * concatenation.
   */
  Map<String, Expr> assignments(ModuleInfo m) {
    return assigned.computeIfAbsent(m, k -> collect(k.ast().body()));
  }

  /** The same for a function body: its local names (nested blocks included). */
  static Map<String, Expr> collect(List<Stmt> body) {
    Map<String, Expr> out = new HashMap<>();
    StatementWalker.forEach(body, s -> record(out, s));
    return out;
  }

  private static void record(Map<String, Expr> out, Stmt s) {
    if (s instanceof Stmt.Assign a) {
      for (Expr t : a.targets()) {
        if (t instanceof Expr.Name n) {
          out.put(n.id(), a.value());
        }
      }
    } else if (s instanceof Stmt.For f && f.target() instanceof Expr.Name n) {
      // for opt in opts: conf.register_opt(opt): the loop's name stands for each element.
      out.putIfAbsent(n.id(), f.iter());
    } else if (s instanceof Stmt.AnnAssign a && a.value() != null
        && a.target() instanceof Expr.Name n) {
      out.put(n.id(), a.value());
    } else if (s instanceof Stmt.AugAssign a && a.op().equals("+=")
        && a.target() instanceof Expr.Name n && out.containsKey(n.id())) {
      out.put(n.id(), plus(out.get(n.id()), a.value()));
    } else if (s instanceof Stmt.ExprStmt e && e.value() instanceof Expr.Call call
        && call.func() instanceof Expr.Attribute f && f.value() instanceof Expr.Name n
        && out.containsKey(n.id()) && call.args().size() == 1
        && call.args().get(0).kind() == Arg.Kind.POSITIONAL) {
      Expr arg = call.args().get(0).value();
      if (f.attr().equals("extend")) {
        out.put(n.id(), plus(out.get(n.id()), arg));
      } else if (f.attr().equals("append")) {
        out.put(n.id(), plus(out.get(n.id()),
            new Expr.Sequence(Expr.SeqKind.LIST, List.of(arg), arg.pos())));
      }
    }
  }

  private static Expr plus(Expr left, Expr right) {
    return new Expr.Operation("+", List.of(left, right), Pos.NONE);
  }

  /** The direct sub-expressions of {@code e}, for walks that look for calls anywhere. */
  static List<Expr> children(Expr e) {
    return ExprChildren.of(e);
  }

  /** The expressions a statement holds directly (not those of its nested bodies). */
  static List<Expr> expressions(Stmt s) {
    return ExprChildren.of(s);
  }
}
