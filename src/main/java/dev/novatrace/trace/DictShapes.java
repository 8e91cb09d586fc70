package dev.novatrace.trace;

import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.StatementWalker;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.ExprChildren;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The keys of a dict a caller writes as a display ({@code super().update_port(ctx, id,
 * {port_def.RESOURCE_NAME: {'status': DOWN}})}), carried into the callee among the names bound
 * to literals: {@code port{}} lists the keys ({@code 'port'}), {@code port['port']{}} those of
 * the inner dict, {@code port['port']['status']} a value's literal text. So the callee's
 * {@code new_port = port['port']} has the same keys, {@code 'fixed_ips' in new_port} is false
 * and {@code new_port.get('mac_address')} is None on this path. Keys are compared by the
 * strings they hold ({@code port_def.RESOURCE_NAME} is {@code 'port'}). A dict changed in place
 * ({@code d['k'] = v}, {@code d.setdefault(...)}) or assigned again lets go of what was known.
 */
final class DictShapes {
  /** After a path: the keys its dict has, quoted and joined by commas. */
  static final String KEYS = "{}";
  /** The literal texts of an empty list, tuple and dict. */
  static final Set<String> EMPTY = Set.of("[]", "()", "{}");
  /** Methods that change a dict's keys in place. */
  private static final Set<String> MUTATORS =
      Set.of("setdefault", "update", "pop", "popitem", "clear", "__setitem__", "__delitem__");

  private final Resolver resolver;

  DictShapes(Resolver resolver) {
    this.resolver = resolver;
  }

  /**
   * Where {@code e} reads a dict from: a name ({@code new_port}) or a string key of one
   * ({@code port['port']}); else null.
   */
  String path(Expr e, Scope scope) {
    if (e instanceof Expr.Name n) {
      return n.id();
    }
    if (e instanceof Expr.Subscript s) {
      String outer = path(s.value(), scope);
      String key = key(s.index(), scope);
      return outer == null || key == null ? null : outer + "[" + quoted(key) + "]";
    }
    return null;
  }

  /** The string a dict key expression holds: a literal, or a named constant of the tree. */
  private String key(Expr e, Scope scope) {
    String key = null;
    if (e instanceof Expr.Constant c && c.kind() == Expr.ConstKind.STRING) {
      key = c.value();
    } else if ((e instanceof Expr.Attribute || e instanceof Expr.Name)
        && resolver.valueOf(e, scope) instanceof Value.StringValue s) {
      key = s.value();
    }
    // A key that would read as two, or as a path, is left unknown.
    return key == null || key.contains(",") || key.contains("'") || key.contains("[") ? null
        : key;
  }

  private static String quoted(String key) {
    return "'" + key + "'";
  }

  /**
   * Whether {@code fn} reads its parameter {@code name} as a dict ({@code 'k' in name},
   * {@code name.get(...)}, {@code name[...]}) or hands it on: only then are its keys carried,
   * so that a function called with dicts it never looks into is traced once for all of them.
   */
  boolean readAsADict(FunctionInfo fn, String name) {
    return readers.computeIfAbsent(fn.qualifiedName() + "#" + fn.ast().defLine() + "#" + name,
        k -> anyExpression(fn, e -> readsAsADict(e, name) || handsOn(e, name)));
  }

  private final Map<String, Boolean> readers = new java.util.HashMap<>();

  private static boolean readsAsADict(Expr e, String name) {
    return e instanceof Expr.Operation op && (op.op().equals("in") || op.op().equals("not in"))
        && op.operands().size() == 2 && named(op.operands().get(1), name)
        || e instanceof Expr.Subscript s && named(s.value(), name)
        || e instanceof Expr.Attribute a && a.attr().equals("get") && named(a.value(), name);
  }

