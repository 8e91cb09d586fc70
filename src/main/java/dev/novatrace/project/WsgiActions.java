package dev.novatrace.project;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.index.Names;
import dev.novatrace.python.ast.Arg;
import dev.novatrace.python.ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code @wsgi.action('os-migrateLive')} tells about controller methods. Controllers rename
 * their methods between releases ({@code _migrate_live} became {@code _migrate_live_v2}) while
 * the action key stays, so the key links an old method name to the new one.
 */
public final class WsgiActions {
  private WsgiActions() {}

  /** The action key of a method, if it is decorated with {@code @wsgi.action('key')}. */
  public static Optional<String> key(FunctionInfo f) {
    for (Expr d : f.decorators()) {
      if (d instanceof Expr.Call call && "action".equals(Names.simpleName(call.func()))
          && !call.args().isEmpty() && Names.string(call.args().get(0).value()) != null) {
        return Optional.of(Names.string(call.args().get(0).value()));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether {@code f} is decorated {@code @wsgi.extends} (bare or with {@code action='key'}): it
   * only post-processes the response of the core controller's method, so it is never an entry.
   */
  public static boolean extendsCore(FunctionInfo f) {
    return f.hasDecoratorNamed("extends");
  }

  /** The action key of an {@code @wsgi.extends(action='key')} method; empty for a bare one. */
  public static Optional<String> extendedActionKey(FunctionInfo f) {
    for (Expr d : f.decorators()) {
      if (d instanceof Expr.Call call && "extends".equals(Names.simpleName(call.func()))) {
        for (Arg a : call.args()) {
          if ("action".equals(a.keyword()) && Names.string(a.value()) != null) {
            return Optional.of(Names.string(a.value()));
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Methods of {@code module}'s classes whose action key names {@code functionName}: the key and
   * the name agree in kebab case once leading underscores and the servers controller's
   * {@code _action_} prefix go ({@code _migrate_live} and {@code os-migrateLive} are both
   * {@code migrate-live}; so are {@code _action_confirm_resize} and {@code confirmResize}).
   */
  public static List<FunctionInfo> servingAction(ModuleInfo module, String functionName) {
    String wanted = ActionNames.kebab(functionName.replaceFirst("^_*(action_)?", ""));
    List<FunctionInfo> out = new ArrayList<>();
    for (ClassInfo c : module.classes().values()) {
      for (FunctionInfo f : c.methods().values()) {
        key(f).filter(k -> ActionNames.kebab(k).equals(wanted)).ifPresent(k -> out.add(f));
      }
    }
    return out;
  }
}
