package dev.novatrace.neutron;

import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Scope;
import dev.novatrace.trace.Value;

/**
 * neutron-lib's callback registry module ({@code neutron_lib/callbacks/registry.py}) as the code
 * names it: {@code registry.subscribe}, {@code local_registry.receives} (an alias),
 * {@code @registry.has_registry_receivers}, and where a call's arguments stand.
 */
final class CallbackRegistry {
  static final String MODULE = "neutron_lib.callbacks.registry";
  /** Where neutron-lib keeps the default priority ({@code PRIORITY_DEFAULT}). */
  static final String PRIORITIES = "neutron_lib.callbacks.priority_group";
  /** neutron-lib's {@code PRIORITY_DEFAULT}, for a tree that lacks neutron_lib. */
  static final long PRIORITY_DEFAULT = 55_550_000L;

  private CallbackRegistry() {}

  /**
   * Whether {@code func} is the registry's function {@code name}: by the imports when the tree
   * lacks neutron_lib, else by what the resolver finds ({@code registry} re-exported elsewhere).
   */
  static boolean is(Expr func, String name, Scope scope, Resolver resolver) {
    if (!name.equals(Names.simpleName(func))) {
      return false;
    }
    if ((MODULE + "." + name).equals(resolver.importedName(func, scope))) {
      return true;
    }
    return func instanceof Expr.Attribute
        && resolver.valueOf(func, scope) instanceof Value.FunctionValue fv
        && fv.function().owner() == null && name.equals(fv.function().name())
        && MODULE.equals(fv.function().module().name());
  }

  /** The argument at {@code position}, or the one passed as {@code keyword}; null if neither. */
  static Expr argument(Expr.Call call, int position, String keyword) {
    int seen = 0;
    for (Arg a : call.args()) {
      if (a.kind() == Arg.Kind.POSITIONAL) {
        if (seen++ == position) {
          return a.value();
        }
      } else if (a.kind() == Arg.Kind.KEYWORD && keyword.equals(a.keyword())) {
        return a.value();
      }
    }
    return null;
  }
}
