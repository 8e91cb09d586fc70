package dev.novatrace.config;

import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every oslo.config option a tree declares ({@code cfg.StrOpt('driver', default=...)}), with the
 * group it is registered in, its type and its default, read statically from the index.
 *
 * <p>An option's group comes from the {@code register_opts(LIST, group=G)} /
 * {@code register_opt(OPT, group=G)} calls of the modules read, wherever they sit (module level or
 * a {@code def register_opts(conf)}); an option registered in several groups (Cinder's
 * {@code [DEFAULT]} and {@code [backend_defaults]}) comes out once per group. An option no call
 * registers takes the group its module's {@code list_opts()} gives it (what
 * oslo-config-generator lists), else its module's only {@code OptGroup}, else DEFAULT.
 */
public final class OptionReader {
  private static final Set<String> REGISTER =
      Set.of("register_opts", "register_opt", "register_cli_opts", "register_cli_opt");

  private final PyNames names;
  private final PyLiterals literals;
  private final OptionGroups groups;
  /** Every Opt call found, in the order met, and the groups registrations put it in. */
  private final Map<Expr.Call, Site> sites = new IdentityHashMap<>();
  private final List<Site> order = new ArrayList<>();
  /** A project's own registering methods, each to the one group it registers in. */
  private final Map<String, String> registrars;

  private OptionReader(CodeIndex index) {
    this(index, Map.of());
  }

  private OptionReader(CodeIndex index, Map<String, String> registrars) {
    this.registrars = registrars;
    this.names = new PyNames(index);
    this.literals = new PyLiterals(names);
    this.groups = new OptionGroups(names, literals);
  }

  /** One {@code cfg.XxxOpt(...)} call of the tree and the groups it is registered in. */
  private record Site(ModuleInfo module, Expr.Call call, String optClass, Set<String> groups) {}

  /**
   * The options declared in the modules of {@code confPackage} ({@code nova.conf}), sorted by
   * file, line and group.
   */
  public static List<Option> read(CodeIndex index, String confPackage) {
    return new OptionReader(index).readModules(index.modulesUnder(confPackage));
  }

  /**
   * The options declared anywhere in {@code topPackage} ({@code cinder}), its tests left out:
   * for a tree that declares options next to the code that reads them.
   */
  public static List<Option> readAll(CodeIndex index, String topPackage) {
    return readAll(index, topPackage, Map.of());
  }

  /**
   * As {@link #readAll(CodeIndex, String)}, where a project registers options with methods of
   * its own as well, each into one group ({@code self.configuration.append_config_values(opts)}:
   * Cinder's backend sections, read through {@code [backend_defaults]}).
   */
  public static List<Option> readAll(CodeIndex index, String topPackage,
      Map<String, String> registrars) {
    List<ModuleInfo> modules = new ArrayList<>(index.modulesUnder(topPackage));
    String tests = topPackage + ".tests";
    modules.removeIf(m -> m.name().equals(tests) || m.name().startsWith(tests + "."));
    return new OptionReader(index, registrars).readModules(modules);
  }

  private List<Option> readModules(List<ModuleInfo> modules) {
    for (ModuleInfo m : modules) {
      collectDeclared(m);
    }
    for (ModuleInfo m : modules) {
      collectRegistrations(m);
    }
    Set<Option> found = new LinkedHashSet<>();
    for (Site s : order) {
      toOptions(s).forEach(found::add);
    }
    Map<String, Object> raw = new TreeMap<>();
    found.forEach(o -> raw.putIfAbsent(Interpolation.key(o.group(), o.name()), o.defaultValue()));
    Interpolation interpolation = new Interpolation(raw);
    Set<Option> out = new LinkedHashSet<>();
    for (Option o : found) {
      out.add(new Option(o.group(), o.name(), o.type(), typed(interpolation, o), o.path(),
          o.line()));
    }
    List<Option> sorted = new ArrayList<>(out);
    sorted.sort(Comparator.comparing(Option::path).thenComparingInt(Option::line)
        .thenComparing(Option::group).thenComparing(Option::name));
    return List.copyOf(sorted);
  }

