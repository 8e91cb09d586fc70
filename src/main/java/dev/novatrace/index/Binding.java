package dev.novatrace.index;

import dev.novatrace.python.ast.Expr;

/** What a name at a module's top level stands for. */
public sealed interface Binding {

  /** {@code import a.b} binds {@code a} to module a; {@code import a.b as c} binds c to a.b. */
  record ModuleImport(String module) implements Binding {}

  /** {@code from module import symbol}: a submodule or a name defined in module. */
  record FromImport(String module, String symbol) implements Binding {}

  record ClassDef(ClassInfo info) implements Binding {}

  record FunctionDef(FunctionInfo info) implements Binding {}

  /** {@code NAME = expr} at module level, evaluated lazily in the module's scope. */
  record Assignment(Expr value) implements Binding {}
}
