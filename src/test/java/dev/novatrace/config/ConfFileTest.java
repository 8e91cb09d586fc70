package dev.novatrace.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** nova.conf read with oslo.config's rules, and --set group.option=value. */
class ConfFileTest {
  private static final Settings BASE = Settings.of(List.of(
      new Option("DEFAULT", "reclaim_instance_interval", Option.Type.INT, 0L, "c.py", 1),
      new Option("DEFAULT", "debug", Option.Type.BOOL, false, "c.py", 2),
      new Option("quota", "driver", Option.Type.STR, "nova.quota.DbQuotaDriver", "q.py", 3),
      new Option("quota", "unified_limits_resource_list", Option.Type.LIST, List.of("servers"),
          "q.py", 4),
      new Option("libvirt", "images_type", Option.Type.STR, "default", "l.py", 5)));

  @TempDir
  Path dir;

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("nova.conf"), text);
  }

  private static Object value(Settings s, String group, String name) {
    return s.get(group, name).orElseThrow().value();
  }

  @Test
  void sectionsKeysCommentsQuotesAndTheLastValue() throws IOException {
    ConfFile.Applied a = ConfFile.apply(BASE, write("""
        # a comment
        ; another
        [DEFAULT]
        reclaim_instance_interval = 60
        debug: true
        reclaim_instance_interval=3600

        [Quota]
        driver = "nova.quota.UnifiedLimitsDriver"
        unified_limits_resource_list = servers,
          class:VCPU

        [libvirt]
        images_type = rbd # not a comment: oslo.config has none after a value
        """));
    assertEquals(List.of(), a.warnings());
    Settings s = a.settings();
    assertEquals(3600L, value(s, "DEFAULT", "reclaim_instance_interval"));
    assertEquals(true, value(s, "DEFAULT", "debug"));
    assertEquals("nova.quota.UnifiedLimitsDriver", value(s, "quota", "driver"));
    assertEquals(List.of("servers", "class:VCPU"),
        value(s, "quota", "unified_limits_resource_list"));
    assertEquals("rbd # not a comment: oslo.config has none after a value",
        value(s, "libvirt", "images_type"));
    assertEquals(5, s.changed().size());
  }

  @Test
  void unknownOptionsAndGroupsAreWarnedAboutOnceEach() throws IOException {
    ConfFile.Applied a = ConfFile.apply(BASE, write("""
        [DEFAULT]
        transport_url = rabbit://x
        transport_url = rabbit://y
        reclaim-instance-interval = 5

        [oslo_messaging_rabbit]
        a = 1
        b = 2

        [default]
        debug = true
        """));
    Path f = dir.resolve("nova.conf");
    assertEquals(List.of(
        f + ":3: unknown option [DEFAULT] transport_url",
        f + ":4: unknown option [DEFAULT] reclaim-instance-interval",
        f + ":7: unknown group [oslo_messaging_rabbit]",
        f + ":11: unknown group [default] (oslo.config reads [DEFAULT] only in capitals)"),
        a.warnings());
    assertEquals(List.of(), a.settings().changed());
  }

  @Test
  void badInputIsOneLineNamingFileAndLine() throws IOException {
    Path f = dir.resolve("nova.conf");
    assertEquals(f + ":1: an option before any [section]",
        assertThrows(IllegalArgumentException.class,
            () -> ConfFile.apply(BASE, write("debug = true\n"))).getMessage());
    assertEquals(f + ":2: no '=' or ':' in 'debug'",
        assertThrows(IllegalArgumentException.class,
            () -> ConfFile.apply(BASE, write("[DEFAULT]\ndebug\n"))).getMessage());
    assertEquals(f + ":1: a section must end with ]",
        assertThrows(IllegalArgumentException.class,
            () -> ConfFile.apply(BASE, write("[DEFAULT\n"))).getMessage());
    assertEquals(f + ":2: a continuation line with no option before it",
        assertThrows(IllegalArgumentException.class,
            () -> ConfFile.apply(BASE, write("[DEFAULT]\n  x\n"))).getMessage());
    assertEquals(f + ":2: an empty option name",
        assertThrows(IllegalArgumentException.class,
            () -> ConfFile.apply(BASE, write("[DEFAULT]\n= 1\n"))).getMessage());
    assertEquals(f + ":1: an empty section name",
        assertThrows(IllegalArgumentException.class,
            () -> ConfFile.apply(BASE, write("[]\n"))).getMessage());
    assertEquals(f + ":3: [DEFAULT] reclaim_instance_interval is an integer, not 'soon'",
        assertThrows(IllegalArgumentException.class, () -> ConfFile.apply(BASE,
            write("[DEFAULT]\n\nreclaim_instance_interval = soon\n"))).getMessage());
    Files.write(f, new byte[] {'[', 'D', ']', '\n', (byte) 0xff, '\n'});
    assertEquals(f + ": not UTF-8 text", assertThrows(IllegalArgumentException.class,
        () -> ConfFile.apply(BASE, f)).getMessage());
    Path missing = dir.resolve("missing.conf");
    assertEquals(missing + ": no such file", assertThrows(IllegalArgumentException.class,
        () -> ConfFile.apply(BASE, missing)).getMessage());
    assertEquals(dir + ": not a regular file", assertThrows(IllegalArgumentException.class,
        () -> ConfFile.apply(BASE, dir)).getMessage());
  }

  @Test
  void cindersFirstEnabledBackendSetsBackendDefaults() throws IOException {
    Settings cinder = Settings.of(List.of(
        new Option("DEFAULT", "enabled_backends", Option.Type.LIST, null, "c.py", 1),
        new Option("backend_defaults", "volume_driver", Option.Type.STR,
            "cinder.volume.drivers.lvm.LVMVolumeDriver", "m.py", 2)));
    ConfFile.Applied a = ConfFile.apply(cinder, write("""
        [DEFAULT]
        enabled_backends = ceph, lvm

        [lvm]
        volume_driver = cinder.volume.drivers.lvm.LVMVolumeDriver

        [ceph]
        volume_driver = cinder.volume.drivers.rbd.RBDDriver
        """));
    assertEquals("cinder.volume.drivers.rbd.RBDDriver",
        value(a.settings(), "backend_defaults", "volume_driver"));
    assertEquals(List.of("ceph", "lvm"), value(a.settings(), "DEFAULT", "enabled_backends"));
    assertEquals(List.of(dir.resolve("nova.conf") + ":5: backend [lvm] left out: the trace"
        + " follows the first of enabled_backends, [ceph]"), a.warnings());
  }

  @Test
  void referencesAreSubstitutedAsOsloConfigDoes() throws IOException {
    Settings base = Settings.of(List.of(
        new Option("DEFAULT", "state_path", Option.Type.STR, "/var/lib/nova", "p.py", 1),
        new Option("DEFAULT", "instances_path", Option.Type.STR, Option.UNKNOWN, "p.py", 2),
        new Option("DEFAULT", "my_ip", Option.Type.STR, Option.UNKNOWN, "p.py", 3),
        new Option("DEFAULT", "interval", Option.Type.INT, 60L, "p.py", 4),
        new Option("quota", "driver", Option.Type.STR, "x", "q.py", 5),
        new Option("quota", "timeout", Option.Type.INT, 1L, "q.py", 6),
        new Option("quota", "password", Option.Type.STR, null, "q.py", 7),
        new Option("quota", "host", Option.Type.STR, null, "q.py", 8)));
    ConfFile.Applied a = ConfFile.apply(base, write("""
        [DEFAULT]
        instances_path = $state_path/instances
        state_path = /srv/nova

        [quota]
        driver = ${DEFAULT.instances_path}/q
        timeout = $interval
        password = pa$$word
        host = $my_ip
        """));
    Settings s = a.settings();
    assertEquals("/srv/nova/instances", value(s, "DEFAULT", "instances_path"));
    assertEquals("/srv/nova/instances/q", value(s, "quota", "driver"));
    assertEquals(60L, value(s, "quota", "timeout"));
    assertEquals("pa$word", value(s, "quota", "password"));
    assertEquals("$my_ip", value(s, "quota", "host"));
    assertEquals(List.of(dir.resolve("nova.conf") + ":9: [quota] host refers to an option"
        + " whose value is not known; kept as written"), a.warnings());
  }

  @Test
  void lineEndingsAndAByteOrderMark() throws IOException {
    Path f = dir.resolve("nova.conf");
    Files.write(f, "\uFEFF[DEFAULT]\r\ndebug = yes\r[quota]\ndriver = ''\n"
        .getBytes(StandardCharsets.UTF_8));
    Settings s = ConfFile.apply(BASE, f).settings();
    assertEquals(true, value(s, "DEFAULT", "debug"));
    assertEquals("", value(s, "quota", "driver"));
  }

  @Test
  void setOptionNamesGroupOptionAndValue() {
    assertEquals(new SetOption("quota", "driver", "nova.quota.UnifiedLimitsDriver"),
        SetOption.parse("quota.driver=nova.quota.UnifiedLimitsDriver"));
    assertEquals(new SetOption("DEFAULT", "reclaim_instance_interval", "3600"),
        SetOption.parse("reclaim_instance_interval=3600"));
    assertEquals(new SetOption("libvirt", "images_type", "a=b.c"),
        SetOption.parse("libvirt.images_type=a=b.c"));
    assertEquals(new SetOption("quota", "driver", ""), SetOption.parse("quota.driver="));
    for (String bad : List.of("quota.driver", "=x", ".driver=x", "quota.=x", "a.b.c=x")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> SetOption.parse(bad), bad);
      assertEquals("'" + bad + "' is not group.option=value", e.getMessage());
    }
    Settings s = SetOption.parse("reclaim_instance_interval=3600").applyTo(BASE);
    assertEquals(3600L, value(s, "DEFAULT", "reclaim_instance_interval"));
    assertEquals("[DEFAULT] reclaim_instance_interval = 3600",
        s.changed().get(0).describe());
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> SetOption.parse("driver=x").applyTo(BASE)).getMessage()
        .contains("did you mean [quota] driver?"));
  }
}
