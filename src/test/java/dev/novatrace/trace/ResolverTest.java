package dev.novatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import dev.novatrace.python.SourceParser;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import dev.novatrace.project.SourceTree;
import dev.novatrace.testing.MiniNova;
import dev.novatrace.workspace.Workspace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Name and type resolution on the fixture tree, one Python feature per test. */
class ResolverTest {
  private final Resolver resolver = MiniNova.workspace().resolver();

  private ClassInfo cls(String dotted) {
    return resolver.classNamed(dotted).orElseThrow(() -> new AssertionError("no class " + dotted));
  }

  private FunctionInfo method(String cls, String name) {
    return cls(cls).methods().get(name);
  }

  private static Expr expr(String source) {
    return ((Stmt.ExprStmt) SourceParser.parseString("expr.py", source).module().body().get(0))
        .value();
  }

  private Value in(FunctionInfo fn, String source) {
    return resolver.valueOf(expr(source), resolver.scopeOf(fn));
  }

  private Value inModule(String module, String source) {
    return resolver.valueOf(expr(source),
        Scope.ofModule(resolver.index().module(module).orElseThrow()));
  }

  private static String className(Value v) {
    if (v instanceof Value.ClassValue c) {
      return "class " + c.cls().qualifiedName();
    }
    return "instance " + assertInstanceOf(Value.InstanceValue.class, v).cls().qualifiedName();
  }

  private static String function(Value v) {
    return assertInstanceOf(Value.FunctionValue.class, v).function().qualifiedName();
  }

  @Test
  void importAsAliasNamesTheModule() {
    String m = "nova.api.openstack.compute.pause_server";
    assertEquals("class nova.compute.api.API", className(inModule(m, "compute.API")));
    assertEquals(new Value.StringValue("os_compute_api:os-pause-server:pause"),
        inModule(m, "ps_policies.POLICY_ROOT % 'pause'"));
  }

  @Test
  void relativeImportOfASiblingModule() {
    assertEquals("class nova.conductor.rpcapi.ComputeTaskAPI",
        className(inModule("nova.conductor.api", "rpcapi.ComputeTaskAPI")));
  }

  @Test
  void packageInitReExportsAClassOfASubmodule() {
    // nova/conductor/__init__.py: ComputeTaskAPI = conductor_api.ComputeTaskAPI (not the rpcapi one)
    assertEquals("class nova.conductor.api.ComputeTaskAPI",
        className(inModule("nova.compute.api", "conductor.ComputeTaskAPI")));
  }

  @Test
  void selfAttributesTakeTheTypeBoundInInit() {
    FunctionInfo pause = method("nova.compute.api.API", "pause");
    assertEquals("instance nova.compute.rpcapi.ComputeAPI", className(in(pause, "self.compute_rpcapi")));
    assertEquals("instance nova.conductor.api.ComputeTaskAPI",
        className(in(pause, "self.compute_task_api")));
    assertEquals("nova.compute.rpcapi.ComputeAPI.pause_instance",
        function(in(pause, "self.compute_rpcapi.pause_instance")));
    assertEquals(Value.UNKNOWN, in(pause, "self.no_such_attribute"));
  }

  @Test
  void attributesSetInTheBaseInitAndTypedByParameterName() {
    FunctionInfo execute = method("nova.conductor.tasks.live_migrate.LiveMigrationTask", "_execute");
    // TaskBase.__init__ binds self.instance from its 'instance' parameter.
    assertEquals("instance nova.objects.instance.Instance", className(in(execute, "self.instance")));
    assertEquals("instance nova.objects.migration.Migration", className(in(execute, "self.migration")));
    assertEquals("instance nova.scheduler.client.query.SchedulerQueryClient",
        className(in(execute, "self.query_client")));
  }

  @Test
  void methodResolutionOrderFollowsTheBasesAcrossModules() {
    assertEquals(List.of("ComputeManager", "Manager", "PeriodicTasks"),
        resolver.mro(cls("nova.compute.manager.ComputeManager")).stream().map(ClassInfo::name).toList());
    assertEquals(List.of("LibvirtDriver", "ComputeDriver"),
        resolver.mro(cls("nova.virt.libvirt.driver.LibvirtDriver")).stream().map(ClassInfo::name).toList());
  }

  @Test
  void superCallsTheNextInitUpTheChain() {
    assertEquals("nova.manager.Manager.__init__", function(in(
        method("nova.compute.manager.ComputeManager", "__init__"),
        "super(ComputeManager, self).__init__")));
    assertEquals("nova.manager.PeriodicTasks.__init__", function(in(
        method("nova.manager.Manager", "__init__"), "super(Manager, self).__init__")));
    assertEquals("nova.conductor.tasks.base.TaskBase.__init__", function(in(
        method("nova.conductor.tasks.live_migrate.LiveMigrationTask", "__init__"),
        "super().__init__")));
  }