  /**
   * Whether {@code fn} hands the object {@code name} holds to a call ({@code fill(ips)}) or
   * changes an item of it ({@code ips[0] = ip}): a call may fill an empty list it is handed.
   */
  static boolean handedOn(FunctionInfo fn, String name) {
    boolean[] itemSet = {false};
    StatementWalker.everywhere(fn.ast().body(), st -> itemSet[0] |= st instanceof Stmt.Assign a
        && a.targets().stream().anyMatch(t -> t instanceof Expr.Subscript s
            && named(s.value(), name)));
    return itemSet[0] || anyExpression(fn, e -> handsOn(e, name));
  }

  /** {@code f(..., name, ...)}. */
  private static boolean handsOn(Expr e, String name) {
    return e instanceof Expr.Call c && c.args().stream().anyMatch(x -> named(x.value(), name));
  }

  /** Whether an expression anywhere in {@code fn}, nested ones included, passes {@code test}. */
  private static boolean anyExpression(FunctionInfo fn, Predicate<Expr> test) {
    boolean[] found = {false};
    StatementWalker.everywhere(fn.ast().body(),
        st -> ExprChildren.of(st).forEach(e -> found[0] |= matches(e, test)));
    return found[0];
  }

  private static boolean matches(Expr e, Predicate<Expr> test) {
    return test.test(e) || ExprChildren.of(e).stream().anyMatch(x -> matches(x, test));
  }

  private static boolean named(Expr e, String name) {
    return e instanceof Expr.Name n && n.id().equals(name);
  }

  /**
   * What parameter {@code name} holds of {@code arg}'s keys, {@code literals} and {@code scope}
   * being the caller's: a dict display's keys and literal values, or what is known of the dict
   * a path reads.
   */
  Map<String, String> bound(String name, Expr arg, Map<String, String> literals, Scope scope,
      java.util.function.Function<Expr, String> literal) {
    if (arg instanceof Expr.Dict d) {
      Map<String, String> out = new LinkedHashMap<>();
      display(d, name, scope, literal, out);
      return out;
    }
    String path = path(arg, scope);
    return path == null ? Map.of() : renamed(literals, path, name);
  }

  /** A dict display's keys under {@code as}, when every key is a string known here. */
  private void display(Expr.Dict d, String as, Scope scope,
      java.util.function.Function<Expr, String> literal, Map<String, String> out) {
    if (d.keys().isEmpty()) {
      return; // {}: false, which its literal text says already
    }
    Set<String> keys = new TreeSet<>();
    Map<String, String> inner = new LinkedHashMap<>();
    for (int i = 0; i < d.keys().size(); i++) {
      String key = d.keys().get(i) == null ? null : key(d.keys().get(i), scope);
      if (key == null) {
        return; // **other, or a key not known here: any key may be there
      }
      keys.add(quoted(key));
      String entry = as + "[" + quoted(key) + "]";
      Expr value = d.values().get(i);
      if (value instanceof Expr.Dict nested) {
        display(nested, entry, scope, literal, inner);
      } else {
        String text = literal.apply(value);
        if (text != null) {
          inner.put(entry, text);
        }
      }
    }
    out.put(as + KEYS, String.join(",", keys));
    out.putAll(inner);
  }

  /** The entries of {@code from}'s dict, under {@code to}. */
  static Map<String, String> renamed(Map<String, String> literals, String from, String to) {
    Map<String, String> out = new LinkedHashMap<>();
    literals.forEach((k, v) -> {
      if (k.equals(from + KEYS) || k.startsWith(from + "[")) {
        out.put(to + k.substring(from.length()), v);
      }
    });
    return out;
  }

  /** Forgets what was known of the dict at {@code path} and the dicts inside it. */
  static void forget(Map<String, String> literals, String path) {
    if (path != null) {
      literals.keySet().removeIf(k -> k.equals(path + KEYS) || k.startsWith(path + "[")
          || k.startsWith(path + "."));
    }
  }

  /** {@code d['k'] = v}, {@code d.setdefault(...)}: the dict read at the path changes. */
  void changed(Expr target, Map<String, String> literals, Scope scope) {
    if (target instanceof Expr.Subscript s) {
      forget(literals, path(s.value(), scope));
    }
  }

