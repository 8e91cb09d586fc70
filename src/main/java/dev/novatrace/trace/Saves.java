package dev.novatrace.trace;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;

/**
 * The message of a call to an endpoint (a database, another service's API), labelled with the
 * fields it writes: those assigned on the receiver since its last save, those of a values dict
 * it is passed, or those the called function writes itself.
 */
final class Saves {
  private final TraceProfile profile;
  private final Resolver resolver;
  private final ObjectNames objectNames;
  private final InternalWrites internalWrites;
  private final FieldValues values;

  Saves(TraceProfile profile, Resolver resolver, ObjectNames objectNames,
      InternalWrites internalWrites, FieldValues values) {
    this.profile = profile;
    this.resolver = resolver;
    this.objectNames = objectNames;
    this.internalWrites = internalWrites;
    this.values = values;
  }

  Step.Message endpointMessage(Frame f, String target, String label, Step.Effect effect) {
    Step.Kind kind = profile.isDatabase(target) ? Step.Kind.DATABASE : Step.Kind.SERVICE;
    List<Step.Field> fields = f.lastSaved == null ? List.of() : f.lastSaved;
    String subject = f.lastSubject;
    Step.Effect written = fields.isEmpty() ? effect
        : fields.stream().map(Step.Field::name).anyMatch(profile::isStateField)
            ? Step.Effect.STATE : Step.Effect.WRITE;
    if (subject != null && kind == Step.Kind.DATABASE
        && profile.isRecordLifecycle(subject.substring(subject.lastIndexOf('.') + 1))) {
      // A record created or destroyed is a change of state as much as a state field is.
      written = Step.Effect.STATE;
    }
    f.lastSaved = null;
    f.lastSubject = null;
    return new Step.Message(f.participant, target, label, kind, written, f.origin, fields,
        subject);
  }

  /**
   * The message of an endpoint call; a save of fields that depend on a branch taken before it is
   * a choice of saves on the same conditions.
   */
  void save(Expr.Call c, Frame f, String target, FunctionInfo callee, String fallback,
      Step.Effect effect, List<Step> out) {
    String receiver = c.func() instanceof Expr.Attribute a && profile.writesFields(a.attr())
        ? Names.dotted(a.value()) : null;
    if (receiver != null) {
      f.stored.add(receiver);
    }
    List<Alternative> choices = receiver == null ? null : f.alternatives.remove(receiver);
    if (choices == null) {
      out.add(endpointMessage(f, target, saveLabel(c, f, callee, fallback), effect));
      return;
    }
    // Fields assigned after the branches joined (task_state = RESIZE_FINISH after the flavor
    // fields an if chose) are saved on every path: later code saw the last branch's fields.
    Map<String, Step.Field> now = f.assigned.getOrDefault(receiver, new LinkedHashMap<>());
    Map<String, Step.Field> base = choices.get(choices.size() - 1).fields().get(receiver);
    LinkedHashMap<String, Step.Field> later = new LinkedHashMap<>();
    now.forEach((name, field) -> {
      if (!field.equals(base.get(name))) {
        later.put(name, field);
      }
    });
    List<Step.Branch> branches = new ArrayList<>();
    for (Alternative a : choices) {
      LinkedHashMap<String, Step.Field> fields = new LinkedHashMap<>(a.fields().get(receiver));
      later.keySet().forEach(fields::remove);
      fields.putAll(later);
      f.assigned.put(receiver, fields);
      branches.add(new Step.Branch(a.condition(),
          List.of(endpointMessage(f, target, saveLabel(c, f, callee, fallback), effect))));
    }
    out.add(new Step.Block(Step.BlockKind.CHOICE, branches, f.origin));
  }

