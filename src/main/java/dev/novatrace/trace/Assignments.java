package dev.novatrace.trace;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an assignment leaves in the {@link Tracer}'s frame for the code after it: fields set on
 * a receiver for its next save, literals and setting tests bound to a name, the values a local
 * reached on the path, fields of {@code self} a later method tests, and what a branch known to
 * run binds a name to.
 */
final class Assignments {
  private final Resolver resolver;
  private final TraceProfile profile;
  private final FieldValues values;
  private final Decisions decisions;
  private final SettingTests settings;
  private final Bindings bindings;
  /** The fields of {@code self} set to a literal on the path (see the tracer's selfFields). */
  private final CarriedFields<String> selfFields;

  Assignments(Resolver resolver, TraceProfile profile, FieldValues values, Decisions decisions,
      SettingTests settings, Bindings bindings, CarriedFields<String> selfFields) {
    this.resolver = resolver;
    this.profile = profile;
    this.values = values;
    this.decisions = decisions;
    this.settings = settings;
    this.bindings = bindings;
    this.selfFields = selfFields;
  }

  /** Everything {@code a} leaves in the frame, once its value has been walked. */
  void assigned(Stmt.Assign a, Frame f) {
    bindInBranch(a, f);
    constructed(a, f);
    a.targets().forEach(t -> f.shapes.changed(t, f.literals, f.scope));
    a.targets().forEach(t -> recordAssignment(t, a.value(), f));
    a.targets().forEach(t -> trackName(t, a.value(), f));
    a.targets().forEach(t -> reached(t, a.value(), f));
    a.targets().forEach(t -> carry(t, a.value(), f));
    snapshot(a, f);
  }

  /**
   * In a branch, a name assigned an object holds that object for the rest of the branch: {@code
   * if migrations: migration = migrations[0] else: migration = objects.Migration(...);
   * migration.create()} creates a Migration, where the function's two assignments together
   * would leave the name's type unknown.
   */
  private void bindInBranch(Stmt.Assign a, Frame f) {
    if (f.branching > 0 || reassignsParameter(a, f)) {
      bindAssigned(List.of(a), f);
    }
  }

  /**
   * {@code network = models_v2.Network(**args)} where {@code network} is a parameter: from
   * there on the name holds the new object, not what the caller passed (which the resolver,
   * reading the function as a whole, takes it for).
   */
  private static boolean reassignsParameter(Stmt.Assign a, Frame f) {
    return a.targets().size() == 1 && a.targets().get(0) instanceof Expr.Name n
        && f.scope.param(n.id()) != null;
  }

  /**
   * Names a branch known to run assigns hold what it assigns them from then on: {@code
   * rebuild_claim = self.rt.rebuild_claim} if evacuating, {@code claims.NopClaim} else, and
   * {@code rebuild_claim(...)} later calls the one the flag chose (the scope alone would answer
   * with one assignment whichever branch ran).
   */
  void bindAssigned(List<Stmt> taken, Frame f) {
    for (Stmt s : taken) {
      if (s instanceof Stmt.Assign a && a.targets().size() == 1
          && a.targets().get(0) instanceof Expr.Name n) {
        Value v = resolver.valueOf(a.value(), f.scope);
        if (v instanceof Value.FunctionValue || v instanceof Value.ClassValue
            || v instanceof Value.InstanceValue) {
          f.scope = f.scope.withBound(Map.of(n.id(), v));
        }
      }
    }
  }

  /**
   * {@code volume = objects.Volume(context=context, **volume_properties)}: the state fields an
   * object is built with ({@code 'status': 'creating'}) are assigned on it, for the write that
   * stores it to say.
   */
  private void constructed(Stmt.Assign a, Frame f) {
    if (a.targets().size() != 1 || !(a.targets().get(0) instanceof Expr.Name n)
        || !(a.value() instanceof Expr.Call c)
        || !(resolver.valueOf(c.func(), f.scope) instanceof Value.ClassValue)) {
      return;
    }
    Arguments.keywords(c, f.scope).forEach((name, value) -> {
      if (profile.isStateField(name)) {
        f.assign(n.id(), values.field(name, value, f));
      }
    });
  }

