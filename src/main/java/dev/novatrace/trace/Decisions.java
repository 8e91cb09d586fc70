package dev.novatrace.trace;

import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * What decides a test where a frame of the {@link Tracer} reads it: a parameter bound to a
 * literal flag ({@link LiteralFlags}), else the deployment's settings and policy ({@link
 * SettingTests}) or a closed gate. Reading only: what the walk does with a decided branch is
 * {@link Branches}'.
 */
final class Decisions {
  private final Resolver resolver;
  private final SettingTests settings;
  private final LiteralFlags flags;

  Decisions(Resolver resolver, SettingTests settings, LiteralFlags flags) {
    this.resolver = resolver;
    this.settings = settings;
    this.flags = flags;
  }

  /**
   * What the deployment makes of an if no literal flag decides: its settings or policy decide
   * the test, or a closed gate keeps one branch; null when nothing does.
   */
  SettingTests.Decision decision(Stmt.If s, Frame f) {
    SettingTests.Decision d = setting(s.test(), f);
    if (d != null || flag(s.test(), f) != null) {
      return d;
    }
    return settings.gated(s, f.scope, c -> {
      Value v = resolver.valueOf(c.func(), f.scope);
      return v instanceof Value.FunctionValue fv ? fv.function().module()
          : v instanceof Value.ClassValue cv ? cv.cls().module() : null;
    });
  }

  /** The literal a call returns for what frame {@code f} passes it, or null. */
  String returned(Expr.Call c, Frame f) {
    return flags.returnedBy(c, f.context());
  }

  /** Where the settings read a test of frame {@code f}. */
  SettingTests.Site site(Frame f) {
    return new SettingTests.Site(f.fn.module(), f.scope, callee(f), f.settingTests::get,
        f.literals::get, f.decided);
  }

  /** The function a call in frame {@code f} runs, for the settings' reading of its returns. */
  java.util.function.Function<Expr.Call, SettingTests.Callee> callee(Frame f) {
    return c -> resolver.valueOf(c.func(), f.scope) instanceof Value.FunctionValue fv
        ? new SettingTests.Callee(fv.function(), fv.receiverOffset()) : null;
  }

  /** What the deployment's settings make of a test no literal flag decides, or null. */
  SettingTests.Decision setting(Expr test, Frame f) {
    if (flag(test, f) != null) {
      return null;
    }
    return settings.decide(test, site(f));
  }

  /**
   * The parts of a test that run: {@code a and b()} stops at a False {@code a} (a setting off by
   * default, a literal flag), so {@code b()} is not called and not drawn; {@code or} alike at a
   * True.
   */
  List<Expr> evaluated(Expr test, Frame f) {
    if (test instanceof Expr.Operation op && op.op().equals("not") && op.operands().size() == 1) {
      return evaluated(op.operands().get(0), f);
    }
    if (!(test instanceof Expr.Operation op && (op.op().equals("and") || op.op().equals("or")))) {
      return List.of(test);
    }
    boolean and = op.op().equals("and");
    List<Expr> out = new ArrayList<>();
    for (Expr x : op.operands()) {
      out.addAll(evaluated(x, f));
      SettingTests.Decision d = setting(x, f);
      Boolean known = d != null ? Boolean.valueOf(d.value()) : flag(x, f);
      if (known != null && known != and) {
        break;
      }
    }
    return out;
  }

  /** A branch's condition as drawn: its test, without what literal flags decide. */
  String condition(Expr test, Frame f) {
    return ConstText.shorten(flags.residual(test, f.context(), e -> {
      SettingTests.Decision d = setting(e, f);
      return d == null ? null : d.value();
    }));
  }

  /** The truth of a test on a literal-bound parameter ({@code if async_:}), or null. */
  Boolean flag(Expr test, Frame f) {
    return flags.truth(test, f.context());
  }
}
