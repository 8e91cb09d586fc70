package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.trace.CallSites;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Scope;
import dev.novatrace.trace.TraceProfile.Dispatch;
import dev.novatrace.trace.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SQLAlchemy's attribute and mapper events a server listens to, read from the
 * {@code db_api.sqla_listen(target, event, fn)} calls its start-up makes (docs/neutron-design.md,
 * section 4.5): {@code NeutronDbPluginV2.__init__} has the Nova notifier hear
 * {@code models_v2.Port.status}'s {@code set} and {@code Port}'s {@code after_update}. An
 * assignment to a listened attribute runs its {@code set} listeners, then the flush that writes
 * it runs the model's {@code after_update} ones.
 */
final class ModelListeners {
  static final ModelListeners NONE = new ModelListeners(List.of());

  private static final String LISTEN = "sqla_listen";
  private static final String SET = "set";
  private static final String AFTER_UPDATE = "after_update";

  /** One listener: {@code attribute} null for a mapper event of the whole model. */
  private record Listener(ClassInfo model, String attribute, String event, FunctionInfo function,
      ClassInfo self) {}

  private final List<Listener> listeners;

  private ModelListeners(List<Listener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  /** The listeners {@code functions} (what start-up runs) register, in the order they do. */
  static ModelListeners of(List<FunctionInfo> functions, Resolver resolver) {
    List<Listener> out = new ArrayList<>();
    for (FunctionInfo fn : functions) {
      CallSites.inFunction(resolver, fn, site -> {
        if (LISTEN.equals(Names.simpleName(site.call().func()))) {
          listener(site.call(), site.scope(), resolver).ifPresent(out::add);
        }
      });
    }
    return new ModelListeners(out);
  }

  private static java.util.Optional<Listener> listener(Expr.Call call, Scope scope,
      Resolver resolver) {
    List<Expr> args = call.args().stream().filter(a -> a.kind() == Arg.Kind.POSITIONAL)
        .map(Arg::value).toList();
    if (args.size() != 3 || !(resolver.valueOf(args.get(1), scope)
        instanceof Value.StringValue event)
        || !(resolver.valueOf(args.get(2), scope) instanceof Value.FunctionValue fv)) {
      return java.util.Optional.empty();
    }
    Expr target = args.get(0);
    String attribute = null;
    if (target instanceof Expr.Attribute a
        && !(resolver.valueOf(target, scope) instanceof Value.ClassValue)) {
      attribute = a.attr();
      target = a.value();
    }
    if (!(resolver.valueOf(target, scope) instanceof Value.ClassValue model)) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Listener(model.cls(), attribute, event.value(),
        fv.function(), fv.instanceClass()));
  }

  /**
   * What assigning {@code target} runs: the {@code set} listeners of its attribute, then its
   * model's {@code after_update} ones, where the object assigned is a row of that model. The
   * object is that model's when its type says so, or, where no type is known, when it is named
   * after the model ({@code port}, {@code port_db} for {@code Port}).
   */
  List<Dispatch> onAssign(Expr.Attribute target, Scope scope, Resolver resolver) {
    List<Dispatch> out = new ArrayList<>();
    for (Listener l : heard(target, scope, resolver)) {
      out.add(new Dispatch(l.function(), l.self()));
      listeners.stream().filter(u -> u.model() == l.model() && u.attribute() == null
          && AFTER_UPDATE.equals(u.event())).forEach(u ->
              out.add(new Dispatch(u.function(), u.self())));
    }
    return out.stream().distinct().toList();
  }

  /**
   * The model whose row assigning {@code target} changes, where a listener hears its attribute
   * (the assignment is what the listener reports: a port's status).
   */
  java.util.Optional<ClassInfo> rowOf(Expr.Attribute target, Scope scope, Resolver resolver) {
    return heard(target, scope, resolver).stream().map(Listener::model).findFirst();
  }

  /** The {@code set} listeners of the attribute {@code target} assigns, on a row they hear. */
  private List<Listener> heard(Expr.Attribute target, Scope scope, Resolver resolver) {
    return listeners.stream().filter(l -> SET.equals(l.event())
        && target.attr().equals(l.attribute())
        && isRow(target.value(), l.model(), scope, resolver)).toList();
  }

  private static boolean isRow(Expr object, ClassInfo model, Scope scope, Resolver resolver) {
    Value v = resolver.valueOf(object, scope);
    if (v instanceof Value.InstanceValue iv) {
      return resolver.mro(iv.cls()).contains(model);
    }
    String name = object instanceof Expr.Name n ? n.id()
        : object instanceof Expr.Attribute a ? a.attr() : null;
    String row = model.name().toLowerCase(Locale.ROOT);
    return v instanceof Value.Unknown && name != null
        && (name.equals(row) || name.startsWith(row + "_"));
  }
}