  /**
   * A save's label names the object and lists the fields assigned on the receiver since its
   * last save ({@code Instance.save: vm_state = PAUSED\ntask_state = None}); a record created
   * or destroyed lists the fields whose value is known ({@code Migration.create: status =
   * 'pre-migrating'}); other calls keep {@code fallback}.
   */
  private String saveLabel(Expr.Call c, Frame f, FunctionInfo callee, String fallback) {
    List<Step.Field> passed = passedValues(c, f, callee);
    if (!passed.isEmpty()) {
      // volume.conditional_update({'status': 'extending'}, ...), db.volume_update(ctx, id, {...}):
      // the dict is what the message writes.
      String subject = fallback != null && fallback.contains(".") ? fallback
          : c.func() instanceof Expr.Attribute a && Names.dotted(a.value()) != null
              ? objectNames.of(Names.dotted(a.value())) + "." + a.attr()
              : fallback != null ? fallback : queryWrite(c, f).orElse(f.text(c.func()));
      f.lastSubject = subject;
      f.lastSaved = passed;
      return Step.Field.label(subject, passed, true);
    }
    Optional<String> written = writtenObject(c, f);
    if (fallback == null && written.isPresent()) {
      // session.add(row), row = OVNRevisionNumbers(...): the record it writes, by its class,
      // with the fields set on it since (row.revision_number = n; session.merge(row)).
      // A record deleted writes none of the fields set on it before.
      List<Step.Field> fields = c.args().get(0).value() instanceof Expr.Name n
          && f.assigned.containsKey(n.id()) ? List.copyOf(f.assigned.remove(n.id()).values())
          : List.of();
      if (written.get().endsWith(".delete")) {
        fields = List.of();
      }
      f.lastSubject = written.get();
      f.lastSaved = fields;
      return Step.Field.label(written.get(), fields, true);
    }
    if (c.func() instanceof Expr.Attribute a
        && (profile.writesFields(a.attr()) || profile.isRecordLifecycle(a.attr()))
        && (fallback == null || fallback.contains("."))) {
      String receiver = Names.dotted(a.value());
      Map<String, Step.Field> assigned = receiver == null ? null : f.assigned.remove(receiver);
      String subject = fallback != null && fallback.contains(".") ? fallback
          : objectNames.of(receiver == null ? "object" : receiver) + "." + a.attr();
      List<Step.Field> fields = assigned == null || !profile.writesFields(a.attr()) ? List.of()
          : a.attr().equals("save") ? List.copyOf(assigned.values())
          : assigned.values().stream().filter(x -> x.value() != null && !x.computed()).toList();
      f.lastSubject = subject;
      f.lastSaved = fields;
      return Step.Field.label(subject, fields, true);
    }
    List<Step.Field> inside = callee == null || fallback == null ? List.of()
        : internalWrites.of(callee, c, f.scope);
    if (!inside.isEmpty()) {
      // db.volume_attached(..., mark_attached=False): the status the function itself writes.
      f.lastSubject = fallback;
      f.lastSaved = inside;
      return Step.Field.label(fallback, inside, true);
    }
    return fallback != null ? fallback : f.text(c.func()) + "()";
  }

  /**
   * {@code Model.update} for a write on a query's rows ({@code
   * session.query(models.X).filter_by(...).update({...})}), {@code query.update} where the
   * model is not known.
   */
  private Optional<String> queryWrite(Expr.Call c, Frame f) {
    if (!(c.func() instanceof Expr.Attribute a) || !(a.value() instanceof Expr.Call chain)) {
      return Optional.empty();
    }
    Optional<ClassInfo> model = resolver.rows().chainModel(chain, f.scope);
    return model.isPresent() ? Optional.of(model.get().name() + "." + a.attr())
        : Rows.isQueryChain(chain) ? Optional.of("query." + a.attr()) : Optional.empty();
  }

  /**
   * {@code Class.method} for a write on a receiver the tree cannot type ({@code
   * context.session.add(row)}) whose one argument is an object of a class of the tree: the
   * object written says more than the session that writes it.
   */
  private Optional<String> writtenObject(Expr.Call c, Frame f) {
    if (!(c.func() instanceof Expr.Attribute a) || c.args().size() != 1
        || c.args().get(0).kind() != Arg.Kind.POSITIONAL
        || !(resolver.valueOf(a.value(), f.scope) instanceof Value.Unknown)) {
      return Optional.empty();
    }
    // A new object added to a session is a record created; a row read back is one updated.
    Expr arg = c.args().get(0).value();
    if (resolver.valueOf(arg, f.scope) instanceof Value.InstanceValue i) {
      return Optional.of(i.cls().name() + "." + verb(a.attr(), i.loaded()));
    }
    // context.session.delete(binding), binding one of the rows a query of a model yields.
    return queried(arg, f, 0).map(model -> model.name() + "." + verb(a.attr(), true));
  }