  void recordAssignment(Expr target, Expr value, Frame f) {
    if (target instanceof Expr.Attribute a) {
      String receiver = Names.dotted(a.value());
      // A private attribute (migration._context) is the object's own state, not a saved field.
      // instance.info_cache = ic, after ic.save(): the record is stored on its own. An object's
      // request context (snapshot.context = context) is no field of its record.
      if (receiver != null && !a.attr().startsWith("_") && !a.attr().equals("context")
          && !(value instanceof Expr.Name n && f.stored.contains(n.id()))) {
        f.assign(receiver, values.field(a.attr(), value, f));
      }
    } else if (target instanceof Expr.Subscript sub && sub.value() instanceof Expr.Attribute a
        && !a.attr().startsWith("_")) {
      // instance.system_metadata['old_vm_state'] = ...: the next save writes that entry too.
      String receiver = Names.dotted(a.value());
      if (receiver != null) {
        f.assign(receiver, values.field(a.attr() + "[" + f.text(sub.index()) + "]", value, f));
      }
    } else if (target instanceof Expr.Sequence seq) {
      seq.elements().forEach(t -> recordAssignment(t, value, f));
    }
  }

  /** Keeps what a local was assigned on the path ({@link Frame#reached}). */
  private static void reached(Expr target, Expr value, Frame f) {
    if (target instanceof Expr.Name n) {
      List<Expr> values = f.branching == 0 ? new ArrayList<>()
          : new ArrayList<>(f.reached.getOrDefault(n.id(), List.of()));
      values.add(value);
      f.reached.put(n.id(), values);
    }
  }

  /**
   * A parameter the caller bound to a literal flag and the function assigns again holds what it
   * is assigned ({@code bind_context, need_notify, try_again = self._attempt_binding(...)}): the
   * truth of a literal, else nothing known.
   */
  private static void reflag(Expr.Name n, String literal, Frame f) {
    if (!f.flags.containsKey(n.id())) {
      return;
    }
    String fixed = LiteralFlags.fixed(literal);
    if (fixed == null) {
      f.flags.remove(n.id());
    } else {
      f.flags.put(n.id(), !Literals.isFalsy(fixed));
    }
  }

  /** {@code need_notify |= changed}: the name no longer holds the literal it was bound to. */
  void augmented(Stmt.AugAssign a, Frame f) {
    if (a.target() instanceof Expr.Name n) {
      DictShapes.forget(f.literals, n.id());
      f.literals.remove(n.id());
      f.flags.remove(n.id());
      f.settingTests.remove(n.id());
    }
  }

  /** A local assigned a literal keeps its text, unless the assignment may not run. */
  void trackName(Expr target, Expr value, Frame f) {
    if (target instanceof Expr.Name n) {
      String literal = f.branching == 0 ? f.literal(value) : null;
      if (literal == null && f.branching == 0 && value instanceof Expr.Call c) {
        literal = decisions.returned(c, f); // event = self.create_port_changed_event(...)
      }
      // new_port = port['port']: the name has that dict's keys, where the assignment runs.
      Map<String, String> keys = new java.util.HashMap<>();
      if (f.branching == 0 && value != null) {
        keys.putAll(f.shapes.bound(n.id(), value, f.literals, f.scope, f::literal));
        keys.putAll(DictShapes.builtWith(n.id(), value, f::literal));
      }
      DictShapes.forget(f.literals, n.id());
      f.literals.putAll(keys);
      if (literal != null) {
        f.literals.put(n.id(), literal);
      } else {
        f.literals.remove(n.id());
      }
      reflag(n, literal, f);
      if (f.branching == 0 && value != null && decisions.setting(value, f) != null) {
        f.settingTests.put(n.id(), value);
      } else {
        f.settingTests.remove(n.id());
      }
    } else if (target instanceof Expr.Sequence seq) {
      for (int i = 0; i < seq.elements().size(); i++) {
        // a, b = pair: each name holds its item (timeout, retry = self._get_power_off_values()).
        Expr item = value == null ? null : new Expr.Subscript(value, new Expr.Constant(
            Expr.ConstKind.NUMBER, Integer.toString(i), value.pos()), value.pos());
        trackName(seq.elements().get(i), item, f);
      }
    }
  }

  /** {@code x.f = value}: what the deployment decides of the value, carried with the field. */
  private void carry(Expr target, Expr value, Frame f) {
    if (target instanceof Expr.Attribute a) {
      carried(a.attr(), value, f);
      if (a.value() instanceof Expr.Name n && n.id().equals(f.scope.selfName())
          && f.scope.selfClass() != null) {
        selfField(f.scope.selfClass().qualifiedName() + "." + a.attr(), value, f);
      }
    }
  }