  /** Opt calls anywhere in the module-level code of {@code m}, not inside a def or class. */
  private void collectDeclared(ModuleInfo m) {
    StatementWalker.forEach(m.ast().body(), s -> {
      for (Expr e : PyNames.expressions(s)) {
        findOpts(new PyNames.Code(m, e, Map.of()));
      }
    });
  }

  /** A walk with a stack of its own: an expression of 20,000 terms must not exhaust the thread's. */
  private void findOpts(PyNames.Code top) {
    Deque<Expr> todo = new ArrayDeque<>();
    todo.push(top.expr());
    while (!todo.isEmpty()) {
      Expr e = todo.pop();
      Optional<String> cls = optClass(top.module(), e, top.locals());
      if (cls.isPresent()) {
        site(top.module(), (Expr.Call) e, cls.get());
        continue; // what it holds (deprecated_opts=[cfg.DeprecatedOpt(...)]) is no option
      }
      List<Expr> children = PyNames.children(e);
      for (int i = children.size() - 1; i >= 0; i--) {
        todo.push(children.get(i)); // in source order, as the sites are numbered
      }
    }
  }

  private Site site(ModuleInfo m, Expr.Call call, String cls) {
    return sites.computeIfAbsent(call, k -> {
      Site s = new Site(m, call, cls, new LinkedHashSet<>());
      order.add(s);
      return s;
    });
  }

  /**
   * {@code StrOpt} when {@code e} is a call of an oslo.config option class ({@code cfg.StrOpt},
   * {@code oslo_config.cfg.IntOpt}, an imported {@code StrOpt}); {@code DeprecatedOpt} is none.
   */
  Optional<String> optClass(ModuleInfo m, Expr e, Map<String, Expr> locals) {
    if (!(e instanceof Expr.Call call)
        || !(call.func() instanceof Expr.Attribute || call.func() instanceof Expr.Name)) {
      return Optional.empty();
    }
    String last = call.func() instanceof Expr.Attribute a ? a.attr() : ((Expr.Name) call.func()).id();
    if (!last.endsWith("Opt") || last.equals("DeprecatedOpt")) {
      return Optional.empty(); // cheap test first: most calls are not options
    }
    PyNames.Value f = names.resolve(new PyNames.Code(m, call.func(), locals));
    if (f instanceof PyNames.External x && x.dotted().startsWith("oslo_config.")) {
      return Optional.of(last);
    }
    return Optional.empty();
  }

  /** Every {@code X.register_opt(s)(...)} call, at module level and in every function. */
  private void collectRegistrations(ModuleInfo m) {
    registrations(m, m.ast().body(), Map.of());
  }

  private void registrations(ModuleInfo m, List<Stmt> body, Map<String, Expr> locals) {
    StatementWalker.forEach(body, s -> {
      if (s instanceof Stmt.FunctionDef f) {
        registrations(m, f.body(), PyNames.collect(f.body()));
      } else if (s instanceof Stmt.ClassDef c) {
        registrations(m, c.body(), Map.of());
      } else if (s instanceof Stmt.ExprStmt x && x.value() instanceof Expr.Call call
          && call.func() instanceof Expr.Attribute a && REGISTER.contains(a.attr())) {
        register(new PyNames.Code(m, call, locals), call);
      } else if (s instanceof Stmt.ExprStmt x && x.value() instanceof Expr.Call call
          && call.func() instanceof Expr.Attribute a && registrars.containsKey(a.attr())) {
        registerIn(new PyNames.Code(m, call, locals), call, registrars.get(a.attr()));
      }
    });
  }

  /** {@code register_opts(opts, group=None)}: the group by keyword or second positional. */
  private void register(PyNames.Code where, Expr.Call call) {
    Expr opts = argument(call, 0, "opts").or(() -> argument(call, 0, "opt")).orElse(null);
    if (opts == null) {
      return;
    }
    Optional<Expr> groupArg = argument(call, 1, "group");
    String group = groupArg.isEmpty() ? Option.DEFAULT_GROUP
        : groups.name(new PyNames.Code(where.module(), groupArg.get(), where.locals()));
    if (group == null) {
      return; // a group chosen at run time (a loop over backends): nothing static to say
    }
    registerIn(where, call, group);
  }

