package dev.novatrace.trace;

import dev.novatrace.config.Settings;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A try block as the path runs it: its body, unless the body calls a method that is not
 * implemented where the handler catching NotImplementedError is the fallback that really runs,
 * or the settings pick which of the two it is (a DEFAULT block).
 */
final class Fallbacks {
  private static final String NOT_IMPLEMENTED = "NotImplementedError";

  private final Statements statements;
  private final Branches branches;
  private final Resolver resolver;

  Fallbacks(Statements statements, Branches branches, Resolver resolver) {
    this.statements = statements;
    this.branches = branches;
    this.resolver = resolver;
  }

  /**
   * The normal path only: handlers are error paths an engineer leaves out of the picture. But
   * when the body calls a method that only raises NotImplementedError (a driver that does not
   * implement {@code rebuild}), a handler catching it is the fallback that really runs.
   */
  void tryStatement(Stmt.Try t, Frame f, List<Step> out) {
    Optional<Stmt.Handler> fallback = t.handlers().stream()
        .filter(h -> Calls.catches(h, NOT_IMPLEMENTED)).findFirst();
    int raising = fallback.isEmpty() ? -1 : firstUnimplemented(t.body(), f);
    SettingTests.Decision implemented = raising < 0 && fallback.isPresent()
        ? chosenImplemented(t.body(), f) : null;
    if (implemented != null) {
      List<Stmt> body = new ArrayList<>(t.body());
      body.addAll(t.orElse());
      chosenFallback(implemented, body, fallback.get().body(), f, out);
    } else if (raising < 0) {
      statements.walk(t.body(), f, out);
      statements.walk(t.orElse(), f, out);
    } else {
      statements.walk(t.body().subList(0, raising), f, out);
      SettingTests.Decision chosen = chosenUnimplemented(t.body().get(raising), f);
      if (chosen == null) {
        statements.walk(fallback.get().body(), f, out);
      } else {
        List<Stmt> rest = new ArrayList<>(t.body().subList(raising, t.body().size()));
        rest.addAll(t.orElse());
        chosenFallback(chosen, fallback.get().body(), rest, f, out);
      }
    }
    statements.walk(FinallyOnSuccess.of(t), f, out);
  }

  /**
   * The settings that made a statement's unimplemented call so, when they picked its receiver's
   * class ({@link OptionChoices}) and another class they could pick implements it; else null.
   */
  private SettingTests.Decision chosenUnimplemented(Stmt s, Frame f) {
    for (Expr.Call c : Calls.callsIn(s)) {
      if (resolver.valueOf(c.func(), f.scope) instanceof Value.FunctionValue fv
          && Calls.onlyRaises(fv.function(), NOT_IMPLEMENTED)) {
        List<Settings.Setting> by = OptionChoices.pickedUnimplemented(resolver, fv,
            x -> Calls.onlyRaises(x, NOT_IMPLEMENTED));
        return by.isEmpty() ? null
            : new SettingTests.Decision(true, by.stream().map(Assumed::of).toList());
      }
    }
    return null;
  }

  /**
   * The settings that picked the receiver of a call in a try body, when the picked class
   * implements it and another class they could pick only raises NotImplementedError; else null.
   */
  private SettingTests.Decision chosenImplemented(List<Stmt> body, Frame f) {
    for (Stmt s : body) {
      for (Expr.Call c : Calls.callsIn(s)) {
        if (resolver.valueOf(c.func(), f.scope) instanceof Value.FunctionValue fv) {
          List<Settings.Setting> by = OptionChoices.pickedImplemented(resolver, fv,
              x -> Calls.onlyRaises(x, NOT_IMPLEMENTED));
          if (!by.isEmpty()) {
            return new SettingTests.Decision(true, by.stream().map(Assumed::of).toList());
          }
        }
      }
    }
    return null;
  }

  /**
   * A try the settings decide: where they pick a class that does not implement the call, the
   * handler is the path, else the rest of the try body. A DEFAULT block, what they take first.
   */
  private void chosenFallback(SettingTests.Decision d, List<Stmt> taken, List<Stmt> other,
      Frame f, List<Step> out) {
    List<Step> otherSteps = branches.otherwise(d, other, f);
    List<Step> takenSteps = new ArrayList<>();
    statements.walk(taken, f, takenSteps);
    out.add(new Step.Block(Step.BlockKind.DEFAULT, List.of(
        new Step.Branch(d.describe(), takenSteps),
        new Step.Branch(d.otherwise(), otherSteps)), f.origin));
  }

  /** The first statement of a block that calls an unimplemented method, or -1. */
  private int firstUnimplemented(List<Stmt> body, Frame f) {
    for (int i = 0; i < body.size(); i++) {
      for (Expr.Call c : Calls.callsIn(body.get(i))) {
        if (resolver.valueOf(c.func(), f.scope) instanceof Value.FunctionValue fv
            && Calls.onlyRaises(fv.function(), NOT_IMPLEMENTED)) {
          return i;
        }
      }
    }
    return -1;
  }
}
