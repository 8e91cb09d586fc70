package dev.novatrace.trace;

import dev.novatrace.config.Settings;
import dev.novatrace.index.Binding;
import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Param;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Static name and type resolution over a {@link CodeIndex}: follows imports and aliases, module
 * {@code __init__} re-exports, attribute types bound on {@code self}, inheritance (MRO and
 * {@code super()}), constructor calls and simple return types. It never guesses: what it cannot
 * tell is {@link Value#UNKNOWN}.
 */
public final class Resolver {
  private static final int MAX_DEPTH = 24;
  /** oslo's loaders of a class by its dotted name: an object of it, or the class. */
  private static final String IMPORT_OBJECT = "oslo_utils.importutils.import_object";
  private static final String IMPORT_CLASS = "oslo_utils.importutils.import_class";
  /** oslo's loader of a module by its dotted name (cinder's {@code db_driver}). */
  private static final String IMPORT_MODULE = "oslo_utils.importutils.import_module";

  private final CodeIndex index;
  private final TypeHints hints;
  private final Misses misses;
  private final Map<ClassInfo, List<ClassInfo>> mroCache = new HashMap<>();
  private final Map<String, Value> attributeCache = new HashMap<>();
  private final Map<String, Optional<ClassInfo>> registryCache = new HashMap<>();
  private final Map<FunctionInfo, Scope> scopeCache = new HashMap<>();
  private final Set<Object> inProgress = new HashSet<>();
  private final OptionChoices choices = new OptionChoices(this);
  private final FlowCalls flows = new FlowCalls(this);
  private final ReturnTypes returns = new ReturnTypes(this);
  private final Rows rows = new Rows(this);
  private final Relationships relationships = new Relationships(this, rows);
  private int depth;

  public Resolver(CodeIndex index, TypeHints hints) {
    this(index, hints, Misses.NONE);
  }

  /** A resolver that tells {@code misses} of every module it looks for and does not find. */
  public Resolver(CodeIndex index, TypeHints hints, Misses misses) {
    this.index = index;
    this.hints = hints;
    this.misses = misses;
  }

  /** The module of that dotted name; one not in the tree is told to this resolver's misses. */
  public Optional<ModuleInfo> module(String dotted) {
    Optional<ModuleInfo> found = index.module(dotted);
    if (found.isEmpty()) {
      misses.module(dotted);
    }
    return found;
  }

  public CodeIndex index() {
    return index;
  }

  /**
   * Types values from now on as {@code deployment} configures them: a class picked from a
   * mapping keyed by an option ({@link OptionChoices}) is the one its settings pick. What was
   * typed under other settings is forgotten.
   */
  public void assume(Settings deployment) {
    if (choices.assume(deployment)) {
      attributeCache.clear();
      returns.clear();
    }
  }

  /** How the settings picked {@code cls}, when a mapping keyed by an option gave it. */
  Optional<OptionChoices.Choice> choiceOf(ClassInfo cls) {
    return choices.choiceOf(cls);
  }

  /** What the project profile tells the resolver (type hints, the task-flow library). */
  public TypeHints hints() {
    return hints;
  }

  /** Rows of the tree's mapped classes ({@link Rows}). */
  Rows rows() {
    return rows;
  }

  public Scope scopeOf(FunctionInfo f) {
    return scopeCache.computeIfAbsent(f, Scope::ofFunction);
  }

  /** The scope of a function defined inside another one, closing over {@code enclosing}. */
  public Scope nestedScope(FunctionInfo nested, Scope enclosing) {
    return scopeCache.computeIfAbsent(nested, f -> Scope.ofNested(f, enclosing));
  }

  /** Finds a class by dotted name ({@code nova.compute.manager.ComputeManager}). */
  public Optional<ClassInfo> classNamed(String dotted) {
    int dot = dotted.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    return module(dotted.substring(0, dot))
        .map(m -> memberOf(m, dotted.substring(dot + 1)))
        .filter(v -> v instanceof Value.ClassValue)
        .map(v -> ((Value.ClassValue) v).cls());
  }

  /** The value of an expression in a scope. */
  public Value valueOf(Expr e, Scope scope) {
    if (depth > MAX_DEPTH) {
      return Value.UNKNOWN;
    }
    depth++;
    try {
      return evaluate(e, scope);
    } finally {
      depth--;
    }
  }

  private Value evaluate(Expr e, Scope scope) {
    if (e instanceof Expr.Name n) {
      return nameValue(n.id(), scope);
    } else if (e instanceof Expr.Attribute a) {
      return attributeOf(valueOf(a.value(), scope), a.attr());
    } else if (e instanceof Expr.Call c) {
      return callResult(c, scope);
    } else if (e instanceof Expr.Constant c && c.kind() == Expr.ConstKind.STRING) {
      return new Value.StringValue(c.value());
    } else if (e instanceof Expr.Operation op) {
      return operation(op, scope);
    } else if (e instanceof Expr.IfExp ie) {
      Value v = valueOf(ie.body(), scope);
      return v instanceof Value.Unknown ? valueOf(ie.orElse(), scope) : v;
    } else if (e instanceof Expr.Await aw) {
      return valueOf(aw.value(), scope);
    } else if (e instanceof Expr.Subscript s) {
      Value element = s.value() instanceof Expr.Call c && s.index() instanceof Expr.Constant k
          && k.kind() == Expr.ConstKind.NUMBER ? returns.returnedElement(c, k.value(), scope) : null;
      return element != null ? element : choices.lookup(s.value(), s.index(), scope);
    }
    return Value.UNKNOWN;
  }

  private Value operation(Expr.Operation op, Scope scope) {
    switch (op.op()) {
      case "or", "and" -> {
        for (Expr operand : op.operands()) {
          Value v = valueOf(operand, scope);
          if (!(v instanceof Value.Unknown) && !(v instanceof Value.StringValue)) {
            return v;
          }
        }
        return Value.UNKNOWN;
      }
      case "%" -> {
        if (valueOf(op.operands().get(0), scope) instanceof Value.StringValue fmt) {
          return new Value.StringValue(PercentFormat.apply(fmt.value(), op.operands().get(1),
              x -> valueOf(x, scope)));
        }
        return Value.UNKNOWN;
      }
      case "+" -> {
        StringBuilder sb = new StringBuilder();
        for (Expr operand : op.operands()) {
          if (!(valueOf(operand, scope) instanceof Value.StringValue s)) {
            return Value.UNKNOWN;
          }
          sb.append(s.value());
        }
        return new Value.StringValue(sb.toString());
      }
      default -> {
        return Value.UNKNOWN;
      }
    }
  }

  private Value nameValue(String name, Scope scope) {
    if (scope.function() != null) {
      Value bound = scope.bound(name);
      if (bound != null) {
        return bound;
      }
      String self = scope.selfName();
      if (name.equals(self)) {
        return scope.isClassMethod()
            ? new Value.ClassValue(scope.selfClass())
            : new Value.InstanceValue(scope.selfClass());
      }
      Param p = scope.param(name);
      if (p != null) {
        Value passed = scope.passed(name);
        return passed != null ? passed : paramValue(p, scope);
      }
      Expr local = scope.local(name);
      if (local != null) {
        return guarded(List.of(scope.function(), name), () -> valueOf(local, scope));
      }
      if ("super".equals(name)) {
        return Value.UNKNOWN;
      }
      Binding imp = scope.importOf(name);
      if (imp != null) {
        return bindingValue(scope.module(), imp); // an import inside the function
      }
      if (scope.enclosing() != null) {
        return nameValue(name, scope.enclosing());
      }
    }
    return memberOf(scope.module(), name);
  }

  private Value paramValue(Param p, Scope scope) {
    if (p.defaultValue() != null) {
      Value v = valueOf(p.defaultValue(), scope);
      if (v instanceof Value.InstanceValue || v instanceof Value.ClassValue) {
        return v;
      }
    }
    for (String candidate : hints.parameterTypes(p.name())) {
      Optional<ClassInfo> cls = classNamed(candidate);
      if (cls.isPresent()) {
        return new Value.InstanceValue(cls.get());
      }
    }
    return Value.UNKNOWN;
  }

  /** What {@code module.name} is: a definition, an import, an assignment, or a submodule. */
  public Value memberOf(ModuleInfo module, String name) {
    Binding b = module.bindings().get(name);
    if (b != null) {
      Value v = guarded(List.of(module, name), () -> bindingValue(module, b));
      if (!(v instanceof Value.Unknown)) {
        return v;
      }
    }
    Optional<ModuleInfo> sub = module(module.name() + "." + name);
    if (sub.isPresent()) {
      return new Value.ModuleValue(sub.get());
    }
    if (hints.registryPackages().contains(module.name())) {
      return registryClass(module.name(), name).<Value>map(Value.ClassValue::new)
          .orElse(Value.UNKNOWN);
    }
    // from cinder.db.api import *: the package's public names are the module's.
    if (!name.startsWith("_")) {
      for (String star : module.starImports()) {
        Value v = module(star).map(m -> guarded(List.of(m, name, "*"), () -> memberOf(m, name)))
            .orElse(Value.UNKNOWN);
        if (!(v instanceof Value.Unknown)) {
          return v;
        }
      }
    }
    return Value.UNKNOWN;
  }

  private Value bindingValue(ModuleInfo module, Binding b) {
    if (b instanceof Binding.ClassDef c) {
      return new Value.ClassValue(c.info());
    } else if (b instanceof Binding.FunctionDef f) {
      return new Value.FunctionValue(f.info(), null);
    } else if (b instanceof Binding.ModuleImport mi) {
      return module(mi.module()).<Value>map(Value.ModuleValue::new).orElse(Value.UNKNOWN);
    } else if (b instanceof Binding.FromImport fi) {
      Optional<ModuleInfo> sub = module(fi.module() + "." + fi.symbol());
      if (sub.isPresent()) {
        return new Value.ModuleValue(sub.get());
      }
      return module(fi.module()).map(m -> memberOf(m, fi.symbol())).orElse(Value.UNKNOWN);
    } else if (b instanceof Binding.Assignment a) {
      return valueOf(a.value(), Scope.ofModule(module));
    }
    return Value.UNKNOWN;
  }

  /** A class registered at run time in a package ({@code objects.Instance}): search submodules. */
  private Optional<ClassInfo> registryClass(String pkg, String name) {
    Optional<ClassInfo> found = registryCache.computeIfAbsent(pkg + ":" + name, k -> {
      for (ModuleInfo m : index.modulesUnder(pkg)) {
        ClassInfo c = m.classes().get(name);
        if (c != null) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    });
    if (found.isEmpty()) {
      misses.registered(pkg);
    }
    return found;
  }

  /** {@code value.attr}. */
  public Value attributeOf(Value value, String attr) {
    if (value instanceof Value.ModuleValue m) {
      return memberOf(m.module(), attr);
    } else if (value instanceof Value.InstanceValue iv) {
      return instanceAttribute(iv.cls(), iv.cls(), attr, value);
    } else if (value instanceof Value.ClassValue cv) {
      FunctionInfo f = lookupMethod(cv.cls(), attr, null);
      if (f != null) {
        return new Value.FunctionValue(f, value);
      }
      return classAttribute(cv.cls(), attr);
    } else if (value instanceof Value.SuperValue sv) {
      FunctionInfo f = lookupMethod(sv.self(), attr, sv.current());
      return f == null ? Value.UNKNOWN
          : new Value.FunctionValue(f, new Value.InstanceValue(sv.self()));
    }
    return Value.UNKNOWN;
  }

  private Value instanceAttribute(ClassInfo self, ClassInfo cls, String attr, Value receiver) {
    FunctionInfo f = lookupMethod(cls, attr, null);
    if (f != null) {
      if (f.hasDecoratorNamed("property")) {
        return returnValue(f);
      }
      return new Value.FunctionValue(f, receiver);
    }
    String key = cls.qualifiedName() + "#" + attr;
    Value cached = attributeCache.get(key);
    if (cached != null) {
      return cached;
    }
    Value related = relationships.related(cls, attr);
    if (related != null) {
      attributeCache.put(key, related);
      return related;
    }
    Value v = guarded(key, () -> computeAttribute(cls, attr));
    attributeCache.put(key, v);
    return v;
  }

  private Value computeAttribute(ClassInfo cls, String attr) {
    for (ClassInfo c : mro(cls)) {
      Optional<ClassInfo> hinted = hints.attributeType(c.qualifiedName(), attr)
          .flatMap(this::classNamed);
      if (hinted.isPresent()) {
        return new Value.InstanceValue(hinted.get());
      }
      for (ClassInfo.AttributeAssignment a : c.attribute(attr)) {
        Value v = valueOf(a.value(), scopeOf(a.method()));
        if (v instanceof Value.Unknown && a.value() instanceof Expr.Name n
            && a.method() != null && a.method().name().equals("__init__") && c != cls) {
          // self.x = param in a base's __init__: what the instance's subclass hands up.
          v = SuperArguments.of(this, cls, a.method(), n.id());
        }
        if (!(v instanceof Value.Unknown)) {
          return v;
        }
      }
      if (c.nestedClass(attr) != null) {
        return new Value.ClassValue(c.nestedClass(attr)); // self.SwiftObjectWriter(...)
      }
      Expr classLevel = c.classAttribute(attr);
      if (classLevel != null) {
        Value v = valueOf(classLevel, Scope.ofModule(c.module()));
        if (v instanceof Value.ClassValue cv) {
          return new Value.InstanceValue(cv.cls());
        }
        if (!(v instanceof Value.Unknown)) {
          return v;
        }
      }
    }
    return Value.UNKNOWN;
  }

  private Value classAttribute(ClassInfo cls, String attr) {
    for (ClassInfo c : mro(cls)) {
      if (c.nestedClass(attr) != null) {
        return new Value.ClassValue(c.nestedClass(attr));
      }
      Expr classLevel = c.classAttribute(attr);
      Value v = classLevel == null ? Value.UNKNOWN
          : valueOf(classLevel, Scope.ofModule(c.module()));
      if (v instanceof Value.Unknown) {
        v = setByClassMethod(c, attr);
      }
      if (classLevel != null || !(v instanceof Value.Unknown)) {
        return v;
      }
    }
    return Value.UNKNOWN;
  }

  /**
   * What a classmethod of {@code c} sets {@code cls.attr} to, where the class body leaves it
   * unknown: a singleton the class builds on first use ({@code _instance = None}, then
   * {@code cls._instance = cls()} in {@code get_instance}) is an instance of the class.
   */
  private Value setByClassMethod(ClassInfo c, String attr) {
    for (ClassInfo.AttributeAssignment a : c.attribute(attr)) {
      if (a.method().hasDecoratorNamed("classmethod")) {
        Value v = valueOf(a.value(), scopeOf(a.method()));
        if (!(v instanceof Value.Unknown)) {
          return v;
        }
      }
    }
    return Value.UNKNOWN;
  }

  /**
   * The method {@code name} as found along the MRO of {@code cls}; with {@code after} set,
   * only classes after it in the MRO are searched (that is {@code super()}).
   */
  public FunctionInfo lookupMethod(ClassInfo cls, String name, ClassInfo after) {
    boolean searching = after == null;
    for (ClassInfo c : mro(cls)) {
      if (!searching) {
        searching = c == after;
        continue;
      }
      FunctionInfo f = c.methods().get(name);
      if (f == null && c.classAttribute(name) instanceof Expr.Name alias) {
        f = c.methods().get(alias.id()); // subnet_create_end = subnet_update_end
      }
      if (f != null) {
        return f;
      }
    }
    return null;
  }

  /**
   * Method resolution order, as Python's C3 linearization gives it over the bases the tree
   * defines: a mixin listed later takes precedence over a base that another listed base also
   * inherits ({@code class P(ExtraRoute_dbonly_mixin, L3NotifierMixin)} with
   * {@code L3_gw_ip_qos_dbonly_mixin} inheriting {@code L3_NAT_dbonly_mixin} later on: the
   * notifier mixin's {@code add_router_interface} wins). Where the bases admit no C3 order
   * (broken or partly unread code), depth-first, left to right, each class once.
   */
  public List<ClassInfo> mro(ClassInfo cls) {
    List<ClassInfo> cached = mroCache.get(cls);
    if (cached != null) {
      return cached;
    }
    mroCache.put(cls, List.of(cls)); // breaks cycles in broken code
    List<ClassInfo> bases = new ArrayList<>();
    for (Expr base : cls.baseExpressions()) {
      Value v = valueOf(base, Scope.ofModule(cls.module()));
      if (v instanceof Value.ClassValue cv && cv.cls() != cls && !bases.contains(cv.cls())) {
        bases.add(cv.cls());
      }
      if (!(v instanceof Value.ClassValue)) {
        metaclassBases(base, cls.module()).stream()
            .filter(b -> b != cls && !bases.contains(b)).forEach(bases::add);
      }
    }
    List<List<ClassInfo>> lists = new ArrayList<>();
    bases.forEach(b -> lists.add(new ArrayList<>(mro(b))));
    lists.add(new ArrayList<>(bases));
    List<ClassInfo> result = new ArrayList<>(List.of(cls));
    if (!C3.merge(lists, result)) {
      LinkedHashSet<ClassInfo> order = new LinkedHashSet<>(List.of(cls));
      bases.forEach(b -> order.addAll(mro(b)));
      result = new ArrayList<>(order);
    }
    mroCache.put(cls, result);
    return result;
  }

  /**
   * The bases of a class made by {@code with_metaclass(Meta, *bases)} (six's, or a copy of it:
   * Neutron's {@code NeutronRbacObject = utils.with_metaclass(RbacNeutronMetaclass,
   * base.NeutronDbObject)}), named as a base: the function builds a class of those bases.
   */
  private List<ClassInfo> metaclassBases(Expr base, ModuleInfo module) {
    ModuleInfo where = module;
    String name;
    if (base instanceof Expr.Attribute a
        && valueOf(a.value(), Scope.ofModule(module)) instanceof Value.ModuleValue mv) {
      where = mv.module();
      name = a.attr();
    } else if (base instanceof Expr.Name n) {
      name = n.id();
    } else {
      return List.of();
    }
    if (!(where.bindings().get(name) instanceof Binding.Assignment assigned)
        || !(assigned.value() instanceof Expr.Call c)
        || !"with_metaclass".equals(Names.simpleName(c.func())) || c.args().size() < 2) {
      return List.of();
    }
    List<ClassInfo> out = new ArrayList<>();
    for (Arg arg : c.args().subList(1, c.args().size())) {
      if (arg.kind() == Arg.Kind.POSITIONAL
          && valueOf(arg.value(), Scope.ofModule(where)) instanceof Value.ClassValue cv) {
        out.add(cv.cls());
      }
    }
    return out;
  }

  private Value callResult(Expr.Call c, Scope scope) {
    if (c.func() instanceof Expr.Name n && "super".equals(n.id()) && scope.owner() != null) {
      return new Value.SuperValue(scope.owner(), scope.selfClass());
    }
    Value loaded = loadedByAlias(c, scope);
    if (loaded != null) {
      return loaded;
    }
    Value callee = valueOf(c.func(), scope);
    if (callee instanceof Value.Unknown) {
      Value row = rows.row(c, scope);
      return row != null ? row : builtinCall(c, scope);
    }
    if (callee instanceof Value.ClassValue cv) {
      return new Value.InstanceValue(cv.cls());
    }
    if (callee instanceof Value.FunctionValue fv) {
      if (c.args().size() == 1 && c.args().get(0).kind() == Arg.Kind.POSITIONAL
          && valueOf(c.args().get(0).value(), scope) instanceof Value.StringValue key) {
        Optional<ClassInfo> chosen = hints.factoryTypeFor(fv.function().qualifiedName(),
            key.value()).flatMap(this::classNamed);
        if (chosen.isPresent()) {
          return new Value.InstanceValue(chosen.get());
        }
      }
      for (String candidate : hints.factoryTypes(fv.function().qualifiedName())) {
        Optional<ClassInfo> cls = classNamed(candidate);
        if (cls.isPresent()) {
          return new Value.InstanceValue(cls.get());
        }
      }
      Expr through = returns.passedThrough(fv, c, true);
      if (through != null) {
        return valueOf(through, scope);
      }
      Value returned = returns.returnValue(fv);
      Value row = returned instanceof Value.Unknown ? rows.passedModelRow(fv, c, scope) : null;
      if (row == null && returned instanceof Value.Unknown) {
        row = rows.passedElement(fv, c, scope);
      }
      return row != null ? row : returned;
    }
    return Value.UNKNOWN;
  }

  /**
   * The class a loader gives for an entry point named by a literal or by the deployment's
   * settings ({@code mgr.load_class_for_provider('neutron.ipam_drivers', ipam_driver_name)},
   * {@code ipam_driver_name = cfg.CONF.ipam_driver}, default {@code internal}), or null when the
   * call is no such load or the name is not known.
   */
  private Value loadedByAlias(Expr.Call c, Scope scope) {
    String loader = Names.simpleName(c.func());
    List<Arg> args = c.args();
    if (loader == null || args.size() != 2 || args.get(0).kind() != Arg.Kind.POSITIONAL
        || args.get(1).kind() != Arg.Kind.POSITIONAL
        || !(valueOf(args.get(0).value(), scope) instanceof Value.StringValue namespace)) {
      return null;
    }
    return choices.named(args.get(1).value(), scope)
        .flatMap(name -> hints.classByAlias(loader, namespace.value(), name))
        .flatMap(this::classNamed).<Value>map(Value.ClassValue::new).orElse(null);
  }

  /**
   * The argument a function gives back as it was passed, or null: {@code tpool_wrap(target)}
   * returns {@code target} (or a proxy of it), so {@code tpool_wrap(f)(...)} calls {@code f}.
   * Only a callable argument counts: the function is a wrapper, not a getter.
   */
  Expr passedThrough(Value.FunctionValue fv, Expr.Call c) {
    return returns.passedThrough(fv, c, false);
  }


  /**
   * {@code functools.partial(f, ...)}: it wraps {@code f} for a later call and runs nothing
   * itself.
   */
  public static boolean isPartial(Expr.Call c) {
    return "partial".equals(Names.simpleName(c.func())) && !c.args().isEmpty();
  }

  /**
   * Python's own ways of naming a callable, where the tree does not define the name:
   * {@code getattr(obj, 'name')} with a literal name is {@code obj.name}, and
   * {@code functools.partial(f, ...)} calls {@code f}.
   */
  private Value builtinCall(Expr.Call c, Scope scope) {
    Value flow = flows.call(c, scope);
    if (flow != null) {
      return flow;
    }
    String name = Names.simpleName(c.func());
    List<Arg> args = c.args();
    if (args.isEmpty() || args.get(0).kind() != Arg.Kind.POSITIONAL) {
      return Value.UNKNOWN;
    }
    if (args.size() == 1 && hints.returnsItsArgument(c)) {
      return valueOf(args.get(0).value(), scope);
    }
    if ("get".equals(name) && c.func() instanceof Expr.Attribute a) {
      return choices.lookup(a.value(), args.get(0).value(), scope);
    }
    String loader = importedName(c.func(), scope);
    if (IMPORT_OBJECT.equals(loader) || IMPORT_CLASS.equals(loader)) {
      return choices.imported(args.get(0).value(), scope).<Value>map(cls ->
          IMPORT_OBJECT.equals(loader) ? new Value.InstanceValue(cls) : new Value.ClassValue(cls))
          .orElse(Value.UNKNOWN);
    }
    if (IMPORT_MODULE.equals(loader)) {
      return choices.importedModule(args.get(0).value(), scope).<Value>map(Value.ModuleValue::new)
          .orElse(Value.UNKNOWN);
    }
    if ("getattr".equals(name) && c.func() instanceof Expr.Name && args.size() >= 2
        && valueOf(args.get(1).value(), scope) instanceof Value.StringValue attr) {
      return attributeOf(valueOf(args.get(0).value(), scope), attr.value());
    }
    if (isPartial(c)) {
      Value f = valueOf(args.get(0).value(), scope);
      return f instanceof Value.FunctionValue ? f : Value.UNKNOWN;
    }
    return Value.UNKNOWN;
  }


  /**
   * The dotted name an expression has through the imports of its module, for names the tree
   * does not define ({@code linear_flow.Flow} after {@code from taskflow.patterns import
   * linear_flow} is {@code taskflow.patterns.linear_flow.Flow}); null for anything else.
   */
  public String importedName(Expr e, Scope scope) {
    if (e instanceof Expr.Attribute a) {
      String owner = importedName(a.value(), scope);
      return owner == null ? null : owner + "." + a.attr();
    }
    if (!(e instanceof Expr.Name n) || scope.function() != null
        && (scope.param(n.id()) != null || scope.local(n.id()) != null)) {
      return null;
    }
    Binding b = scope.module().bindings().get(n.id());
    if (b instanceof Binding.ModuleImport mi) {
      return mi.module();
    }
    if (b instanceof Binding.FromImport fi) {
      return fi.module() + "." + fi.symbol();
    }
    return null;
  }

  /** The first return value of a function whose type can be told ({@link ReturnTypes}). */
  public Value returnValue(FunctionInfo f) {
    return returns.returnValue(f);
  }

  /**
   * {@code compute}'s value, or UNKNOWN when {@code key} is being computed already (a cycle in
   * the code, or in the reading of it).
   */
  Value guarded(Object key, java.util.function.Supplier<Value> compute) {
    if (!inProgress.add(key)) {
      return Value.UNKNOWN;
    }
    try {
      return compute.get();
    } finally {
      inProgress.remove(key);
    }
  }
}