  private static String verb(String method, boolean loaded) {
    return !method.equals("add") ? method : loaded ? "update" : "create";
  }

  /** How many names and chains {@link #queried} reads through. */
  private static final int QUERY_HOPS = 4;

  /**
   * The model whose rows {@code e} holds: a chain on a query of it ({@code
   * session.query(models.PortBindingLevel).filter_by(...)}, a helper's {@code
   * query_with_hooks(context, Model)} and what is chained on it), a local assigned one, or the
   * variable of a loop over one.
   */
  private Optional<ClassInfo> queried(Expr e, Frame f, int hops) {
    if (hops > QUERY_HOPS) {
      return Optional.empty();
    }
    if (e instanceof Expr.Name n) {
      if (f.scope.param(n.id()) != null) {
        return Optional.empty();
      }
      Expr from = f.scope.local(n.id());
      if (from == null) {
        from = loopedOver(f.fn, n.id());
      }
      return from == null ? Optional.empty() : queried(from, f, hops + 1);
    }
    Optional<ClassInfo> model = resolver.rows().chainModel(e, f.scope);
    Expr root = Rows.chainRoot(e);
    return model.isPresent() || !(root instanceof Expr.Name) ? model
        : queried(root, f, hops + 1);
  }

  /** What the one loop of {@code fn} whose variable is {@code name} iterates over, or null. */
  private static Expr loopedOver(FunctionInfo fn, String name) {
    List<Expr> iters = new ArrayList<>();
    dev.novatrace.index.StatementWalker.everywhere(fn.ast().body(), st -> {
      if (st instanceof dev.novatrace.python.ast.Stmt.For loop
          && loop.target() instanceof Expr.Name t && t.id().equals(name)) {
        iters.add(loop.iter());
      }
    });
    return iters.size() == 1 ? iters.get(0) : null;
  }

  /** The position of a module function's parameter named {@code values}. */
  private static java.util.OptionalInt valuesParameter(FunctionInfo fn) {
    List<dev.novatrace.python.ast.Param> params = fn.ast().params();
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).name().equals("values")) {
        return java.util.OptionalInt.of(i);
      }
    }
    return java.util.OptionalInt.empty();
  }

  /**
   * The fields of the values dict a database method takes ({@link TraceProfile#valuesArgument}):
   * a dict written there or built in a local, its string keys; none when it is neither.
   */
  private List<Step.Field> passedValues(Expr.Call c, Frame f, FunctionInfo callee) {
    String method = Names.simpleName(c.func());
    java.util.OptionalInt at = method == null ? java.util.OptionalInt.empty()
        : profile.valuesArgument(method);
    boolean statesOnly = false;
    if (at.isEmpty() && callee != null && callee.owner() == null) {
      // A db API function that takes a values dict (db.volume_attach(ctx, values)): the
      // states it writes (a message record's text is no state).
      at = valuesParameter(callee);
      statesOnly = true;
    }
    if (at.isEmpty()) {
      return List.of();
    }
    Expr values = Arguments.keywords(c, f.scope).get("values");
    List<Arg> positional = c.args().stream().filter(x -> x.kind() == Arg.Kind.POSITIONAL)
        .toList();
    if (values == null && at.getAsInt() < positional.size()) {
      values = positional.get(at.getAsInt()).value();
    }
    if (values instanceof Expr.Name n && f.scope.param(n.id()) == null) {
      values = f.scope.local(n.id());
    }
    if (!(values instanceof Expr.Dict dict)) {
      return List.of();
    }
    List<Step.Field> out = new ArrayList<>();
    for (int i = 0; i < dict.keys().size(); i++) {
      String key = Names.string(dict.keys().get(i));
      if (key != null && (!statesOnly || profile.isStateField(key))) {
        out.add(this.values.field(key, dict.values().get(i), f));
      }
    }
    return out;
  }
}
