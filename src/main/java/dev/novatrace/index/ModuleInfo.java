package dev.novatrace.index;

import dev.novatrace.python.ast.Module;
import dev.novatrace.python.ast.Stmt;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Python module of the tree: its dotted name, its path relative to the tree root
 * ({@code nova/compute/api.py}), and what its top level binds (imports, classes, functions,
 * assignments). Built once by {@link CodeIndex}; read-only afterwards.
 */
public final class ModuleInfo {
  private final String name;
  private final String path;
  private final boolean isPackage;
  private final Module ast;
  private final Map<String, Binding> bindings = new LinkedHashMap<>();
  private final Map<String, ClassInfo> classes = new LinkedHashMap<>();
  private final Map<String, FunctionInfo> functions = new LinkedHashMap<>();
  /** Modules this one re-exports whole ({@code from cinder.db.api import *}). */
  private final java.util.List<String> starImports = new java.util.ArrayList<>();

  ModuleInfo(String name, String path, boolean isPackage, Module ast) {
    this.name = name;
    this.path = path;
    this.isPackage = isPackage;
    this.ast = ast;
  }

  public String name() {
    return name;
  }

  /** Path relative to the tree root, with forward slashes. */
  public String path() {
    return path;
  }

  public boolean isPackage() {
    return isPackage;
  }

  public Module ast() {
    return ast;
  }

  /** The package a relative import is resolved against. */
  public String packageName() {
    if (isPackage) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(0, dot);
  }

  public Map<String, Binding> bindings() {
    return Collections.unmodifiableMap(bindings);
  }

  /** The modules whose public names this one imports with {@code from m import *}. */
  public java.util.List<String> starImports() {
    return Collections.unmodifiableList(starImports);
  }

  void starImport(String module) {
    starImports.add(module);
  }

  public Map<String, ClassInfo> classes() {
    return Collections.unmodifiableMap(classes);
  }

  public Map<String, FunctionInfo> functions() {
    return Collections.unmodifiableMap(functions);
  }

  void bind(String localName, Binding binding) {
    // First definition wins for defs; later imports or assignments of the same name
    // (try/except ImportError fallbacks) rarely matter for tracing.
    bindings.putIfAbsent(localName, binding);
    if (binding instanceof Binding.ClassDef c) {
      classes.putIfAbsent(localName, c.info());
    } else if (binding instanceof Binding.FunctionDef f) {
      functions.putIfAbsent(localName, f.info());
    }
  }

  /** Top-level statements, with those under module-level if/try flattened in. */
  public Iterable<Stmt> body() {
    return ast.body();
  }

  @Override
  public String toString() {
    return name;
  }
}
