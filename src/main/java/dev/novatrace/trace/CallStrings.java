package dev.novatrace.trace;

import dev.novatrace.python.ast.Expr;
import java.util.Optional;

/**
 * The string an argument holds where a call is made: a literal, a constant the code names, a
 * parameter or field of {@code self} bound to a literal on the path, or a {@code %}-format of
 * those ({@code 'resize.revert.%s' % phase} with {@code phase='start'}). Empty when any part
 * is not known: a label never shows a half-known string.
 */
@FunctionalInterface
public interface CallStrings {
  Optional<String> of(Expr e);
}
