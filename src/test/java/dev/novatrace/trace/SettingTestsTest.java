package dev.novatrace.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.novatrace.config.Option;
import dev.novatrace.config.Settings;
import dev.novatrace.index.CodeIndex;
import dev.novatrace.index.ModuleInfo;
import dev.novatrace.python.SourceParser;
import dev.novatrace.python.ast.Expr;
import dev.novatrace.python.ast.Stmt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tests the deployment's settings decide, and those they do not. */
class SettingTestsTest {
  private static final String SOURCE = String.join("\n",
      "from oslo_config import cfg",
      "from nova import other",
      "def distributed():",
      "    return cfg.CONF.workarounds.flag",
      "def elsewhere():",
      "    return other.CONF.workarounds.flag",
      "UNIFIED = 'nova.quota.UnifiedLimitsDriver'",
      "def use_unified():",
      "    '''Whether unified limits are in use.'''",
      "    return CONF.quota.driver == UNIFIED",
      "def takes(x):",
      "    return CONF.quota.driver == x",
      "def soft(interval=None):",
      "    '''Several returns: those the settings let run decide.'''",
      "    wanted = CONF.reclaim_instance_interval > 0",
      "    if wanted:",
      "        if interval:",
      "            return True",
      "        return interval",
      "    return wanted",
      "def either(x):",
      "    if x:",
      "        return CONF.workarounds.flag",
      "    return not CONF.workarounds.flag",
      "def looping(items):",
      "    for i in items:",
      "        if i:",
      "            return CONF.workarounds.flag",
      "    return False",
      "def nothing():",
      "    if CONF.workarounds.flag:",
      "        return True",
      "");

  private static final Settings DEFAULTS = Settings.of(List.of(
      new Option("quota", "driver", Option.Type.STR, "nova.quota.DbQuotaDriver", "conf.py", 1),
      new Option("DEFAULT", "reclaim_instance_interval", Option.Type.INT, 0L, "conf.py", 2),
      new Option("workarounds", "flag", Option.Type.BOOL, false, "conf.py", 3),
      new Option("libvirt", "images_type", Option.Type.STR, "default", "conf.py", 4),
      new Option("DEFAULT", "computed", Option.Type.STR, Option.UNKNOWN, "conf.py", 5)));

  private final ModuleInfo module = CodeIndex.build(List.of(
      SourceParser.parseString("nova/limit.py", SOURCE).module())).module("nova.limit").orElseThrow();

  private static final TraceProfile CONF_ONLY = (TraceProfile) java.lang.reflect.Proxy
      .newProxyInstance(TraceProfile.class.getClassLoader(), new Class<?>[] {TraceProfile.class},
          (proxy, m, args) -> m.getName().equals("isSettings") ? "CONF".equals(args[0])
              // What a profile says by default it says here too (cfg.CONF is the settings).
              : m.isDefault() && m.getName().equals("isSettingsObject")
                  ? java.lang.reflect.InvocationHandler.invokeDefault(proxy, m, args)
              : m.getReturnType() == java.util.Optional.class ? java.util.Optional.empty() : null);

  private SettingTests.Decision decide(String test, Settings settings) {
    return decide(test, new SettingTests(settings, CONF_ONLY));
  }

  private SettingTests.Decision decide(String test, SettingTests tests) {
    Expr e = ((Stmt.ExprStmt) SourceParser.parseString("t.py", test).module().body().get(0))
        .value();
    return tests.decide(e, module, c -> c.func()
        instanceof Expr.Name n ? module.functions().get(n.id()) : null);
  }

  /** Inside the branch an option set otherwise takes, its default decides nothing. */
  @Test
  void anOptionLetGoOfDecidesNothingUntilHeldAgain() {
    SettingTests tests = new SettingTests(DEFAULTS, CONF_ONLY);
    SettingTests.Decision outer = decide("not use_unified()", tests);
    List<String> released = tests.release(outer);
    assertNull(decide("use_unified()", tests));
    assertEquals(false, decide("CONF.workarounds.flag", tests).value());
    tests.restore(released);
    assertEquals(false, decide("use_unified()", tests).value());
  }

