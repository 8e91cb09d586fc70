package dev.novatrace.trace;

import dev.novatrace.python.ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Python's {@code 'fmt' % args} for the simple cases policy and action names use. */
final class PercentFormat {
  private PercentFormat() {}

  static String apply(String fmt, Expr args, Function<Expr, Value> eval) {
    List<String> values = new ArrayList<>();
    List<Expr> items = args instanceof Expr.Sequence s && s.kind() == Expr.SeqKind.TUPLE
        ? s.elements() : List.of(args);
    for (Expr item : items) {
      Value v = eval.apply(item);
      values.add(v instanceof Value.StringValue sv ? sv.value() : "...");
    }
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < fmt.length(); i++) {
      char ch = fmt.charAt(i);
      if (ch == '%' && i + 1 < fmt.length()) {
        char spec = fmt.charAt(i + 1);
        if (spec == '%') {
          out.append('%');
          i++;
          continue;
        }
        if (spec == 's' || spec == 'd' || spec == 'r') {
          out.append(next < values.size() ? values.get(next++) : "...");
          i++;
          continue;
        }
      }
      out.append(ch);
    }
    return out.toString();
  }
}
