package dev.novatrace.python;

import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Module;
import dev.novatrace.python.ast.Param;
import dev.novatrace.python.ast.Stmt;
import java.util.List;

/**
 * A compact, deterministic S-expression text of our AST, for tests and debugging:
 * {@code (FunctionDef f (params a b=1) (body (Return (Name x))))}. Positions are left out;
 * match patterns, kept only as source ranges, are quoted from the source.
 */
public final class AstDump {

  private final Module module;
  private final StringBuilder out = new StringBuilder();

  private AstDump(Module module) {
    this.module = module;
  }

  /** The module's statements, one per line. */
  public static String dump(Module module) {
    AstDump d = new AstDump(module);
    for (Stmt s : module.body()) {
      if (d.out.length() > 0) {
        d.out.append('\n');
      }
      d.stmt(s);
    }
    return d.out.toString();
  }

  // ---------- statements ----------

  private void stmt(Stmt s) {
    if (s instanceof Stmt.FunctionDef f) {
      open(f.async() ? "AsyncFunctionDef" : "FunctionDef").append(' ').append(f.name());
      params(f.params());
      exprList("decorators", f.decorators());
      optional("returns", f.returns());
      body("body", f.body());
    } else if (s instanceof Stmt.ClassDef c) {
      open("ClassDef").append(' ').append(c.name());
      if (!c.bases().isEmpty()) {
        open(" bases");
        c.bases().forEach(this::arg);
        close();
      }
      exprList("decorators", c.decorators());
      body("body", c.body());
    } else if (s instanceof Stmt.Import i) {
      open("Import");
      i.names().forEach(this::alias);
    } else if (s instanceof Stmt.ImportFrom i) {
      open("ImportFrom").append(' ').append(".".repeat(i.level())).append(i.module());
      i.names().forEach(this::alias);
    } else if (s instanceof Stmt.Assign a) {
      open("Assign");
      a.targets().forEach(this::spaced);
      spaced(a.value());
    } else if (s instanceof Stmt.AugAssign a) {
      open("AugAssign");
      spaced(a.target());
      out.append(' ').append(a.op());
      spaced(a.value());
    } else if (s instanceof Stmt.AnnAssign a) {
      open("AnnAssign");
      spaced(a.target());
      spaced(a.annotation());
      if (a.value() != null) {
        spaced(a.value());
      }
    } else if (s instanceof Stmt.ExprStmt e) {
      open("Expr");
      spaced(e.value());
    } else if (s instanceof Stmt.Return r) {
      open("Return");
      if (r.value() != null) {
        spaced(r.value());
      }
    } else if (s instanceof Stmt.Raise r) {
      open("Raise");
      if (r.exc() != null) {
        spaced(r.exc());
      }
      optional("from", r.cause());
    } else if (s instanceof Stmt.If i) {
      open("If");
      spaced(i.test());
      body("body", i.body());
      body("else", i.orElse());
    } else if (s instanceof Stmt.For f) {
      open(f.async() ? "AsyncFor" : "For");
      spaced(f.target());
      spaced(f.iter());
      body("body", f.body());
      body("else", f.orElse());
    } else if (s instanceof Stmt.While w) {
      open("While");
      spaced(w.test());
      body("body", w.body());
      body("else", w.orElse());
    } else if (s instanceof Stmt.With w) {
      open(w.async() ? "AsyncWith" : "With");
      for (Stmt.WithItem item : w.items()) {
        open(" item");
        spaced(item.context());
        optional("as", item.target());
        close();
      }
      body("body", w.body());
    } else if (s instanceof Stmt.Try t) {
      open("Try");
      body("body", t.body());
      for (Stmt.Handler h : t.handlers()) {
        open(h.star() ? " except*" : " except");
        if (h.type() != null) {
          spaced(h.type());
        }
        if (h.name() != null) {
          out.append(" as ").append(h.name());
        }
        body("body", h.body());
        close();
      }
      body("else", t.orElse());
      body("finally", t.finalBody());
    } else if (s instanceof Stmt.Match m) {
      open("Match");
      spaced(m.subject());
      for (Stmt.Case c : m.cases()) {
        open(" case").append(" <").append(module.text(c.pattern())).append('>');
        optional("if", c.guard());
        body("body", c.body());
        close();
      }
    } else if (s instanceof Stmt.Simple simple) {
      open(simple.kind());
      simple.exprs().forEach(this::spaced);
    }
    close();
  }

  private void alias(Stmt.Alias a) {
    out.append(' ').append(a.name());
    if (a.asName() != null) {
      out.append(" as ").append(a.asName());
    }
  }

