package dev.novatrace.neutron;

import dev.novatrace.index.Binding;
import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.neutron.CallbackFrame.Bound;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Scope;
import dev.novatrace.trace.Value;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Reads the arguments of {@code registry.subscribe}/{@code receives}/{@code publish} as
 * constants: the strings a resource or event can be, the number a priority is, and the functions a
 * callback can be. Keys are module constants reached through imports ({@code resources.PORT}),
 * locals bound to tuples ({@code callback_resources = (resources.NETWORK, ...)}), loop and
 * comprehension variables and call-site parameters ({@link CallbackFrame}), and the names of
 * versioned objects ({@code ports.Port.obj_name()}, which oslo.versionedobjects answers with the
 * class's name). What it cannot read is null: it never guesses.
 */
final class CallbackKeys {
  private static final int MAX_DEPTH = 16;
  /** oslo.versionedobjects' {@code obj_name()}: the class's own name unless a class overrides it. */
  private static final String OBJ_NAME = "obj_name";

  private final Resolver resolver;
  /** Nested defs met as callbacks, by identity of their def. */
  private final Map<Stmt.FunctionDef, FunctionInfo> nested = new IdentityHashMap<>();

  CallbackKeys(Resolver resolver) {
    this.resolver = resolver;
  }

  /** The strings {@code e} can be (a tuple gives each of its elements), or null. */
  List<String> strings(Expr e, CallbackFrame f) {
    if (e == null) {
      return null;
    }
    LinkedHashSet<String> out = new LinkedHashSet<>();
    return strings(e, f, 0, out) ? List.copyOf(out) : null;
  }

  private boolean strings(Expr e, CallbackFrame f, int depth, LinkedHashSet<String> out) {
    if (depth > MAX_DEPTH) {
      return false;
    }
    if (e instanceof Expr.Constant c && c.kind() == Expr.ConstKind.STRING) {
      out.add(c.value());
      return true;
    }
    if (e instanceof Expr.Sequence seq) {
      return seq.elements().stream().allMatch(x -> strings(x, f, depth + 1, out));
    }
    if (e instanceof Expr.Starred s) {
      return strings(s.value(), f, depth + 1, out);
    }
    if (e instanceof Expr.Name n && f.env().containsKey(n.id())) {
      List<Read> parts = parts(f.env().get(n.id()), depth + 1);
      return !parts.isEmpty() && parts.stream().allMatch(r -> strings(r.expr(), r.frame(),
          depth + 1, out));
    }
    String objName = objName(e, f.scope());
    if (objName != null) {
      out.add(objName);
      return true;
    }
    if (resolver.valueOf(e, f.scope()) instanceof Value.StringValue s) {
      out.add(s.value());
      return true;
    }
    List<Read> defs = definitions(e, f, depth + 1);
    return !defs.isEmpty() && defs.stream().allMatch(r -> strings(r.expr(), r.frame(),
        depth + 1, out));
  }

  /** The integer {@code e} is ({@code PRIORITY_DEFAULT + 100}), or null. */
  Long number(Expr e, CallbackFrame f) {
    return number(e, f, 0);
  }

  private Long number(Expr e, CallbackFrame f, int depth) {
    if (e == null || depth > MAX_DEPTH) {
      return null;
    }
    if (e instanceof Expr.Constant c && c.kind() == Expr.ConstKind.NUMBER) {
      return parseInteger(c.value());
    }
    if (e instanceof Expr.Operation op && ("+".equals(op.op()) || "-".equals(op.op()))) {
      return arithmetic(op, f, depth);
    }
    List<Read> defs = e instanceof Expr.Name n && f.env().containsKey(n.id())
        ? parts(f.env().get(n.id()), depth + 1) : definitions(e, f, depth + 1);
    return defs.size() == 1 ? number(defs.get(0).expr(), defs.get(0).frame(), depth + 1) : null;
  }

  private Long arithmetic(Expr.Operation op, CallbackFrame f, int depth) {
    List<Long> operands = new ArrayList<>();
    for (Expr x : op.operands()) {
      Long v = number(x, f, depth + 1);
      if (v == null) {
        return null;
      }
      operands.add(v);
    }
    long result = operands.get(0);
    if (operands.size() == 1) {
      return "-".equals(op.op()) ? -result : result;
    }
    for (int i = 1; i < operands.size(); i++) {
      result = "-".equals(op.op()) ? result - operands.get(i) : result + operands.get(i);
    }
    return result;
  }

  private static Long parseInteger(String text) {
    String t = text.replace("_", "").toLowerCase(java.util.Locale.ROOT);
    try {
      return t.startsWith("0x") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
    } catch (NumberFormatException e) {
      return null; // a float or a complex number: no priority
    }
  }

  /** What a callback expression can be: a function, usually bound ({@code self._notify}). */
  List<Value> values(Expr e, CallbackFrame f) {
    return values(e, f, 0);
  }

  private List<Value> values(Expr e, CallbackFrame f, int depth) {
    if (e == null || depth > MAX_DEPTH) {
      return List.of();
    }
    if (e instanceof Expr.Name n && f.env().containsKey(n.id())) {
      List<Value> out = new ArrayList<>();
      for (Read r : parts(f.env().get(n.id()), depth + 1)) {
        out.addAll(values(r.expr(), r.frame(), depth + 1));
      }
      return out;
    }
    Value v = resolver.valueOf(e, f.scope());
    if (v instanceof Value.Unknown && e instanceof Expr.Name n) {
      return nestedFunction(n.id(), f.scope()).stream().toList();
    }
    return v instanceof Value.Unknown ? List.of() : List.of(v);
  }

  /**
   * A function defined in the function that subscribes it ({@code def _register_pvlan_driver}
   * in {@code register(mech_driver)}), or in one around it; one FunctionInfo per def.
   */
  private Optional<Value> nestedFunction(String name, Scope scope) {
    for (Scope s = scope; s != null && s.function() != null; s = s.enclosing()) {
      Stmt.FunctionDef def = s.nestedDef(name);
      if (def != null) {
        Scope owner = s;
        FunctionInfo fn = nested.computeIfAbsent(def,
            d -> new FunctionInfo(d.name(), owner.module(), null, d));
        return Optional.of(new Value.FunctionValue(fn, null));
      }
    }
    return Optional.empty();
  }

  /** The expressions a bound name stands for, each read in its frame. */
  private List<Read> parts(Bound b, int depth) {
    if (b.part() == CallbackFrame.Part.WHOLE) {
      return List.of(new Read(b.expr(), b.frame()));
    }
    List<Read> out = new ArrayList<>();
    for (Read c : containers(b.expr(), b.frame(), depth + 1)) {
      if (c.expr() instanceof Expr.Sequence seq) {
        for (Expr element : seq.elements()) {
          item(b, element, c.frame(), out);
        }
      } else if (c.expr() instanceof Expr.Dict d) {
        List<Expr> side = b.part() == CallbackFrame.Part.VALUE ? d.values() : d.keys();
        side.stream().filter(x -> x != null).forEach(x -> out.add(new Read(x, c.frame())));
      }
    }
    if (out.isEmpty() && b.part() == CallbackFrame.Part.ELEMENT) {
      out.add(new Read(b.expr(), b.frame())); // a constant tuple elsewhere: read it whole
    }
    return out;
  }

  private static void item(Bound b, Expr element, CallbackFrame frame, List<Read> out) {
    if (b.part() == CallbackFrame.Part.ELEMENT) {
      out.add(new Read(element, frame));
    } else if (b.part() == CallbackFrame.Part.ITEM && element instanceof Expr.Sequence pair
        && b.index() < pair.elements().size()) {
      out.add(new Read(pair.elements().get(b.index()), frame));
    }
  }

  /** The literal sequences and dicts an expression is, following names to their definitions. */
  private List<Read> containers(Expr e, CallbackFrame f, int depth) {
    if (depth > MAX_DEPTH) {
      return List.of();
    }
    if (e instanceof Expr.Sequence || e instanceof Expr.Dict) {
      return List.of(new Read(e, f));
    }
    if (e instanceof Expr.Operation op && "+".equals(op.op())) {
      List<Read> out = new ArrayList<>();
      op.operands().forEach(x -> out.addAll(containers(x, f, depth + 1)));
      return out;
    }
    List<Read> defs = e instanceof Expr.Name n && f.env().containsKey(n.id())
        ? parts(f.env().get(n.id()), depth + 1) : definitions(e, f, depth + 1);
    List<Read> out = new ArrayList<>();
    defs.forEach(d -> out.addAll(containers(d.expr(), d.frame(), depth + 1)));
    return out;
  }

  /**
   * The expression a name or attribute is bound to: a local's first assignment, a module
   * constant through the imports, or a class attribute along the MRO; empty when none.
   */
  private List<Read> definitions(Expr e, CallbackFrame f, int depth) {
    Scope scope = f.scope();
    if (e instanceof Expr.Name n) {
      if (scope.function() != null) {
        if (scope.param(n.id()) != null) {
          return List.of(); // bound only at a call site (see CallbackFrame)
        }
        Expr local = scope.local(n.id());
        if (local != null) {
          return List.of(new Read(local, f));
        }
      }
      return moduleDefinition(scope.module(), n.id(), depth).stream().toList();
    }
    if (e instanceof Expr.Attribute a) {
      Value owner = resolver.valueOf(a.value(), scope);
      if (owner instanceof Value.ModuleValue m) {
        return moduleDefinition(m.module(), a.attr(), depth).stream().toList();
      }
      ClassInfo cls = owner instanceof Value.ClassValue cv ? cv.cls()
          : owner instanceof Value.InstanceValue iv ? iv.cls() : null;
      if (cls != null) {
        return classDefinition(cls, a.attr()).stream().toList();
      }
    }
    return List.of();
  }

  private Optional<Read> moduleDefinition(ModuleInfo module, String name, int depth) {
    if (depth > MAX_DEPTH) {
      return Optional.empty();
    }
    Binding b = module.bindings().get(name);
    if (b instanceof Binding.Assignment a) {
      return Optional.of(new Read(a.value(), CallbackFrame.of(Scope.ofModule(module))));
    }
    if (b instanceof Binding.FromImport fi) {
      return resolver.module(fi.module()).flatMap(m -> moduleDefinition(m, fi.symbol(), depth + 1));
    }
    return Optional.empty();
  }

  private Optional<Read> classDefinition(ClassInfo cls, String attr) {
    for (ClassInfo c : resolver.mro(cls)) {
      Expr value = c.classAttribute(attr);
      if (value != null) {
        return Optional.of(new Read(value, CallbackFrame.of(Scope.ofModule(c.module()))));
      }
    }
    return Optional.empty();
  }

  /** {@code Port.obj_name()} on a class that does not define obj_name itself: "Port". */
  private String objName(Expr e, Scope scope) {
    if (!(e instanceof Expr.Call call) || !call.args().isEmpty()
        || !(call.func() instanceof Expr.Attribute a) || !OBJ_NAME.equals(a.attr())) {
      return null;
    }
    Value owner = resolver.valueOf(a.value(), scope);
    ClassInfo cls = owner instanceof Value.ClassValue cv ? cv.cls()
        : owner instanceof Value.InstanceValue iv ? iv.cls() : null;
    if (cls == null || resolver.lookupMethod(cls, OBJ_NAME, null) != null) {
      return null;
    }
    return cls.name().substring(cls.name().lastIndexOf('.') + 1);
  }

  /** An expression and the frame it is read in. */
  private record Read(Expr expr, CallbackFrame frame) {}
}
