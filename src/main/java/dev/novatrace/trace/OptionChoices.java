package dev.novatrace.trace;

import dev.novatrace.config.Option;
import dev.novatrace.config.Settings;
import dev.novatrace.index.Binding;
import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.Names;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.ExprChildren;
import dev.novatrace.python.ast.Param;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A class picked from a mapping keyed by an option: {@code self.BACKEND.get(image_type)} where
 * {@code BACKEND = {'raw': Flat, 'rbd': Rbd, 'default': Qcow2 if use_cow else Flat}} and the key
 * falls back to {@code CONF.libvirt.images_type}. The deployment's settings pick the entry, so
 * the value is the class a cloud so configured runs, and calls on its instances resolve to that
 * class's methods. Nothing is picked when the settings do not tell the key or the entry.
 */
final class OptionChoices {

  /**
   * A class the settings picked: the settings that picked its entry, and every class the
   * mapping could have given instead (what another value of those settings may run).
   */
  record Choice(List<Settings.Setting> assumed, List<ClassInfo> alternatives) {
    Choice {
      assumed = List.copyOf(assumed);
      alternatives = List.copyOf(alternatives);
    }
  }

  private final Resolver resolver;
  private Settings settings = Settings.NONE;
  /** The classes picked so far: what the tracer asks of a receiver's class. */
  private final Map<ClassInfo, Choice> chosen = new HashMap<>();
  /** Per class, the calls of the tree that construct it (read once, on first need). */
  private final Map<ClassInfo, List<Construction>> constructions = new HashMap<>();

  private record Construction(Expr.Call call, ModuleInfo module) {}

  /** A value read from the settings, and the settings it was read from. */
  private record Read(Object value, List<Settings.Setting> from) {}

  OptionChoices(Resolver resolver) {
    this.resolver = resolver;
  }

  /** Picks from now on as {@code deployment} says; false when it was assumed already. */
  boolean assume(Settings deployment) {
    if (deployment == settings) {
      return false;
    }
    settings = deployment;
    chosen.clear();
    return true;
  }

  /** The choice that picked {@code cls}, if the settings picked it. */
  Optional<Choice> choiceOf(ClassInfo cls) {
    return Optional.ofNullable(chosen.get(cls));
  }

  /**
   * The settings that picked the class of a method's receiver, when the method does nothing but
   * what {@code unimplemented} tells (raise NotImplementedError) there and another class the
   * same settings could pick implements it: what a different configuration would run instead.
   * Empty otherwise (the receiver was not picked by settings, or no alternative does better).
   */
  static List<Settings.Setting> pickedUnimplemented(Resolver resolver, Value.FunctionValue fv,
      java.util.function.Predicate<FunctionInfo> unimplemented) {
    ClassInfo receiver = fv.instanceClass();
    Optional<Choice> choice = receiver == null ? Optional.empty() : resolver.choiceOf(receiver);
    if (choice.isEmpty() || choice.get().assumed().isEmpty()) {
      return List.of();
    }
    String name = fv.function().name();
    for (ClassInfo alternative : choice.get().alternatives()) {
      FunctionInfo there = resolver.lookupMethod(alternative, name, null);
      if (there != null && !unimplemented.test(there)) {
        return choice.get().assumed();
      }
    }
    return List.of();
  }

  /**
   * The settings that picked the class of a method's receiver, when that class implements the
   * method and another class the same settings could pick does nothing but what
   * {@code unimplemented} tells: a fallback for the others that this configuration skips.
   */
  static List<Settings.Setting> pickedImplemented(Resolver resolver, Value.FunctionValue fv,
      java.util.function.Predicate<FunctionInfo> unimplemented) {
    ClassInfo receiver = fv.instanceClass();
    Optional<Choice> choice = receiver == null ? Optional.empty() : resolver.choiceOf(receiver);
    if (choice.isEmpty() || choice.get().assumed().isEmpty()
        || unimplemented.test(fv.function())) {
      return List.of();
    }
    for (ClassInfo alternative : choice.get().alternatives()) {
      FunctionInfo there = resolver.lookupMethod(alternative, fv.function().name(), null);
      if (there != null && unimplemented.test(there)) {
        return choice.get().assumed();
      }
    }
    return List.of();
  }

  /**
   * The value of {@code dict[key]} or {@code dict.get(key)}, for a dict literal whose entry the
   * settings pick; {@link Value#UNKNOWN} otherwise.
   */
  Value lookup(Expr dict, Expr key, Scope scope) {
    if (settings.isEmpty()) {
      return Value.UNKNOWN;
    }
    Optional<Read> k = key(key, scope);
    if (k.isEmpty() || !(k.get().value() instanceof String wanted)) {
      return Value.UNKNOWN;
    }
    Optional<Literal> literal = literal(dict, scope);
    if (literal.isEmpty()) {
      return Value.UNKNOWN;
    }
    Literal d = literal.get();
    for (int i = 0; i < d.dict().keys().size(); i++) {
      if (resolver.valueOf(d.dict().keys().get(i), d.scope())
          instanceof Value.StringValue s && s.value().equals(wanted)) {
        return entry(d, d.dict().values().get(i), k.get().from());
      }
    }
    return Value.UNKNOWN;
  }