  private void params(List<Param> params) {
    open(" params");
    for (Param p : params) {
      out.append(' ').append(switch (p.kind()) {
        case POSITIONAL_ONLY -> "pos:";
        case NORMAL -> "";
        case VAR_POSITIONAL -> "*";
        case KEYWORD_ONLY -> "kw:";
        case VAR_KEYWORD -> "**";
      }).append(p.name());
      if (p.annotation() != null) {
        out.append(':');
        expr(p.annotation());
      }
      if (p.defaultValue() != null) {
        out.append('=');
        expr(p.defaultValue());
      }
    }
    close();
  }

  private void body(String label, List<Stmt> body) {
    if (body.isEmpty() && !label.equals("body")) {
      return;
    }
    open(" " + label);
    for (Stmt s : body) {
      out.append(' ');
      stmt(s);
    }
    close();
  }

  private void exprList(String label, List<Expr> exprs) {
    if (!exprs.isEmpty()) {
      open(" " + label);
      exprs.forEach(this::spaced);
      close();
    }
  }

  private void optional(String label, Expr e) {
    if (e != null) {
      open(" " + label);
      spaced(e);
      close();
    }
  }

  // ---------- expressions ----------

  private void spaced(Expr e) {
    out.append(' ');
    expr(e);
  }

  private void expr(Expr e) {
    if (e instanceof Expr.Name n) {
      open("Name").append(' ').append(n.id());
    } else if (e instanceof Expr.Constant c) {
      constant(c);
      return;
    } else if (e instanceof Expr.Attribute a) {
      open("Attr");
      spaced(a.value());
      out.append(' ').append(a.attr());
    } else if (e instanceof Expr.Call c) {
      open("Call");
      spaced(c.func());
      c.args().forEach(this::arg);
    } else if (e instanceof Expr.Subscript s) {
      open("Sub");
      spaced(s.value());
      spaced(s.index());
    } else if (e instanceof Expr.Sequence s) {
      open(switch (s.kind()) {
        case LIST -> "List";
        case TUPLE -> "Tuple";
        case SET -> "Set";
        default -> s.kind().name();
      });
      s.elements().forEach(this::spaced);
    } else if (e instanceof Expr.Dict d) {
      open("Dict");
      for (int i = 0; i < d.keys().size(); i++) {
        if (d.keys().get(i) == null) {
          out.append(" **");
        } else {
          spaced(d.keys().get(i));
          out.append(':');
        }
        expr(d.values().get(i));
      }
    } else if (e instanceof Expr.Starred s) {
      open("Star");
      spaced(s.value());
    } else if (e instanceof Expr.Lambda l) {
      open("Lambda");
      params(l.params());
      spaced(l.body());
    } else if (e instanceof Expr.IfExp i) {
      open("IfExp");
      spaced(i.test());
      spaced(i.body());
      spaced(i.orElse());
    } else if (e instanceof Expr.Operation o) {
      open("Op").append(" '").append(o.op()).append('\'');
      o.operands().forEach(this::spaced);
    } else if (e instanceof Expr.Await a) {
      open("Await");
      spaced(a.value());
    } else if (e instanceof Expr.Yield y) {
      open(y.from() ? "YieldFrom" : "Yield");
      if (y.value() != null) {
        spaced(y.value());
      }
    } else if (e instanceof Expr.NamedExpr n) {
      open("Walrus");
      spaced(n.target());
      spaced(n.value());
    } else if (e instanceof Expr.Comprehension c) {
      open("Comp").append(' ').append(c.kind().name());
      spaced(c.element());
      c.clauses().forEach(this::spaced);
    } else if (e instanceof Expr.Other o) {
      open(o.kind());
      o.children().forEach(this::spaced);
    }
    close();
  }

  private void arg(Arg a) {
    out.append(' ');
    switch (a.kind()) {
      case KEYWORD -> out.append(a.keyword()).append('=');
      case STAR -> out.append('*');
      case DOUBLE_STAR -> out.append("**");
      default -> { }
    }
    expr(a.value());
  }

  private void constant(Expr.Constant c) {
    switch (c.kind()) {
      case STRING -> quoted("", c.value());
      case FSTRING -> quoted("f", c.value());
      case TSTRING -> quoted("t", c.value());
      case BYTES -> quoted("b", c.value());
      default -> out.append(c.value());
    }
  }

  private void quoted(String prefix, String value) {
    out.append(prefix).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      switch (ch) {
        case '\'' -> out.append("\\'");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> out.append(ch);
      }
    }
    out.append('\'');
  }

  private StringBuilder open(String label) {
    if (label.startsWith(" ")) {
      out.append(" (").append(label, 1, label.length());
    } else {
      out.append('(').append(label);
    }
    return out;
  }

  private void close() {
    out.append(')');
  }
}
