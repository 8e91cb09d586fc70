package dev.novatrace.trace;

import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Param;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a call binds in the function it calls ({@link CallBinding}): the literals, the
 * functions handed over, the types and the strings its arguments carry into the callee's frame.
 */
final class Bindings {
  private final Resolver resolver;
  private final ElementClasses elements;
  private final Callables callables;
  private final SettingTests settings;
  private final Decisions decisions;
  private final HeldCallables held;
  private final TraceProfile profile;

  /**
   * The client object an argument is in a client module ({@code self._nb_idl} in the OVN
   * client), as a value the callee's parameter holds; else unknown.
   */
  private Value clientObject(Expr arg, Frame f) {
    return profile.clientModule(f.fn.module().path())
        .filter(m -> ClientRequests.isClient(arg, m, f.context()))
        .<Value>map(Value.ClientValue::new).orElse(Value.UNKNOWN);
  }

  Bindings(Resolver resolver, TraceProfile profile, ElementClasses elements,
      Callables callables, SettingTests settings, Decisions decisions) {
    this.resolver = resolver;
    this.profile = profile;
    this.elements = elements;
    this.callables = callables;
    this.settings = settings;
    this.decisions = decisions;
    this.held = new HeldCallables(resolver, callables);
  }

  /** The binding of {@code c} to the parameters of the function it calls. */
  CallBinding of(Value.FunctionValue fv, Expr.Call c, Frame f) {
    return of(fv.function(), fv.receiverOffset(), c, f);
  }

  /** The binding of {@code c} to {@code fn}'s parameters ({@code offset}: 1 for a receiver). */
  CallBinding of(FunctionInfo fn, int offset, Expr.Call c, Frame f) {
    List<Param> params = fn.ast().params();
    Map<String, Expr> passed = Arguments.passed(params, offset, c, f.scope);
    Map<String, String> literals = new HashMap<>();
    Map<String, Handed> handed = new HashMap<>();
    Map<String, Value> types = new HashMap<>();
    Map<String, String> templates = new HashMap<>();
    Map<String, String> constants = new HashMap<>();
    passed.forEach((name, arg) -> {
      String template = PathTemplates.of(arg, f.scope, f.templates);
      if (template == null && arg instanceof Expr.Name n && f.scope.param(n.id()) == null) {
        template = PathTemplates.triedInTurn(n.id(), f.fn, f.scope); // a method tried in turn
      }
      if (template != null) {
        templates.put(name, template); // the path a client's HTTP request names
      }
      Value v = resolver.valueOf(arg, f.scope);
      Value held = v instanceof Value.Unknown ? elements.passed(fn, name, arg, f.scope) : null;
      if (held != null) {
        v = held; // a list of objects of known classes, which the callee loops over
      }
      if (v instanceof Value.Unknown) {
        v = clientObject(arg, f); // ovsdbapp's API object handed to a helper
      }
      if (v instanceof Value.InstanceValue || v instanceof Value.ClassValue
          || v instanceof Value.FlowValue || v instanceof Value.Elements
          || v instanceof Value.ClientValue) {
        types.put(name, v);
      }
      String literal = f.literal(arg);
      if (f.shapes.readAsADict(fn, name)) {
        literals.putAll(f.shapes.bound(name, arg, f.literals, f.scope, f::literal));
      }
      if (literal != null) {
        literals.put(name, literal);
        if (ConstText.unquoted(literal).isEmpty() && v instanceof Value.StringValue s
            && !s.value().contains("...")) {
          constants.put(name, s.value()); // resources.PORT: the constant's name, and 'port'
        }
      }
      Handed callable = callable(arg, f);
      if (callable != null) {
        handed.put(name, callable);
      }
    });
    held.of(c, f).forEach(handed::putIfAbsent);
    Scope own = resolver.scopeOf(fn);
    Arguments.defaults(params, offset, c).forEach((name, d) -> {
      String literal = Literals.of(d, Map.of(), own, fn.module().ast());
      if (literal != null) {
        literals.put(name, literal);
      }
    });
    // What the deployment decides of an argument (a timeout read from an option) is the
    // parameter's value in the callee.
    return new CallBinding(literals, handed, passed, types,
        settings.decidedArgs(passed, decisions.site(f)), templates, constants);
  }

  /** A function an argument hands over ({@link Callables}), or null. */
  private Handed callable(Expr arg, Frame f) {
    return callables.of(arg, f.context());
  }
}