  @Test
  void aBaseMethodCalledOnASubclassInstanceReachesTheOverride() {
    FunctionInfo execute = method("nova.conductor.tasks.base.TaskBase", "execute");
    Scope onTask = resolver.scopeOf(execute)
        .withSelf(cls("nova.conductor.tasks.live_migrate.LiveMigrationTask"));
    assertEquals("nova.conductor.tasks.live_migrate.LiveMigrationTask._execute",
        function(resolver.valueOf(expr("self._execute"), onTask)));
    assertEquals("nova.conductor.tasks.base.TaskBase._execute",
        function(in(execute, "self._execute")));
  }

  @Test
  void returnTypesFollowFactoryMethods() {
    FunctionInfo live = method("nova.conductor.manager.ComputeTaskManager", "_live_migrate");
    assertEquals("instance nova.conductor.tasks.live_migrate.LiveMigrationTask",
        className(in(live, "self._build_live_migrate_task(context)")));
  }

  @Test
  void objectsRegistryFindsClassesOfItsSubmodules() {
    FunctionInfo get = method("nova.compute.api.API", "get");
    // nova/objects/__init__.py defines none of these: they register at import time.
    assertEquals("nova.objects.instance.Instance.get_by_uuid",
        function(in(get, "objects.Instance.get_by_uuid")));
    assertEquals("nova.objects.request_spec.RequestSpec.get_by_instance_uuid",
        function(in(get, "objects.RequestSpec.get_by_instance_uuid")));
    assertEquals(Value.UNKNOWN, in(get, "objects.NoSuchObject"));
  }

  @Test
  void getattrWithALiteralNameIsTheAttribute() {
    FunctionInfo pause = method("nova.compute.api.API", "pause");
    assertEquals("nova.compute.rpcapi.ComputeAPI.pause_instance",
        function(in(pause, "getattr(self.compute_rpcapi, 'pause_instance')")));
    assertEquals("nova.compute.rpcapi.ComputeAPI.pause_instance",
        function(in(pause, "getattr(self.compute_rpcapi, 'pause' + '_instance', None)")));
    assertInstanceOf(Value.Unknown.class, in(pause, "getattr(self.compute_rpcapi, name)"));
  }

  @Test
  void aPartialCallsTheFunctionItWraps() {
    FunctionInfo pause = method("nova.compute.api.API", "pause");
    assertEquals("nova.compute.rpcapi.ComputeAPI.pause_instance",
        function(in(pause, "functools.partial(self.compute_rpcapi.pause_instance, context)")));
  }

  @Test
  void theCensusCountsEveryCallOfTheTreeOnce() {
    CallCensus census = CallCensus.of(resolver);
    assertEquals(census.calls(), census.resolved() + census.outside() + census.unresolved());
    // The fixture's own calls mostly resolve: its routes are what the golden traces draw.
    assertTrue(census.resolved() > census.unresolved(), census.summary());
    assertTrue(census.outside() > 0, census.summary());
  }

  @Test
  void aFlowHoldsTheTasksAddedToItInOrderAndItsEngineTheSame() {
    FunctionInfo getFlow = resolver.index().module("nova.conductor.tasks.rebuild_flow")
        .orElseThrow().functions().get("get_flow");
    String m = "nova.conductor.tasks.rebuild_flow.";
    List<String> tasks = List.of(m + "LoadRequestSpecTask", m + "SelectHostTask",
        m + "RebuildOnHostTask");
    Value flow = in(getFlow, "flow");
    assertEquals(tasks, assertInstanceOf(Value.FlowValue.class, flow).tasks().stream()
        .map(ClassInfo::qualifiedName).toList());
    // get_flow returns taskflow.engines.load(flow): an engine over the same tasks.
    assertEquals(flow, resolver.returnValue(getFlow));
    assertEquals("taskflow.patterns.linear_flow.Flow",
        resolver.importedName(expr("linear_flow.Flow"), resolver.scopeOf(getFlow)));
  }

  /**
   * A class picked from a dict keyed by an option: the image backend's mapping, with the key
   * falling back to [libvirt] images_type and the 'default' entry decided by the constructor's
   * argument (CONF.use_cow_images). The default deployment's disks are Qcow2.
   */
  @Test
  void aClassPickedByAnOptionIsTheOneTheSettingsPick() {
    FunctionInfo snapshot = method("nova.virt.libvirt.driver.LibvirtDriver", "snapshot");
    assertEquals("instance nova.virt.libvirt.imagebackend.Qcow2",
        className(in(snapshot, "root_disk")));
    // Calls on it resolve to the picked class's methods, inherited ones too.
    assertEquals("nova.virt.libvirt.imagebackend.Qcow2.snapshot_extract",
        function(in(snapshot, "root_disk.snapshot_extract")));
    assertEquals("nova.virt.libvirt.imagebackend.Image.direct_snapshot",
        function(in(snapshot, "root_disk.direct_snapshot")));
  }

