package dev.novatrace.index;

import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A class: its methods, its bases (unresolved expressions; the resolver computes the MRO), and the
 * attributes its methods bind on {@code self} ({@code self.compute_rpcapi = rpcapi.ComputeAPI()}),
 * each with the method it was bound in, so the value can be typed in that method's scope.
 */
public final class ClassInfo {
  private final String name;
  private final ModuleInfo module;
  private final Stmt.ClassDef ast;
  private final Map<String, FunctionInfo> methods = new LinkedHashMap<>();
  private final Map<String, List<AttributeAssignment>> attributes = new LinkedHashMap<>();
  private final Map<String, Expr> classAttributes = new LinkedHashMap<>();
  /** Classes defined in the class body, by their own name (Python's Outer.Inner). */
  private final Map<String, ClassInfo> nestedClasses = new LinkedHashMap<>();

  /** {@code self.name = value} inside {@code method}. */
  public record AttributeAssignment(Expr value, FunctionInfo method) {}

  ClassInfo(String name, ModuleInfo module, Stmt.ClassDef ast) {
    this.name = name;
    this.module = module;
    this.ast = ast;
  }

  public String name() {
    return name;
  }

  public String qualifiedName() {
    return module.name() + "." + name;
  }

  public ModuleInfo module() {
    return module;
  }

  public Stmt.ClassDef ast() {
    return ast;
  }

  public List<Expr> baseExpressions() {
    List<Expr> bases = new ArrayList<>();
    ast.bases().forEach(a -> {
      if (a.keyword() == null && a.kind() == dev.novatrace.python.ast.Arg.Kind.POSITIONAL) {
        bases.add(a.value());
      }
    });
    return bases;
  }

  public Map<String, FunctionInfo> methods() {
    return Collections.unmodifiableMap(methods);
  }

  public List<AttributeAssignment> attribute(String attr) {
    return attributes.getOrDefault(attr, List.of());
  }

  public Expr classAttribute(String attr) {
    return classAttributes.get(attr);
  }

  /** The class {@code attr} defined in this class's body ({@code self.SwiftObjectWriter}). */
  public ClassInfo nestedClass(String attr) {
    return nestedClasses.get(attr);
  }

  void addNestedClass(String attr, ClassInfo nested) {
    nestedClasses.putIfAbsent(attr, nested);
  }

  void addMethod(FunctionInfo f) {
    methods.putIfAbsent(f.name(), f);
  }

  void addAttribute(String attr, AttributeAssignment a) {
    List<AttributeAssignment> list = attributes.computeIfAbsent(attr, k -> new ArrayList<>());
    // Assignments in __init__ say most about an attribute's type: try them first.
    if ("__init__".equals(a.method().name())) {
      list.add(0, a);
    } else {
      list.add(a);
    }
  }

  void addClassAttribute(String attr, Expr value) {
    classAttributes.putIfAbsent(attr, value);
  }

  @Override
  public String toString() {
    return qualifiedName();
  }
}
