package dev.novatrace.config;

import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The group names of oslo.config: what a {@code group=} argument names ({@code 'quota'}, a
 * {@code cfg.OptGroup('quota')}, {@code quota_group.name}, None for DEFAULT), and the group of an
 * option no call registers.
 */
final class OptionGroups {
  private final PyNames names;
  private final PyLiterals literals;
  private final Map<ModuleInfo, Map<Expr.Call, String>> listed = new HashMap<>();

  /** An option {@code list_opts()} lists, and the group it lists it in. */
  record Listed(PyNames.Code opt, String group) {}

  OptionGroups(PyNames names, PyLiterals literals) {
    this.names = names;
    this.literals = literals;
  }

  /** The group {@code c} names, or null when the code decides it at run time. */
  String name(PyNames.Code c) {
    return name(c, 0);
  }

  private String name(PyNames.Code c, int depth) {
    if (depth > PyNames.MAX_DEPTH) {
      return null;
    }
    if (c.expr() instanceof Expr.Attribute a && a.attr().equals("name")) {
      PyNames.Value owner = names.resolve(new PyNames.Code(c.module(), a.value(), c.locals()));
      if (owner instanceof PyNames.Code g && isOptGroup(g)) {
        return name(g, depth + 1);
      }
    }
    if (!(names.resolve(c) instanceof PyNames.Code r)) {
      return null;
    }
    if (r.expr() instanceof Expr.Constant k) {
      return switch (k.kind()) {
        case STRING -> k.value().equals(Option.DEFAULT_GROUP) ? Option.DEFAULT_GROUP : k.value();
        case NONE -> Option.DEFAULT_GROUP;
        default -> null;
      };
    }
    if (isOptGroup(r)) {
      Expr.Call call = (Expr.Call) r.expr();
      Optional<Expr> arg = OptionReader.argument(call, 0, "name");
      Object v = arg.map(x -> literals.eval(new PyNames.Code(r.module(), x, r.locals())))
          .orElse(null);
      return v instanceof String s && !s.isEmpty() ? s : null;
    }
    if (r.expr() instanceof Expr.Attribute && r != c) {
      return name(r, depth + 1);
    }
    return null;
  }

  /** Whether {@code c} is a call of {@code cfg.OptGroup}. */
  boolean isOptGroup(PyNames.Code c) {
    return c.expr() instanceof Expr.Call call
        && names.resolve(new PyNames.Code(c.module(), call.func(), c.locals()))
            instanceof PyNames.External x
        && x.dotted().startsWith("oslo_config.") && x.dotted().endsWith(".OptGroup");
  }

  /**
   * The group of an option no call registers: where its module's {@code list_opts()} lists it,
   * else the module's only OptGroup, else DEFAULT.
   */
  String unregistered(ModuleInfo m, Expr.Call opt) {
    String fromList = listed.computeIfAbsent(m, k -> {
      Map<Expr.Call, String> first = new IdentityHashMap<>();
      listOpts(k).forEach(l -> first.putIfAbsent((Expr.Call) l.opt().expr(), l.group()));
      return first;
    }).get(opt);
    if (fromList != null) {
      return fromList;
    }
    TreeSet<String> declared = new TreeSet<>();
    for (Expr value : names.assignments(m).values()) {
      PyNames.Code c = new PyNames.Code(m, value, Map.of());
      if (isOptGroup(c)) {
        String n = name(c);
        if (n != null) {
          declared.add(n);
        }
      }
    }
    return declared.size() == 1 ? declared.first() : Option.DEFAULT_GROUP;
  }

  /** What {@code def list_opts()} returns: {@code {group: opts}} or {@code [(group, opts)]}. */
  List<Listed> listOpts(ModuleInfo m) {
    List<Listed> out = new ArrayList<>();
    FunctionInfo f = m.functions().get("list_opts");
    if (f == null) {
      return out;
    }
    Map<String, Expr> locals = PyNames.collect(f.ast().body());
    StatementWalker.forEach(f.ast().body(), s -> {
      if (s instanceof Stmt.Return r && r.value() != null
          && names.resolve(new PyNames.Code(m, r.value(), locals)) instanceof PyNames.Code c) {
        pairs(c, out);
      }
    });
    return out;
  }

  private void pairs(PyNames.Code c, List<Listed> out) {
    if (c.expr() instanceof Expr.Dict d) {
      for (int i = 0; i < d.keys().size(); i++) {
        if (d.keys().get(i) != null) {
          pair(c, d.keys().get(i), d.values().get(i), out);
        }
      }
    } else if (c.expr() instanceof Expr.Sequence s) {
      for (Expr e : s.elements()) {
        if (names.resolve(new PyNames.Code(c.module(), e, c.locals())) instanceof PyNames.Code t
            && t.expr() instanceof Expr.Sequence tuple && tuple.elements().size() == 2) {
          pair(t, tuple.elements().get(0), tuple.elements().get(1), out);
        }
      }
    }
  }

  private void pair(PyNames.Code where, Expr group, Expr opts, List<Listed> out) {
    String g = name(new PyNames.Code(where.module(), group, where.locals()));
    if (g == null) {
      return;
    }
    List<PyNames.Code> found = OptLists.flatten(names,
        new PyNames.Code(where.module(), opts, where.locals()),
        x -> x.expr() instanceof Expr.Call call && isOptCall(x, call));
    found.forEach(x -> out.add(new Listed(x, g)));
  }

  private boolean isOptCall(PyNames.Code x, Expr.Call call) {
    PyNames.Value f = names.resolve(new PyNames.Code(x.module(), call.func(), x.locals()));
    return f instanceof PyNames.External e && e.dotted().startsWith("oslo_config.")
        && e.dotted().endsWith("Opt") && !e.dotted().endsWith(".DeprecatedOpt");
  }
}
