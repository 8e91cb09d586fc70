package dev.novatrace.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.python.SourceParser;
import dev.novatrace.python.ast.Module;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The code model of a small package: modules, their bindings, classes and methods. */
class CodeIndexTest {
  private static Module module(String path, String source) {
    return SourceParser.parseString(path, source).module();
  }

  private static final CodeIndex INDEX = CodeIndex.build(List.of(
      module("nova/__init__.py", ""),
      module("nova/compute/__init__.py", "from nova.compute.api import API\n"),
      module("nova/compute/api.py", """
          import functools
          from nova import objects as obj
          from nova.compute import rpcapi

          LIMIT = 10


          class Base(object):
              def pause(self, context):
                  pass


          class API(Base):
              def __init__(self):
                  self.compute_rpcapi = rpcapi.ComputeAPI()

              def pause(self, context, instance):
                  self.compute_rpcapi.pause_instance(context, instance)

              @staticmethod
              def _helper():
                  pass


          def module_function():
              pass
          """)));

  @Test
  void modulesAreNamedFromTheirPaths() {
    assertEquals("nova.compute", CodeIndex.moduleName("nova/compute/__init__.py"));
    assertEquals("nova.compute.api", CodeIndex.moduleName("nova/compute/api.py"));
    assertTrue(INDEX.module("nova.compute").orElseThrow().isPackage());
    assertEquals("nova/compute/api.py",
        INDEX.moduleByPath("nova/compute/api.py").orElseThrow().path());
  }

  @Test
  void topLevelBindingsSayWhatEachNameIs() {
    ModuleInfo api = INDEX.module("nova.compute.api").orElseThrow();
    TreeMap<String, String> kinds = new TreeMap<>();
    api.bindings().forEach((name, b) -> kinds.put(name, b.getClass().getSimpleName()));
    assertEquals("{API=ClassDef, Base=ClassDef, LIMIT=Assignment, functools=ModuleImport,"
        + " module_function=FunctionDef, obj=FromImport, rpcapi=FromImport}", kinds.toString());
    Binding.FromImport obj = assertInstanceOf(Binding.FromImport.class, api.bindings().get("obj"));
    assertEquals("nova", obj.module());
    assertEquals("objects", obj.symbol());
  }

  @Test
  void classesKnowTheirMethodsAndTheAttributesTheirMethodsAssign() {
    ClassInfo api = INDEX.module("nova.compute.api").orElseThrow().classes().get("API");
    assertEquals("nova.compute.api.API", api.qualifiedName());
    assertEquals(List.of("__init__", "pause", "_helper"), List.copyOf(api.methods().keySet()));
    FunctionInfo helper = api.methods().get("_helper");
    assertTrue(helper.hasDecoratorNamed("staticmethod"));
    assertEquals("__init__", api.attribute("compute_rpcapi").get(0).method().name());
    assertEquals(1, api.baseExpressions().size());
  }

  @Test
  void aPackageReExportsWhatItImports() {
    assertInstanceOf(Binding.FromImport.class,
        INDEX.module("nova.compute").orElseThrow().bindings().get("API"));
  }
}