  @Test
  void aSettingAtItsDefaultDecides() {
    SettingTests.Decision d = decide("CONF.reclaim_instance_interval", DEFAULTS);
    assertEquals(false, d.value());
    assertEquals("[DEFAULT] reclaim_instance_interval = 0 (default)", d.describe());
    assertEquals("[DEFAULT] reclaim_instance_interval set otherwise", d.otherwise());
    assertEquals(true, decide("CONF.reclaim_instance_interval <= 0", DEFAULTS).value());
    assertEquals(true, decide("CONF.libvirt.images_type == 'default'", DEFAULTS).value());
    assertEquals(true, decide("CONF.libvirt.images_type in ('default', 'qcow2')", DEFAULTS)
        .value());
    assertEquals(true, decide("not CONF.workarounds.flag", DEFAULTS).value());
  }

  @Test
  void aFunctionThatOnlyReturnsATestIsThatTest() {
    SettingTests.Decision d = decide("not use_unified()", DEFAULTS);
    assertEquals(true, d.value());
    assertEquals("[quota] driver = nova.quota.DbQuotaDriver (default)", d.describe());
    // Its parameters hold what the call passes: a literal is known, a name of the caller not.
    assertEquals(false, decide("takes('x')", DEFAULTS).value());
    assertEquals(true, decide("takes('nova.quota.DbQuotaDriver')", DEFAULTS).value());
    assertNull(decide("takes(driver)", DEFAULTS));
  }

  /**
   * oslo.config's global object reached through its module ({@code cfg.CONF.ovn.x}, as Neutron
   * reads most options) is the settings; a CONF of another module is not.
   */
  @Test
  void theGlobalConfReachedThroughOsloConfigsModuleIsTheSettings() {
    assertEquals(false, decide("distributed()", DEFAULTS).value());
    assertEquals(false, decide("cfg.CONF.workarounds.flag", DEFAULTS).value());
    assertNull(decide("elsewhere()", DEFAULTS));
  }

  @Test
  void aFunctionOfSeveralReturnsIsDecidedWhenThoseThatRunAgree() {
    // reclaim_instance_interval = 0: the branch with two returns never runs.
    SettingTests.Decision d = decide("soft(unknown)", DEFAULTS);
    assertEquals(false, d.value());
    assertEquals("[DEFAULT] reclaim_instance_interval = 0 (default)", d.describe());
    Settings set = DEFAULTS.with("DEFAULT", "reclaim_instance_interval", "60");
    // Set: which return runs depends on an argument not known here ...
    assertNull(decide("soft(unknown)", set));
    // ... or known: None as passed is falsy, so "return interval" gives None.
    assertEquals(false, decide("soft(None)", set).value());
    assertEquals(true, decide("soft(1)", set).value());
    // Returns that disagree decide nothing; falling off the end returns None.
    assertNull(decide("either(unknown)", DEFAULTS));
    assertEquals(false, decide("nothing()", DEFAULTS).value());
    // A return inside a loop is more than the reading follows.
    assertNull(decide("looping(unknown)", DEFAULTS));
  }

  @Test
  void oneKnownOperandDecidesAnAndOrAnOr() {
    assertEquals(false, decide("CONF.workarounds.flag and unknown_thing", DEFAULTS).value());
    assertEquals(true, decide("not CONF.workarounds.flag or unknown_thing", DEFAULTS).value());
    assertNull(decide("not CONF.workarounds.flag and unknown_thing", DEFAULTS));
  }

  @Test
  void whatTheSettingsDoNotDecideIsLeftAlone() {
    assertNull(decide("instance.host", DEFAULTS));
    assertNull(decide("CONF.computed == 'x'", DEFAULTS));
    assertNull(decide("CONF.unknown_option", DEFAULTS));
    assertNull(decide("True", DEFAULTS));
    assertNull(decide("CONF.reclaim_instance_interval", Settings.NONE));
  }

  @Test
  void aValueSetDecidesTheOtherWay() {
    Settings set = DEFAULTS.with("DEFAULT", "reclaim_instance_interval", "3600")
        .with("quota", "driver", "nova.quota.UnifiedLimitsDriver");
    SettingTests.Decision d = decide("CONF.reclaim_instance_interval", set);
    assertEquals(true, d.value());
    assertEquals("[DEFAULT] reclaim_instance_interval = 3600", d.describe());
    assertEquals(false, decide("not use_unified()", set).value());
  }

  @Test
  void badValuesAreRefusedByType() {
    IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> DEFAULTS.with("DEFAULT", "reclaim_instance_interval", "soon"));
    assertEquals("[DEFAULT] reclaim_instance_interval is an integer, not 'soon'", e.getMessage());
    e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> DEFAULTS.with("DEFAULT", "driver", "x"));
    assertEquals("unknown option [DEFAULT] driver (did you mean [quota] driver?)", e.getMessage());
  }

}