  /** {@code self.x = literal}: kept for the methods of the object to test (see selfFields). */
  private void selfField(String key, Expr value, Frame f) {
    String text = LiteralFlags.fixed(f.literal(value));
    String before = selfFields.peek(key);
    if (text == null && before == null) {
      return;
    }
    if (f.branching > 0 && text != null && before != null && !text.equals(before)) {
      text = null; // two values, depending on a branch: neither is known after it
    }
    selfFields.put(key, text);
  }

  /**
   * {@code objects.Destination(allow_cross_cell_move=allowed)}: a class (by Python's naming, a
   * capitalized name) built with a field's value sets that field.
   */
  void constructorFields(Expr.Call c, Frame f) {
    String name = dev.novatrace.index.Names.simpleName(c.func());
    if (name == null || name.isEmpty() || !Character.isUpperCase(name.charAt(0))) {
      return;
    }
    for (dev.novatrace.python.ast.Arg arg : c.args()) {
      if (arg.kind() == dev.novatrace.python.ast.Arg.Kind.KEYWORD) {
        carried(arg.keyword(), arg.value(), f);
      }
    }
    if (resolver.valueOf(c.func(), f.scope) instanceof Value.ClassValue cv) {
      initFields(cv.cls(), c, f);
    }
  }

  /**
   * {@code MigrationTask(..., host_list)} with {@code host_list} bound to None: the fields its
   * {@code __init__} sets straight from a parameter ({@code self.host_list = host_list}) hold
   * what the call passes, for the object's methods to test.
   */
  private void initFields(ClassInfo cls, Expr.Call c, Frame f) {
    FunctionInfo init = resolver.lookupMethod(cls, "__init__", null);
    if (init == null) {
      return;
    }
    Map<String, String> passed = bindings.of(init, 1, c, f).literals();
    for (Map.Entry<String, Expr> set : selfAssignments(init)) {
      String key = cls.qualifiedName() + "." + set.getKey();
      String text = set.getValue() instanceof Expr.Name p
          ? LiteralFlags.fixed(passed.get(p.id())) : null;
      if (text != null || selfFields.peek(key) != null) {
        selfFields.put(key, f.branching > 0 ? null : text);
      }
    }
  }

  /**
   * The fields a constructor sets at the top of its body ({@code self.callback = callback}),
   * each with the value assigned, in order ({@code self} is its first parameter).
   */
  static List<Map.Entry<String, Expr>> selfAssignments(FunctionInfo init) {
    String self = init.ast().params().isEmpty() ? "self" : init.ast().params().get(0).name();
    List<Map.Entry<String, Expr>> out = new ArrayList<>();
    for (Stmt st : init.ast().body()) {
      if (st instanceof Stmt.Assign a && a.targets().size() == 1
          && a.targets().get(0) instanceof Expr.Attribute t
          && t.value() instanceof Expr.Name n && n.id().equals(self)) {
        out.add(Map.entry(t.attr(), a.value()));
      }
    }
    return out;
  }

  private void carried(String field, Expr value, Frame f) {
    settings.carry(field, value, f.branching > 0, f.fn.module(), f.scope, decisions.callee(f),
        f.settingTests::get);
  }

  /**
   * {@code keys = self._scrub(instance)}, a helper that returns what the instance's fields held
   * before it changed them: the local holds those fields of that receiver.
   */
  private void snapshot(Stmt.Assign a, Frame f) {
    if (a.targets().size() != 1 || !(a.targets().get(0) instanceof Expr.Name local)) {
      return;
    }
    f.snapshots.remove(local.id());
    if (!(a.value() instanceof Expr.Call c)
        || !(resolver.valueOf(c.func(), f.scope) instanceof Value.FunctionValue fv)) {
      return;
    }
    FieldSnapshots.of(fv.function()).ifPresent(snap -> {
      Expr of = Arguments.passed(fv.function().ast().params(), fv.receiverOffset(), c, f.scope)
          .get(snap.param());
      String receiver = of == null ? null : Names.dotted(of);
      if (receiver != null) {
        f.snapshots.put(local.id(), new Frame.Snapshot(receiver, snap.fields()));
      }
    });
  }
}
