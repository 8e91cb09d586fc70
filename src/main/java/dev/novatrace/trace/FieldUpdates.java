package dev.novatrace.trace;

import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.Names;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fields a call changes on a receiver without saving them: an {@code update(...)} of a dict, of
 * the keywords a caller passed or of what a driver filled, and what a helper left unsaved or
 * gave back. They join what the {@link Tracer}'s frame holds pending for the next save.
 */
final class FieldUpdates {
  private final Resolver resolver;
  private final FieldValues values;

  FieldUpdates(Resolver resolver, FieldValues values) {
    this.resolver = resolver;
    this.values = values;
  }

  /**
   * Whether {@code c} (read as {@code site}) only changes pending fields, which are then noted:
   * an update of a dict, of what a driver filled or of the caller's keywords.
   */
  boolean updated(CallSite site, Expr.Call c, Frame f) {
    Optional<List<String>> filled = site instanceof CallSite.FieldUpdate ? Optional.empty()
        : filledKeys(c, f);
    if (filled.isPresent()) {
      // volume.update(model_update), the driver's filled dict: its keys are the fields.
      String receiver = Names.dotted(((Expr.Attribute) c.func()).value());
      filled.get().forEach(k -> f.assign(receiver, new Step.Field(k, null, false)));
      return true;
    }
    if (site instanceof CallSite.FieldUpdate u) {
      Expr.Dict fields = reachedDict(c, f).orElse(u.fields());
      for (int i = 0; i < fields.keys().size(); i++) {
        f.assign(u.receiver(), values.field(Names.string(fields.keys().get(i)),
            fields.values().get(i), f));
      }
      return true;
    }
    return updatesFromKeywords(c, f);
  }

  /**
   * What a helper traced with {@code binding} leaves its caller: the fields it did not save
   * ({@link #carryUnsaved}), less those it gave back ({@link #restored}).
   */
  void afterHelper(Map<String, LinkedHashMap<String, Step.Field>> unsaved, FunctionInfo fn,
      CallBinding binding, Frame f) {
    carryUnsaved(unsaved, binding, f);
    restored(fn, binding, f);
  }

  /**
   * {@code instance.update(instance_attrs)} where {@code instance_attrs} is the function's
   * {@code **kwargs}: the fields are the keywords the caller passed ({@code
   * _delete(..., task_state=DELETING)}).
   */
  private boolean updatesFromKeywords(Expr.Call c, Frame f) {
    if (!(c.func() instanceof Expr.Attribute a) || !a.attr().equals("update")
        || c.args().size() != 1 || !(c.args().get(0).value() instanceof Expr.Name n)
        || f.keywords.isEmpty() || !n.id().equals(f.keywordsName)) {
      return false;
    }
    String receiver = Names.dotted(a.value());
    if (receiver == null) {
      return false;
    }
    f.keywords.forEach((name, value) -> f.assign(receiver, values.field(name, value, f)));
    return true;
  }

  /**
   * The dict a local handed to {@code update(...)} was last assigned on the path walked: a
   * branch not taken bound another ({@code updates = {'migration_status': 'error', ...}} where
   * the migration failed), which the function's first assignment would say.
   */
  private static Optional<Expr.Dict> reachedDict(Expr.Call c, Frame f) {
    if (c.args().size() != 1 || !(c.args().get(0).value() instanceof Expr.Name n)) {
      return Optional.empty();
    }
    List<Expr> values = f.reached.get(n.id());
    return values == null || values.isEmpty()
        || !(values.get(values.size() - 1) instanceof Expr.Dict d)
        || d.keys().stream().anyMatch(k -> Names.string(k) == null)
        ? Optional.empty() : Optional.of(d);
  }

  /**
   * {@code obj.update(x)} where {@code x} was last bound on the path to what a function returns
   * that always returns a dict literal with entries (LVM's create_export): those keys.
   */
  private Optional<List<String>> filledKeys(Expr.Call c, Frame f) {
    if (!(c.func() instanceof Expr.Attribute a) || !a.attr().equals("update")
        || Names.dotted(a.value()) == null || c.args().size() != 1
        || !(c.args().get(0).value() instanceof Expr.Name n)) {
      return Optional.empty();
    }
    List<Expr> values = f.reached.get(n.id());
    if (values == null || values.isEmpty()
        || !(values.get(values.size() - 1) instanceof Expr.Call call)
        || !(resolver.valueOf(call.func(), f.scope) instanceof Value.FunctionValue fv)
        || !MainReturns.fillsADict(fv.function())) {
      return Optional.empty();
    }
    List<String> keys = new ArrayList<>();
    StatementWalker.forEach(fv.function().ast().body(), st -> {
      if (st instanceof Stmt.Return r && r.value() instanceof Expr.Dict d) {
        d.keys().forEach(k -> {
          if (Names.string(k) != null && !keys.contains(Names.string(k))) {
            keys.add(Names.string(k));
          }
        });
      }
    });
    return keys.isEmpty() ? Optional.empty() : Optional.of(keys);
  }

  /**
   * A helper that updates an object with what a snapshot local held ({@code
   * self._restore(instance, keys)}) gives its fields back: set and restored before the save,
   * they are no change.
   */
  private static void restored(FunctionInfo fn, CallBinding binding, Frame f) {
    FieldSnapshots.restore(fn).ifPresent(r -> {
      Expr object = binding.passed().get(r.object());
      Expr values = binding.passed().get(r.values());
      Frame.Snapshot snap = values instanceof Expr.Name n ? f.snapshots.get(n.id()) : null;
      if (snap != null && object != null && snap.receiver().equals(Names.dotted(object))) {
        Map<String, Step.Field> pending = f.assigned.get(snap.receiver());
        if (pending != null) {
          snap.fields().forEach(pending::remove);
        }
        // Also from what each branch taken before left pending (a save after an if).
        for (Alternative alt : f.alternatives.getOrDefault(snap.receiver(), List.of())) {
          Map<String, Step.Field> left = alt.fields().get(snap.receiver());
          if (left != null) {
            snap.fields().forEach(left::remove);
          }
        }
      }
    });
  }

  /**
   * Fields a helper set on a parameter's object but did not save are the caller's to save
   * ({@code _update_instance_after_spawn(instance)} then {@code instance.save()}): they join
   * what is pending on the argument's receiver, after what the caller set before the call.
   */
  private static void carryUnsaved(Map<String, LinkedHashMap<String, Step.Field>> unsaved,
      CallBinding binding, Frame f) {
    unsaved.forEach((receiver, fields) -> {
      int dot = receiver.indexOf('.');
      String head = dot < 0 ? receiver : receiver.substring(0, dot);
      Expr passed = binding.passed().get(head);
      String arg = passed == null ? null : Names.dotted(passed);
      if (arg != null) {
        fields.values().forEach(field -> f.assign(arg + receiver.substring(head.length()), field));
      }
    });
  }
}
