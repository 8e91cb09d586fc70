package dev.novatrace.config;

import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The oslo.policy rules a tree registers, read statically: every {@code RuleDefault} /
 * {@code DocumentedRuleDefault} call in the modules of its policies package, keeping those its
 * {@code list_rules()} returns (what the enforcer registers; Cinder declares rules it does not
 * list). Where {@code list_rules()} cannot be followed, every rule declared is taken.
 */
final class PolicyReader {
  private static final String OSLO = "oslo_policy.policy.";

  private final CodeIndex index;
  private final PyNames names;
  private final PolicyStrings strings;

  PolicyReader(CodeIndex index) {
    this.index = index;
    this.names = new PyNames(index);
    this.strings = new PolicyStrings(names, new PyLiterals(names));
  }

  /** The rules read, and how many rule declarations could not be evaluated. */
  record Read(List<PolicyRule> rules, int leftOut, int unlisted) {}

  /** One rule declaration: the call and the module it sits in. */
  private record Site(ModuleInfo module, Expr.Call call) {}

  Read read(String policiesPackage) {
    List<Site> declared = new ArrayList<>();
    for (ModuleInfo m : index.modulesUnder(policiesPackage)) {
      StatementWalker.forEach(m.ast().body(), s -> {
        for (Expr e : PyNames.expressions(s)) {
          findRules(m, e, declared);
        }
      });
    }
    Map<Expr.Call, ModuleInfo> listed = listed(policiesPackage);
    if (listed != null) {
      // A rule written inside list_rules() itself is registered without being declared above.
      Set<Expr.Call> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      declared.forEach(d -> seen.add(d.call()));
      listed.forEach((call, m) -> {
        if (!seen.contains(call)) {
          declared.add(new Site(m, call));
        }
      });
    }
    List<PolicyRule> rules = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int leftOut = 0;
    int unlisted = 0;
    for (Site s : declared) {
      if (listed != null && !listed.containsKey(s.call())) {
        unlisted++;
        continue;
      }
      Optional<PolicyRule> r = rule(s);
      if (r.isEmpty()) {
        leftOut++;
      } else if (names.add(r.get().name())) {
        rules.add(r.get()); // oslo.policy refuses a duplicate; the first registered stands
      }
    }
    return new Read(List.copyOf(rules), leftOut, unlisted);
  }

  /** Rule calls in {@code top}, not looking inside one (its deprecated rule is no rule). */
  private void findRules(ModuleInfo m, Expr top, List<Site> out) {
    Deque<Expr> todo = new ArrayDeque<>();
    todo.push(top);
    while (!todo.isEmpty()) {
      Expr e = todo.pop();
      if (e instanceof Expr.Call call && isRuleCall(m, call, Map.of())) {
        out.add(new Site(m, call));
        continue;
      }
      List<Expr> children = PyNames.children(e);
      for (int i = children.size() - 1; i >= 0; i--) {
        todo.push(children.get(i));
      }
    }
  }

  private boolean isRuleCall(ModuleInfo m, Expr.Call call, Map<String, Expr> locals) {
    String last = lastName(call.func());
    if (!"RuleDefault".equals(last) && !"DocumentedRuleDefault".equals(last)) {
      return false; // cheap test first
    }
    return names.resolve(new PyNames.Code(m, call.func(), locals)) instanceof PyNames.External x
        && x.dotted().startsWith(OSLO);
  }

  private static String lastName(Expr func) {
    return func instanceof Expr.Attribute a ? a.attr()
        : func instanceof Expr.Name n ? n.id() : null;
  }

  private Optional<PolicyRule> rule(Site s) {
    String name = string(s.module(), OptionReader.argument(s.call(), 0, "name"));
    String check = string(s.module(), OptionReader.argument(s.call(), 1, "check_str"));
    if (name == null || check == null) {
      return Optional.empty();
    }
    String deprecatedName = null;
    String deprecatedCheck = null;
    Optional<Expr> dep = OptionReader.argument(s.call(), Integer.MAX_VALUE, "deprecated_rule");
    if (dep.isPresent()) {
      PyNames.Value v = names.resolve(new PyNames.Code(s.module(), dep.get(), Map.of()));
      if (v instanceof PyNames.Code c && c.expr() instanceof Expr.Call d) {
        deprecatedName = string(c.module(), OptionReader.argument(d, 0, "name"));
        deprecatedCheck = string(c.module(), OptionReader.argument(d, 1, "check_str"));
        if (deprecatedName == null || deprecatedCheck == null) {
          deprecatedName = null; // half a deprecated rule is none
          deprecatedCheck = null;
        }
      }
    }
    return Optional.of(new PolicyRule(name, check, deprecatedName, deprecatedCheck,
        s.module().path(), s.call().pos().line()));
  }

  private String string(ModuleInfo m, Optional<Expr> e) {
    return e.map(x -> strings.eval(new PyNames.Code(m, x, Map.of()))).orElse(null);
  }