  /**
   * The class a dotted name names where a loader imports it by name
   * ({@code importutils.import_object(CONF.quota.driver)}, or a name picked from a dict keyed by
   * an option): the class of the tree the settings name, if any.
   */
  Optional<ClassInfo> imported(Expr name, Scope scope) {
    if (settings.isEmpty()) {
      return Optional.empty();
    }
    Optional<Read> k = key(name, scope);
    if (k.isEmpty() && resolver.valueOf(name, scope) instanceof Value.StringValue s) {
      k = Optional.of(new Read(s.value(), List.of()));
    }
    return k.filter(r -> r.value() instanceof String)
        .flatMap(r -> resolver.classNamed((String) r.value()));
  }

  /** The string a name holds: a literal, or what the deployment's settings give it. */
  Optional<String> named(Expr name, Scope scope) {
    if (settings.isEmpty()) {
      return Optional.empty();
    }
    return key(name, scope).filter(r -> r.value() instanceof String).map(r -> (String) r.value());
  }

  /**
   * The module a dotted name names where a loader imports it by name
   * ({@code self.db = importutils.import_module(CONF.db_driver)}): the module of the tree the
   * settings name, if any.
   */
  Optional<ModuleInfo> importedModule(Expr name, Scope scope) {
    if (settings.isEmpty()) {
      return Optional.empty();
    }
    return key(name, scope).filter(r -> r.value() instanceof String)
        .flatMap(r -> resolver.module((String) r.value()));
  }

  /** A dict literal and the scope its values are read in. */
  private record Literal(Expr.Dict dict, Scope scope) {}

  /** The dict literal an expression names: itself, a local, or an attribute of self. */
  private Optional<Literal> literal(Expr dict, Scope scope) {
    if (dict instanceof Expr.Dict d) {
      return Optional.of(new Literal(d, scope));
    }
    if (dict instanceof Expr.Name n && scope.function() != null && scope.param(n.id()) == null
        && scope.local(n.id()) instanceof Expr.Dict d) {
      return Optional.of(new Literal(d, scope));
    }
    if (dict instanceof Expr.Name n && (scope.function() == null || scope.param(n.id()) == null
        && scope.local(n.id()) == null)
        && scope.module().bindings().get(n.id()) instanceof Binding.Assignment a
        && a.value() instanceof Expr.Dict d) {
      return Optional.of(new Literal(d, Scope.ofModule(scope.module())));
    }
    ClassInfo self = scope.selfClass();
    if (!(dict instanceof Expr.Attribute a && a.value() instanceof Expr.Name n && self != null
        && n.id().equals(scope.selfName()))) {
      return Optional.empty();
    }
    for (ClassInfo c : resolver.mro(self)) {
      for (ClassInfo.AttributeAssignment assigned : c.attribute(a.attr())) {
        if (assigned.value() instanceof Expr.Dict d) {
          return Optional.of(new Literal(d, resolver.scopeOf(assigned.method()).withSelf(self)));
        }
      }
      if (c.classAttribute(a.attr()) instanceof Expr.Dict d) {
        return Optional.of(new Literal(d, Scope.ofModule(c.module())));
      }
    }
    return Optional.empty();
  }

  /**
   * The class an entry names: a class, or {@code A if test else B} with a test the settings
   * decide (directly, or through a parameter of the constructor that built the dict).
   */
  private Value entry(Literal d, Expr value, List<Settings.Setting> keyFrom) {
    Expr picked = value;
    if (value instanceof Expr.IfExp ie) {
      Optional<Read> test = truth(ie.test(), d.scope());
      if (test.isEmpty()) {
        return Value.UNKNOWN; // which arm runs is not known: never guess one
      }
      picked = Deployed.truthy(test.get().value()) ? ie.body() : ie.orElse();
    }
    Value v = resolver.valueOf(picked, d.scope());
    if (v instanceof Value.ClassValue cv) {
      chosen.put(cv.cls(), new Choice(keyFrom, classes(d)));
    }
    return v;
  }

