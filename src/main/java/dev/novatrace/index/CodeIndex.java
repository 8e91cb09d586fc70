package dev.novatrace.index;

import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Module;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The code model of a source tree: every module by dotted name, with its top-level bindings,
 * classes, methods and the attributes methods bind on {@code self}. Names are not resolved here;
 * that is the {@code trace} package's job, so the index stays a plain, cheap description.
 */
public final class CodeIndex {
  private final TreeMap<String, ModuleInfo> byName = new TreeMap<>();
  private final Map<String, ModuleInfo> byPath = new HashMap<>();
  /** The same modules as byName, for lookups: the resolver asks by name at every name it meets. */
  private final Map<String, ModuleInfo> lookup = new HashMap<>();

  private CodeIndex() {}

  /** Builds the index from parsed modules whose {@link Module#path()} is relative to the root. */
  public static CodeIndex build(Collection<Module> modules) {
    CodeIndex index = new CodeIndex();
    for (Module m : modules) {
      index.add(m);
    }
    return index;
  }

  private void add(Module m) {
    String path = m.path().replace('\\', '/');
    boolean isPackage = path.endsWith("/__init__.py") || path.equals("__init__.py");
    String dotted = moduleName(path);
    ModuleInfo info = new ModuleInfo(dotted, path, isPackage, m);
    byName.put(dotted, info);
    lookup.put(dotted, info);
    byPath.put(path, info);
    new ModuleScanner(info).scan(m.body());
  }

  /** {@code nova/compute/api.py} → {@code nova.compute.api}; a package's __init__ → the package. */
  public static String moduleName(String path) {
    String p = path.endsWith(".py") ? path.substring(0, path.length() - 3) : path;
    if (p.endsWith("/__init__")) {
      p = p.substring(0, p.length() - "/__init__".length());
    }
    return p.replace('/', '.');
  }

  public Optional<ModuleInfo> module(String dottedName) {
    return Optional.ofNullable(lookup.get(dottedName));
  }

  public Optional<ModuleInfo> moduleByPath(String relativePath) {
    return Optional.ofNullable(byPath.get(relativePath));
  }

  /**
   * The function or method whose {@code def} is on line {@code defLine} of the module at
   * {@code relativePath}: what a step's origin names.
   */
  public Optional<FunctionInfo> functionDefinedAt(String relativePath, int defLine) {
    return moduleByPath(relativePath).flatMap(m -> java.util.stream.Stream.concat(
            m.functions().values().stream(),
            m.classes().values().stream().flatMap(c -> c.methods().values().stream()))
        .filter(f -> f.ast().defLine() == defLine).findFirst());
  }

  /** Every module, sorted by name. */
  public Collection<ModuleInfo> modules() {
    return byName.values();
  }

  /** Modules whose dotted name starts with {@code prefix + "."} (or equals it), sorted. */
  public List<ModuleInfo> modulesUnder(String prefix) {
    List<ModuleInfo> out = new ArrayList<>();
    for (ModuleInfo m : byName.tailMap(prefix).values()) {
      if (!m.name().equals(prefix) && !m.name().startsWith(prefix + ".")) {
        break;
      }
      out.add(m);
    }
    return out;
  }

  /** Walks one module's top level and its classes, recording what they bind. */
  private static final class ModuleScanner {
    private final ModuleInfo module;

    ModuleScanner(ModuleInfo module) {
      this.module = module;
    }

    void scan(List<Stmt> body) {
      for (Stmt s : body) {
        scanTopLevel(s);
      }
    }

