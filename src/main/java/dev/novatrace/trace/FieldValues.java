package dev.novatrace.trace;

import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a save will say of a field assigned on the path ({@code name = value}): the value a
 * message label shows for it, read where the {@link Tracer}'s frame stands.
 */
final class FieldValues {
  /** Python's conversions of a value to another type of the same value. */
  private static final Set<String> CONVERSIONS = Set.of("int", "str", "float", "bool");

  private final Resolver resolver;
  private final TraceProfile profile;

  FieldValues(Resolver resolver, TraceProfile profile) {
    this.resolver = resolver;
    this.profile = profile;
  }

  /**
   * What a save will say of {@code name = value}: a literal is the value; a call or expression
   * is kept as computed text; a variable's name is never a state's value, only the field is.
   */
  Step.Field field(String name, Expr value, Frame f) {
    String literal = f.literal(value);
    if (literal == null && value instanceof Expr.Call c) {
      literal = caseValues(c);
    }
    if (literal == null && value instanceof Expr.Name n) {
      literal = eitherLiteral(f.reached.get(n.id()), f);
    }
    if (literal == null && value instanceof Expr.Call conv && conv.func() instanceof Expr.Name b
        && CONVERSIONS.contains(b.id()) && conv.args().size() == 1
        && conv.args().get(0).kind() == Arg.Kind.POSITIONAL) {
      // size = int(new_size): the value converted says what is written.
      return field(name, conv.args().get(0).value(), f);
    }
    if (literal == null && value instanceof Expr.Call get
        && get.func() instanceof Expr.Attribute a && a.attr().equals("get")
        && get.args().size() == 2 && Names.string(get.args().get(0).value()) != null) {
      // status = n.get('status', NET_STATUS_ACTIVE): what is written unless the dict says. A
      // None default says nothing of what the dict usually holds (a driver's model update).
      Step.Field otherwise = field(name, get.args().get(1).value(), f);
      if (otherwise.value() != null && !otherwise.computed()
          && !otherwise.value().equals("None")) {
        return new Step.Field(name, otherwise.value() + " (default)", false);
      }
    }
    if (literal == null && value instanceof Expr.Attribute
        && resolver.valueOf(value, f.scope) instanceof Value.StringValue constant
        && !constant.value().contains("...")) {
      // fields.SnapshotStatus.AVAILABLE: a class's constant is the string it holds.
      literal = "'" + constant.value() + "'";
    }
    if (literal != null) {
      return new Step.Field(name, literal, false);
    }
    if (profile.isStateField(name)
        && (value instanceof Expr.Name || value instanceof Expr.Attribute)) {
      return new Step.Field(name, null, false);
    }
    // An attribute says whose it is (instance_type_id = new_flavor.id, not "= id").
    String dotted = value instanceof Expr.Attribute ? Names.dotted(value) : null;
    return new Step.Field(name, dotted != null ? dotted.replaceFirst("^self\\.", "")
        : ConstText.of(value, f.fn.module().ast()), true);
  }

  /**
   * The values a SQL CASE written as a value can set ({@code Case([(has_attachments,
   * 'in-use')], else_='available')}, Cinder's db_utils over SQLAlchemy's case): each string
   * literal it yields, in order, joined by "or"; null for any other call.
   */
  private static String caseValues(Expr.Call c) {
    if (!"Case".equals(Names.simpleName(c.func())) || c.args().isEmpty()
        || !(c.args().get(0).value() instanceof Expr.Sequence whens)) {
      return null;
    }
    List<String> values = new ArrayList<>();
    for (Expr when : whens.elements()) {
      if (when instanceof Expr.Sequence pair && pair.elements().size() == 2
          && Names.string(pair.elements().get(1)) != null) {
        values.add("'" + Names.string(pair.elements().get(1)) + "'");
      } else {
        return null;
      }
    }
    for (Arg a : c.args()) {
      if (a.kind() == Arg.Kind.KEYWORD && "else_".equals(a.keyword())) {
        String orElse = Names.string(a.value());
        if (orElse == null) {
          return null;
        }
        values.add("'" + orElse + "'");
      }
    }
    return values.size() < 2 ? null : String.join(" or ", values);
  }

  /**
   * A local the branches before assigned different literals ({@code orig_volume_status =
   * 'available'} or {@code 'in-use'}, by whether the volume has attachments): each, in order,
   * joined by "or"; null unless every value reaching here is a literal.
   */
  private static String eitherLiteral(List<Expr> values, Frame f) {
    if (values == null || values.size() < 2) {
      return null;
    }
    java.util.LinkedHashSet<String> texts = new java.util.LinkedHashSet<>();
    for (Expr v : values) {
      String text = v instanceof Expr.Constant ? f.literal(v) : null;
      if (text == null) {
        return null;
      }
      texts.add(text);
    }
    return texts.size() < 2 ? null : String.join(" or ", texts);
  }
}
