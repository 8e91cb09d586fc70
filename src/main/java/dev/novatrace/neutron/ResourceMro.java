package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.trace.Resolver;
import dev.novatrace.trace.Scope;
import dev.novatrace.trace.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's method resolution order (C3) of a class, over the bases the resolver can name.
 * Neutron's L3 plugins inherit one interface through many mixins:
 * {@code L3RouterPlugin} reaches {@code L3_NAT_dbonly_mixin.add_router_interface} through
 * {@code L3_NAT_db_mixin} (which overrides it to notify the L3 agents) and through others; a
 * depth-first order finds the mixin's base first, C3 finds the override, as Python does. Bases
 * the tree does not define ({@code object}, library classes) are left out; if the bases
 * admit no C3 order, the resolver's depth-first one is used.
 */
final class ResourceMro {
  private final Resolver resolver;
  private final Map<ClassInfo, List<ClassInfo>> cache = new HashMap<>();

  ResourceMro(Resolver resolver) {
    this.resolver = resolver;
  }

  List<ClassInfo> of(ClassInfo cls) {
    List<ClassInfo> known = cache.get(cls);
    if (known != null) {
      return known;
    }
    cache.put(cls, resolver.mro(cls)); // a cycle in broken code ends in the depth-first order
    List<ClassInfo> linear = linearize(cls);
    List<ClassInfo> result = linear != null ? linear : resolver.mro(cls);
    cache.put(cls, result);
    return result;
  }

  private List<ClassInfo> linearize(ClassInfo cls) {
    List<ClassInfo> bases = bases(cls);
    List<List<ClassInfo>> sequences = new ArrayList<>();
    bases.forEach(b -> sequences.add(new ArrayList<>(of(b))));
    sequences.add(new ArrayList<>(bases));
    List<ClassInfo> out = new ArrayList<>();
    out.add(cls);
    while (sequences.stream().anyMatch(s -> !s.isEmpty())) {
      ClassInfo head = null;
      for (List<ClassInfo> s : sequences) {
        if (!s.isEmpty() && sequences.stream().noneMatch(t -> t.indexOf(s.get(0)) > 0)) {
          head = s.get(0);
          break;
        }
      }
      if (head == null) {
        return null; // Python raises TypeError: no consistent order
      }
      out.add(head);
      for (List<ClassInfo> s : sequences) {
        s.remove(head);
      }
    }
    return out;
  }

  private List<ClassInfo> bases(ClassInfo cls) {
    List<ClassInfo> out = new ArrayList<>();
    for (Expr base : cls.baseExpressions()) {
      Value v = resolver.valueOf(base, Scope.ofModule(cls.module()));
      if (v instanceof Value.ClassValue cv && cv.cls() != cls && !out.contains(cv.cls())) {
        out.add(cv.cls());
      }
    }
    return out;
  }
}