  /**
   * A call that changes a dict's keys in place ({@code new_port.setdefault('fixed_ips', ...)}),
   * or a list or set a name or a field holds ({@code ips.append(ip)}): what was known of it
   * goes.
   */
  void called(Expr.Call c, Map<String, String> literals, Scope scope) {
    if (!(c.func() instanceof Expr.Attribute a)) {
      return;
    }
    if (a.value() instanceof Expr.Name o) {
      // new_volume.refresh(): a method of an object may change any of its fields.
      literals.keySet().removeIf(k -> k.startsWith(o.id() + ".") && !k.endsWith(KEYS)
          && k.indexOf('[') < 0);
    }
    if (MUTATORS.contains(a.attr())) {
      forget(literals, path(a.value(), scope));
    }
    if (MUTATORS.contains(a.attr()) || COLLECTION_MUTATORS.contains(a.attr())) {
      if (a.value() instanceof Expr.Name n) {
        literals.remove(n.id());
      } else if (a.value() instanceof Expr.Attribute f && f.value() instanceof Expr.Name n) {
        literals.remove(n.id() + "." + f.attr()); // changes.add.append(ip)
      }
    }
  }

  /** Methods that change a list or a set in place. */
  private static final Set<String> COLLECTION_MUTATORS =
      Set.of("append", "extend", "insert", "remove", "add", "discard", "sort", "reverse");

  /**
   * {@code changes = self.Changes(add=[], original=[], remove=[])}: a local assigned an object a
   * class (by Python's naming, a capitalized name) builds holds the literal keywords it was
   * built with as its fields ({@code changes.add} is {@code []}).
   */
  static Map<String, String> builtWith(String name, Expr value,
      java.util.function.Function<Expr, String> literal) {
    if (!(value instanceof Expr.Call c)) {
      return Map.of();
    }
    String callee = dev.novatrace.index.Names.simpleName(c.func());
    if (callee == null || callee.isEmpty() || !Character.isUpperCase(callee.charAt(0))) {
      return Map.of();
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Arg arg : c.args()) {
      String text = arg.kind() == Arg.Kind.KEYWORD ? literal.apply(arg.value()) : null;
      if (text != null) {
        out.put(name + "." + arg.keyword(), text);
      }
    }
    return out;
  }

  /** Whether the dict {@code e} reads holds {@code key}; null where its keys are not known. */
  Boolean holds(Expr e, Expr key, Map<String, String> literals, Scope scope) {
    String path = path(e, scope);
    String k = key(key, scope);
    String keys = path == null || k == null ? null : literals.get(path + KEYS);
    return keys == null ? null : keys(keys).contains(quoted(k));
  }

  /**
   * The literal text {@code d['k']} or {@code d.get('k', default)} holds where the dict's keys
   * are known: the value's text if the key is there and its value literal, the default (None
   * if none is given) if the key is not there; else null.
   */
  String value(Expr e, Map<String, String> literals, Scope scope,
      java.util.function.Function<Expr, String> literal) {
    if (e instanceof Expr.Subscript s) {
      String path = path(s, scope);
      return path == null ? null : literals.get(path);
    }
    if (!(e instanceof Expr.Call c) || !(c.func() instanceof Expr.Attribute a)
        || !a.attr().equals("get") || c.args().isEmpty() || c.args().size() > 2
        || c.args().stream().anyMatch(x -> x.kind() != Arg.Kind.POSITIONAL)) {
      return null;
    }
    Boolean there = holds(a.value(), c.args().get(0).value(), literals, scope);
    if (there == null) {
      return null;
    }
    if (there) {
      return literals.get(path(a.value(), scope) + "["
          + quoted(key(c.args().get(0).value(), scope)) + "]");
    }
    return c.args().size() == 2 ? literal.apply(c.args().get(1).value()) : "None";
  }

  private static List<String> keys(String joined) {
    return joined.isEmpty() ? List.of() : new ArrayList<>(Arrays.asList(joined.split(",")));
  }
}