    private void scanTopLevel(Stmt s) {
      if (s instanceof Stmt.Import imp) {
        for (Stmt.Alias a : imp.names()) {
          String target = a.asName() != null ? a.name() : a.boundName();
          module.bind(a.boundName(), new Binding.ModuleImport(target));
        }
      } else if (s instanceof Stmt.ImportFrom from) {
        String base = absoluteModule(from);
        for (Stmt.Alias a : from.names()) {
          if (!"*".equals(a.name())) {
            module.bind(a.boundName(), new Binding.FromImport(base, a.name()));
          } else {
            module.starImport(base);
          }
        }
      } else if (s instanceof Stmt.ClassDef c) {
        module.bind(c.name(), new Binding.ClassDef(scanClass(c)));
      } else if (s instanceof Stmt.FunctionDef f) {
        module.bind(f.name(), new Binding.FunctionDef(new FunctionInfo(f.name(), module, null, f)));
      } else if (s instanceof Stmt.Assign a) {
        for (Expr t : a.targets()) {
          if (t instanceof Expr.Name n) {
            module.bind(n.id(), new Binding.Assignment(a.value()));
          }
        }
      } else if (s instanceof Stmt.If i) {
        scan(i.body());
        scan(i.orElse());
      } else if (s instanceof Stmt.Try t) {
        scan(t.body());
        t.handlers().forEach(h -> scan(h.body()));
        scan(t.orElse());
        scan(t.finalBody());
      }
    }

    private String absoluteModule(Stmt.ImportFrom from) {
      if (from.level() == 0) {
        return from.module();
      }
      String pkg = module.packageName();
      for (int i = 1; i < from.level(); i++) {
        int dot = pkg.lastIndexOf('.');
        pkg = dot < 0 ? "" : pkg.substring(0, dot);
      }
      if (from.module() == null || from.module().isEmpty()) {
        return pkg;
      }
      return pkg.isEmpty() ? from.module() : pkg + "." + from.module();
    }

    private ClassInfo scanClass(Stmt.ClassDef c) {
      ClassInfo info = new ClassInfo(c.name(), module, c);
      scanClassBody(info, c.body());
      return info;
    }

    private void scanClassBody(ClassInfo info, List<Stmt> body) {
      for (Stmt s : body) {
        if (s instanceof Stmt.FunctionDef f) {
          FunctionInfo fi = new FunctionInfo(f.name(), module, info, f);
          info.addMethod(fi);
          collectSelfAttributes(info, fi, f.body());
        } else if (s instanceof Stmt.Assign a) {
          for (Expr t : a.targets()) {
            if (t instanceof Expr.Name n) {
              info.addClassAttribute(n.id(), a.value());
            }
          }
        } else if (s instanceof Stmt.If i) {
          scanClassBody(info, i.body());
          scanClassBody(info, i.orElse());
        } else if (s instanceof Stmt.ClassDef nested) {
          ClassInfo inner = new ClassInfo(info.name() + "." + nested.name(), module, nested);
          scanClassBody(inner, nested.body());
          info.addNestedClass(nested.name(), inner);
        }
      }
    }

    /** Records {@code self.x = value} anywhere in a method body (not in nested defs). */
    private void collectSelfAttributes(ClassInfo info, FunctionInfo method, List<Stmt> body) {
      String self = firstParam(method);
      if (self == null) {
        return;
      }
      StatementWalker.forEach(body, s -> {
        if (s instanceof Stmt.Assign a) {
          for (Expr t : a.targets()) {
            if (t instanceof Expr.Attribute attr
                && attr.value() instanceof Expr.Name n
                && n.id().equals(self)) {
              info.addAttribute(attr.attr(), new ClassInfo.AttributeAssignment(a.value(), method));
            }
          }
        } else if (s instanceof Stmt.AnnAssign a && a.value() != null
            && a.target() instanceof Expr.Attribute attr
            && attr.value() instanceof Expr.Name n && n.id().equals(self)) {
          info.addAttribute(attr.attr(), new ClassInfo.AttributeAssignment(a.value(), method));
        }
      });
    }

    private static String firstParam(FunctionInfo f) {
      return f.ast().params().isEmpty() ? null : f.ast().params().get(0).name();
    }
  }
}