  /**
   * The 'default' entry is {@code Qcow2 if use_cow else Flat}, use_cow the constructor's
   * parameter, passed CONF.use_cow_images where the driver builds the mapping's owner: with it
   * off, the default backend is Flat; a backend set by name wins over it.
   */
  @Test
  void theSettingsAConstructorIsPassedDecideTheEntry() {
    Workspace ws = Workspace.load(new SourceTree(MiniNova.ROOT, "mini"), "libvirt", null);
    ws.configure(ws.settings().with("DEFAULT", "use_cow_images", "false"));
    Resolver flat = ws.resolver();
    FunctionInfo snapshot = flat.classNamed("nova.virt.libvirt.driver.LibvirtDriver").orElseThrow()
        .methods().get("snapshot");
    assertEquals("instance nova.virt.libvirt.imagebackend.Flat",
        className(flat.valueOf(expr("root_disk"), flat.scopeOf(snapshot))));
    ws.configure(ws.settings().with("libvirt", "images_type", "rbd"));
    assertEquals("nova.virt.libvirt.imagebackend.Rbd.direct_snapshot",
        function(flat.valueOf(expr("root_disk.direct_snapshot"), flat.scopeOf(snapshot))));
  }

  /**
   * A class loaded by name ({@code importutils.import_object}) where the name is picked from a
   * module's dict keyed by an option: the servicegroup driver [DEFAULT] servicegroup_driver
   * names, 'db' by default, 'mc' when set so.
   */
  @Test
  void aClassImportedByTheNameAnOptionPicksIsThatClass() {
    FunctionInfo isUp = method("nova.servicegroup.api.API", "service_is_up");
    assertEquals("nova.servicegroup.drivers.db.DbDriver.is_up",
        function(in(isUp, "self._driver.is_up")));
    Workspace ws = Workspace.load(new SourceTree(MiniNova.ROOT, "mini"), "libvirt", null);
    ws.configure(ws.settings().with("DEFAULT", "servicegroup_driver", "mc"));
    Resolver mc = ws.resolver();
    FunctionInfo there = mc.classNamed("nova.servicegroup.api.API").orElseThrow().methods()
        .get("service_is_up");
    assertEquals("nova.servicegroup.drivers.mc.MemcachedDriver.is_up",
        function(mc.valueOf(expr("self._driver.is_up"), mc.scopeOf(there))));
  }

  /**
   * A package that re-exports a module whole ({@code from pkg.api import *}, Cinder 17's
   * cinder/db/__init__.py) has its public names; a tuple a function returns gives each name
   * unpacked from its call its element; a local first bound to None holds its next value.
   */
  @Test
  void aStarImportReExportsAndATupleUnpacksByPosition() {
    dev.novatrace.index.CodeIndex index = dev.novatrace.index.CodeIndex.build(List.of(
        SourceParser.parseString("pkg/__init__.py", "").module(),
        SourceParser.parseString("pkg/db/__init__.py", "from pkg.db.api import *  # noqa\n")
            .module(),
        SourceParser.parseString("pkg/db/api.py", """
            def volume_update(context, volume_id, values):
                return values


            def _private():
                pass
            """).module(),
        SourceParser.parseString("pkg/service.py", """
            class Service(object):
                pass


            def pair(context):
                service = Service()
                return service, context


            def user(context):
                svc, ctx = pair(context)
                return svc


            def later(context):
                made = None
                made = Service()
                return made
            """).module()));
    Resolver r = new Resolver(index, TypeHints.NONE);
    var db = Scope.ofModule(index.module("pkg.db").orElseThrow());
    assertEquals("volume_update", assertInstanceOf(Value.FunctionValue.class,
        r.memberOf(db.module(), "volume_update")).function().name());
    assertInstanceOf(Value.Unknown.class, r.memberOf(db.module(), "_private"));
    FunctionInfo user = index.module("pkg.service").orElseThrow().functions().get("user");
    assertEquals("instance pkg.service.Service", className(r.valueOf(expr("svc"), r.scopeOf(user))));
    // A local first bound to None ("not yet") holds what it is bound to next.
    FunctionInfo later = index.module("pkg.service").orElseThrow().functions().get("later");
    assertEquals("instance pkg.service.Service",
        className(r.valueOf(expr("made"), r.scopeOf(later))));
  }
}