  /** Every class a dict's values name, in either arm of a conditional. */
  private List<ClassInfo> classes(Literal d) {
    Set<ClassInfo> out = new LinkedHashSet<>();
    for (Expr v : d.dict().values()) {
      List<Expr> arms = v instanceof Expr.IfExp ie ? List.of(ie.body(), ie.orElse()) : List.of(v);
      for (Expr arm : arms) {
        if (resolver.valueOf(arm, d.scope()) instanceof Value.ClassValue cv) {
          out.add(cv.cls());
        }
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * The key's value: an option ({@code CONF.libvirt.images_type}), or a name the function falls
   * back to one for ({@code if not image_type: image_type = CONF.libvirt.images_type}). A
   * caller that passes a key names a kind the deployment made, which is the configured one.
   */
  private Optional<Read> key(Expr key, Scope scope) {
    Optional<Read> direct = option(key, scope.module());
    if (direct.isEmpty() && resolver.valueOf(key, scope) instanceof Value.StringValue s) {
      direct = Optional.of(new Read(s.value(), List.of())); // a literal key: nothing assumed
    }
    if (direct.isEmpty() && key instanceof Expr.Attribute a) {
      return selfAttribute(a, scope);
    }
    if (direct.isPresent() || !(key instanceof Expr.Name n) || scope.function() == null) {
      return direct;
    }
    List<Read> found = new ArrayList<>();
    StatementWalker.forEach(scope.function().ast().body(), s -> {
      if (s instanceof Stmt.Assign a && a.targets().size() == 1
          && a.targets().get(0) instanceof Expr.Name t && t.id().equals(n.id())) {
        fallback(a.value(), scope.module()).ifPresent(found::add);
      }
    });
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  /**
   * An attribute of self one method of its class sets from an option read
   * ({@code self.driver_name = CONF.backup_driver}, then {@code import_class(self.driver_name)}).
   * A remap after it that the read's value is not a key of ({@code if self.driver_name in
   * MAPPING: self.driver_name = MAPPING[...]}, deprecated names) does not run.
   */
  private Optional<Read> selfAttribute(Expr.Attribute a, Scope scope) {
    ClassInfo self = scope.selfClass();
    if (self == null || !(a.value() instanceof Expr.Name n) || !n.id().equals(scope.selfName())) {
      return Optional.empty();
    }
    Set<FunctionInfo> setters = new LinkedHashSet<>();
    for (ClassInfo c : resolver.mro(self)) {
      c.attribute(a.attr()).forEach(at -> setters.add(at.method()));
    }
    if (setters.size() != 1) {
      return Optional.empty();
    }
    FunctionInfo setter = setters.iterator().next();
    Scope there = resolver.scopeOf(setter).withSelf(self);
    Optional<Read> read = Optional.empty();
    for (Stmt s : setter.ast().body()) {
      if (s instanceof Stmt.Assign as && as.targets().size() == 1
          && selfAttribute(as.targets().get(0), a.attr(), there)) {
        read = fallback(as.value(), there.module());
        if (read.isEmpty()) {
          return read;
        }
      } else if (read.isPresent() && s instanceof Stmt.If i && i.orElse().isEmpty()
          && remapsOthers(i.test(), a.attr(), read.get(), there)) {
        continue;
      } else if (sets(s, a.attr(), there)) {
        return Optional.empty();
      }
    }
    return read;
  }

  private static boolean selfAttribute(Expr e, String attr, Scope scope) {
    return e instanceof Expr.Attribute t && t.attr().equals(attr)
        && t.value() instanceof Expr.Name n && n.id().equals(scope.selfName());
  }

  private static boolean sets(Stmt s, String attr, Scope scope) {
    boolean[] found = {false};
    StatementWalker.forEach(List.of(s), x -> found[0] |= x instanceof Stmt.Assign as
        && as.targets().stream().anyMatch(t -> selfAttribute(t, attr, scope)));
    return found[0];
  }

  /** {@code self.attr in D}, D a dict literal of the module none of whose keys is the read's. */
  private boolean remapsOthers(Expr test, String attr, Read read, Scope scope) {
    if (!(test instanceof Expr.Operation op && op.op().equals("in") && op.operands().size() == 2
        && selfAttribute(op.operands().get(0), attr, scope)
        && op.operands().get(1) instanceof Expr.Name d
        && scope.module().bindings().get(d.id()) instanceof Binding.Assignment b
        && b.value() instanceof Expr.Dict dict)) {
      return false;
    }
    Scope module = Scope.ofModule(scope.module());
    for (Expr k : dict.keys()) {
      if (!(resolver.valueOf(k, module) instanceof Value.StringValue key)
          || key.value().equals(read.value())) {
        return false;
      }
    }
    return true;
  }

  /** {@code CONF.x} or {@code name or CONF.x}: the option read. */
  private Optional<Read> fallback(Expr value, ModuleInfo module) {
    if (value instanceof Expr.Operation op && op.op().equals("or")) {
      return option(op.operands().get(op.operands().size() - 1), module);
    }
    return option(value, module);
  }

  /** The truth of a test: an option, {@code not} one, or a constructor's parameter. */
  private Optional<Read> truth(Expr test, Scope scope) {
    if (test instanceof Expr.Operation op && op.op().equals("not") && op.operands().size() == 1) {
      return truth(op.operands().get(0), scope)
          .map(r -> new Read(!Deployed.truthy(r.value()), r.from()));
    }
    Optional<Read> direct = option(test, scope.module());
    if (direct.isPresent()) {
      return direct;
    }
    FunctionInfo fn = scope.function();
    if (test instanceof Expr.Name n && fn != null && fn.owner() != null
        && fn.name().equals("__init__") && scope.param(n.id()) != null) {
      return constructedWith(fn, n.id());
    }
    return Optional.empty();
  }

  /**
   * What every construction of {@code init}'s class passes for {@code param}, read from the
   * settings: one value all agree on, or nothing.
   */
  private Optional<Read> constructedWith(FunctionInfo init, String param) {
    List<Construction> made = constructions.computeIfAbsent(init.owner(), this::constructionsOf);
    Read agreed = null;
    for (Construction c : made) {
      Optional<Read> r = argument(c.call(), init, param)
          .flatMap(arg -> option(arg, c.module()));
      if (r.isEmpty() || agreed != null && !agreed.value().equals(r.get().value())) {
        return Optional.empty();
      }
      agreed = agreed == null ? r.get() : agreed;
    }
    return Optional.ofNullable(agreed);
  }

  /** The expression a call passes for a parameter of {@code init} (after self), if any. */
  private static Optional<Expr> argument(Expr.Call call, FunctionInfo init, String param) {
    List<Param> params = init.ast().params();
    int position = -1;
    for (int i = 1; i < params.size(); i++) {
      if (params.get(i).name().equals(param)) {
        position = i - 1;
      }
    }
    int positional = 0;
    for (Arg a : call.args()) {
      if (a.kind() == Arg.Kind.KEYWORD && param.equals(a.keyword())) {
        return Optional.of(a.value());
      }
      if (a.kind() == Arg.Kind.POSITIONAL) {
        if (positional == position) {
          return Optional.of(a.value());
        }
        positional++;
      } else if (a.kind() != Arg.Kind.KEYWORD) {
        return Optional.empty(); // *args or **kwargs: what lands where is not known
      }
    }
    return Optional.empty();
  }

  /**
   * The calls of the tree's modules that construct {@code cls}, by its name, resolved in their
   * module ({@code imagebackend.Backend(CONF.use_cow_images)}).
   */
  private List<Construction> constructionsOf(ClassInfo cls) {
    List<Construction> out = new ArrayList<>();
    for (ModuleInfo m : resolver.index().modules()) {
      Scope scope = Scope.ofModule(m);
      StatementWalker.everywhere(m.ast().body(), s -> {
        for (Expr e : expressions(s)) {
          calls(e, cls.name(), found -> {
            if (resolver.valueOf(found.func(), scope) instanceof Value.ClassValue cv
                && cv.cls() == cls) {
              out.add(new Construction(found, m));
            }
          });
        }
      });
    }
    return out;
  }

  private static List<Expr> expressions(Stmt s) {
    if (s instanceof Stmt.Assign a) {
      return List.of(a.value());
    }
    if (s instanceof Stmt.ExprStmt x) {
      return List.of(x.value());
    }
    if (s instanceof Stmt.Return r && r.value() != null) {
      return List.of(r.value());
    }
    return List.of();
  }

  private static void calls(Expr e, String name, java.util.function.Consumer<Expr.Call> out) {
    if (e == null) {
      return;
    }
    if (e instanceof Expr.Call c && name.equals(Names.simpleName(c.func()))) {
      out.accept(c);
    }
    ExprChildren.of(e).forEach(child -> calls(child, name, out));
  }

  /** {@code CONF.group.option} or {@code CONF.option} (of [DEFAULT]), as the settings say. */
  private Optional<Read> option(Expr e, ModuleInfo module) {
    if (!(e instanceof Expr.Attribute a)) {
      return Optional.empty();
    }
    Optional<Settings.Setting> s = Optional.empty();
    if (resolver.hints().isSettingsObject(a.value(), module)) {
      s = settings.get(Option.DEFAULT_GROUP, a.attr());
    } else if (a.value() instanceof Expr.Attribute g
        && resolver.hints().isSettingsObject(g.value(), module)) {
      s = settings.get(g.attr(), a.attr());
    }
    return s.filter(x -> x.value() != Option.UNKNOWN && x.value() != null)
        .map(x -> new Read(x.value(), List.of(x)));
  }
}
