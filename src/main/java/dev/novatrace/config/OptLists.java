package dev.novatrace.config;

import dev.novatrace.python.ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The elements of an option list as the code builds it: list and tuple displays, {@code a + b},
 * {@code itertools.chain(a, b)}, {@code list(x)}, {@code copy.deepcopy(x)}, and names bound to
 * any of these, here or in another module of the tree.
 */
final class OptLists {
  private static final Set<String> BUILTINS = Set.of("list", "tuple", "sorted", "set");
  private static final Set<String> PASS_THROUGH = Set.of("copy.deepcopy", "copy.copy");

  private OptLists() {}

  /** The expressions of {@code list} that {@code isElement} accepts, in order. */
  static List<PyNames.Code> flatten(PyNames names, PyNames.Code list,
      Predicate<PyNames.Code> isElement) {
    List<PyNames.Code> out = new ArrayList<>();
    walk(names, list, isElement, out, 0);
    return out;
  }

  private static void walk(PyNames names, PyNames.Code code, Predicate<PyNames.Code> isElement,
      List<PyNames.Code> out, int depth) {
    if (depth > PyNames.MAX_DEPTH || !(names.resolve(code) instanceof PyNames.Code c)) {
      return;
    }
    if (isElement.test(c)) {
      out.add(c);
      return;
    }
    for (Expr part : parts(names, c)) {
      walk(names, new PyNames.Code(c.module(), part, c.locals()), isElement, out, depth + 1);
    }
  }

  /** What a list expression is made of; empty for anything else. */
  private static List<Expr> parts(PyNames names, PyNames.Code c) {
    Expr e = c.expr();
    if (e instanceof Expr.Sequence s && s.kind() != Expr.SeqKind.DICT) {
      return s.elements().stream().map(x -> x instanceof Expr.Starred st ? st.value() : x)
          .toList();
    }
    if (e instanceof Expr.Operation o && o.op().equals("+")) {
      return o.operands();
    }
    if (e instanceof Expr.Dict d) {
      return d.values();
    }
    if (e instanceof Expr.Call call) {
      return callParts(names, c, call);
    }
    return List.of();
  }

  private static List<Expr> callParts(PyNames names, PyNames.Code c, Expr.Call call) {
    List<Expr> positional = new ArrayList<>();
    call.args().forEach(a -> {
      if (a.kind() == dev.novatrace.python.ast.Arg.Kind.POSITIONAL) {
        positional.add(a.value());
      } else if (a.kind() == dev.novatrace.python.ast.Arg.Kind.STAR) {
        positional.add(a.value());
      }
    });
    PyNames.Value f = names.resolve(new PyNames.Code(c.module(), call.func(), c.locals()));
    if (f instanceof PyNames.External x) {
      if (x.dotted().equals("itertools.chain")
          || x.dotted().equals("itertools.chain.from_iterable")) {
        return positional;
      }
      if (PASS_THROUGH.contains(x.dotted()) && !positional.isEmpty()) {
        return List.of(positional.get(0));
      }
    }
    if (call.func() instanceof Expr.Name n && BUILTINS.contains(n.id())
        && f instanceof PyNames.Unknown && !positional.isEmpty()) {
      return List.of(positional.get(0));
    }
    return List.of();
  }
}
