package dev.novatrace.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Settings grown by an option keep what the others hold. */
class SettingsTest {
  private static final Option DRIVERS = new Option("ml2", "mechanism_drivers", Option.Type.LIST,
      List.of(), "neutron/conf/plugins/ml2/config.py", 1);
  private static final Option POLICY = new Option("oslo_policy", "enforce_new_defaults",
      Option.Type.BOOL, Boolean.TRUE, "oslo_policy/opts.py", 1);

  @Test
  void anOptionAddedKeepsTheProfilesBaselineOfTheOthers() {
    Settings s = Settings.of(List.of(DRIVERS)).baseline("ml2", "mechanism_drivers", "ovn")
        .plus(POLICY);
    assertEquals("[ml2] mechanism_drivers = ovn (profile)",
        s.get("ml2", "mechanism_drivers").orElseThrow().describe());
    assertEquals("[oslo_policy] enforce_new_defaults = True (default)",
        s.get("oslo_policy", "enforce_new_defaults").orElseThrow().describe());
  }

  @Test
  void anOptionHeldAlreadyIsNotReset() {
    Settings s = Settings.of(List.of(POLICY)).with("oslo_policy", "enforce_new_defaults",
        "false");
    assertSame(s, s.plus(POLICY));
  }
}