  /** The options {@code call}'s first argument lists, registered in {@code group}. */
  private void registerIn(PyNames.Code where, Expr.Call call, String group) {
    Expr opts = argument(call, 0, "opts").or(() -> argument(call, 0, "opt")).orElse(null);
    if (opts == null) {
      return;
    }
    for (PyNames.Code opt : OptLists.flatten(names,
        new PyNames.Code(where.module(), opts, where.locals()), this::isOpt)) {
      Expr.Call c = (Expr.Call) opt.expr();
      site(opt.module(), c, optClass(opt.module(), c, opt.locals()).orElseThrow())
          .groups().add(group);
    }
  }

  private boolean isOpt(PyNames.Code c) {
    return optClass(c.module(), c.expr(), c.locals()).isPresent();
  }

  /** The argument at {@code position} or named {@code keyword}, if given. */
  static Optional<Expr> argument(Expr.Call call, int position, String keyword) {
    int positional = 0;
    for (Arg a : call.args()) {
      if (a.kind() == Arg.Kind.KEYWORD && keyword.equals(a.keyword())) {
        return Optional.of(a.value());
      }
      if (a.kind() == Arg.Kind.POSITIONAL) {
        if (positional == position) {
          return Optional.of(a.value());
        }
        positional++;
      }
    }
    return Optional.empty();
  }

  private List<Option> toOptions(Site s) {
    Expr nameArg = argument(s.call(), 0, "name").orElse(null);
    Object name = nameArg == null ? null
        : literals.eval(new PyNames.Code(s.module(), nameArg, Map.of()));
    if (!(name instanceof String n) || n.isEmpty()) {
      return List.of(); // a name the code computes: no key an operator could set
    }
    Option.Type type = Option.Type.ofClass(s.optClass());
    Object value = defaultOf(s);
    Set<String> in = s.groups().isEmpty() ? Set.of(groups.unregistered(s.module(), s.call()))
        : s.groups();
    List<Option> out = new ArrayList<>();
    for (String g : in) {
      out.add(new Option(g, n, type, value, s.module().path(), s.call().pos().line()));
    }
    return out;
  }

  /**
   * The {@code default=} keyword as written; only the base class {@code Opt(name, type, dest,
   * short, default)} takes it by position.
   */
  private Object defaultOf(Site s) {
    Optional<Expr> arg = s.optClass().equals("Opt") ? argument(s.call(), 4, "default")
        : argument(s.call(), Integer.MAX_VALUE, "default");
    if (arg.isEmpty()) {
      return null;
    }
    return literals.eval(new PyNames.Code(s.module(), arg.get(), Map.of()));
  }

  /**
   * The default as its type makes it, once its {@code $name} references are replaced; a string
   * whose references are unknown keeps them as written.
   */
  private static Object typed(Interpolation interpolation, Option o) {
    Object v = o.defaultValue();
    if (v instanceof String s && s.contains("$")) {
      String done = interpolation.substitute(o.group(), s);
      if (done != null) {
        v = done;
      } else if (o.type() != Option.Type.STR) {
        return Option.UNKNOWN;
      }
    }
    return DefaultValues.typed(o.type(), v);
  }

  /**
   * What the {@code list_opts()} functions of {@code modules} list, as oslo-config-generator
   * would (Nova's nova/conf/opts.py gathers each module's; Cinder's cinder/opts.py lists them
   * all): {@code path:line} of each option's declaration to the groups it is listed in. For
   * checking the registrations read against what the project documents.
   */
  public static Map<String, Set<String>> listed(CodeIndex index, List<ModuleInfo> modules) {
    OptionReader r = new OptionReader(index);
    Map<String, Set<String>> out = new TreeMap<>();
    for (ModuleInfo m : modules) {
      for (OptionGroups.Listed l : r.groups.listOpts(m)) {
        out.computeIfAbsent(l.opt().module().path() + ":" + l.opt().expr().pos().line(),
            k -> new TreeSet<>()).add(l.group());
      }
    }
    return out;
  }
}