  /**
   * The rule calls the package's {@code list_rules()} returns, or null when it has none or it
   * returns something a static reading cannot follow.
   */
  private Map<Expr.Call, ModuleInfo> listed(String policiesPackage) {
    Optional<ModuleInfo> pkg = index.module(policiesPackage);
    if (pkg.isEmpty()) {
      return null;
    }
    Map<Expr.Call, ModuleInfo> out = new IdentityHashMap<>();
    boolean complete = listRules(pkg.get(), out, new HashSet<>());
    return complete && !out.isEmpty() ? out : null;
  }

  /** Adds what {@code m.list_rules()} returns; false where it cannot be followed. */
  private boolean listRules(ModuleInfo m, Map<Expr.Call, ModuleInfo> out, Set<String> seen) {
    if (!seen.add(m.name())) {
      return true;
    }
    for (Stmt s : m.ast().body()) {
      if (s instanceof Stmt.FunctionDef f && f.name().equals("list_rules")) {
        Map<String, Expr> locals = PyNames.collect(f.body());
        boolean[] ok = {true};
        int[] returns = {0};
        StatementWalker.forEach(f.body(), r -> {
          if (r instanceof Stmt.Return ret && ret.value() != null) {
            returns[0]++;
            ok[0] &= rules(new PyNames.Code(m, ret.value(), locals), out, seen, 0);
          }
        });
        return ok[0] && returns[0] > 0;
      }
    }
    return false;
  }

  /**
   * Adds the rule calls {@code code} stands for: a list or tuple of them, their concatenation,
   * {@code itertools.chain(...)} of such, or another module's {@code list_rules()}.
   */
  private boolean rules(PyNames.Code code, Map<Expr.Call, ModuleInfo> out, Set<String> seen, int depth) {
    if (depth > PyNames.MAX_DEPTH) {
      return false;
    }
    PyNames.Value v = names.resolve(code);
    if (!(v instanceof PyNames.Code c)) {
      return false;
    }
    Expr e = c.expr();
    if (e instanceof Expr.Call call) {
      if (isRuleCall(c.module(), call, c.locals())) {
        out.putIfAbsent(call, c.module());
        return true;
      }
      if ("chain".equals(lastName(call.func()))) {
        boolean ok = true;
        for (Arg a : call.args()) {
          ok &= a.kind() == Arg.Kind.POSITIONAL
              && rules(new PyNames.Code(c.module(), a.value(), c.locals()), out, seen, depth + 1);
        }
        return ok;
      }
      if ("list_rules".equals(lastName(call.func())) && call.args().isEmpty()) {
        Optional<ModuleInfo> owner = ownerModule(c, call.func());
        return owner.isPresent() && listRules(owner.get(), out, seen);
      }
      return false;
    }
    if (e instanceof Expr.Sequence s
        && (s.kind() == Expr.SeqKind.LIST || s.kind() == Expr.SeqKind.TUPLE)) {
      boolean ok = true;
      for (Expr x : s.elements()) {
        ok &= rules(new PyNames.Code(c.module(), x, c.locals()), out, seen, depth + 1);
      }
      return ok;
    }
    if (e instanceof Expr.Operation o && o.op().equals("+")) {
      boolean ok = true;
      for (Expr x : o.operands()) {
        ok &= rules(new PyNames.Code(c.module(), x, c.locals()), out, seen, depth + 1);
      }
      return ok;
    }
    return false;
  }

  /** The module of {@code base.list_rules} ({@code base}), or of a bare {@code list_rules}. */
  private Optional<ModuleInfo> ownerModule(PyNames.Code c, Expr func) {
    if (func instanceof Expr.Name) {
      return Optional.of(c.module());
    }
    Expr owner = ((Expr.Attribute) func).value();
    return names.resolve(new PyNames.Code(c.module(), owner, c.locals()))
        instanceof PyNames.ModuleRef r ? Optional.of(r.module()) : Optional.empty();
  }

  /**
   * The tree's own {@code policy_opts.set_defaults(CONF, enforce_new_defaults=X)} (Cinder 26
   * sets it False), in {@code modules}; empty when none sets it.
   */
  Optional<Boolean> enforceNewDefaults(List<String> modules) {
    Boolean[] found = {null};
    for (String name : modules) {
      index.module(name).ifPresent(m -> setDefaults(m, m.ast().body(), found));
    }
    return Optional.ofNullable(found[0]);
  }

  private void setDefaults(ModuleInfo m, List<Stmt> body, Boolean[] found) {
    StatementWalker.forEach(body, s -> {
      if (s instanceof Stmt.FunctionDef f) {
        setDefaults(m, f.body(), found);
      } else if (s instanceof Stmt.ExprStmt x && x.value() instanceof Expr.Call call
          && "set_defaults".equals(lastName(call.func()))
          && names.resolve(new PyNames.Code(m, call.func(), Map.of()))
              instanceof PyNames.External ext && ext.dotted().equals("oslo_policy.opts.set_defaults")) {
        OptionReader.argument(call, Integer.MAX_VALUE, "enforce_new_defaults")
            .map(a -> new PyLiterals(names).eval(new PyNames.Code(m, a, Map.of())))
            .filter(Boolean.class::isInstance)
            .ifPresent(b -> found[0] = (Boolean) b);
      }
    });
  }
}
