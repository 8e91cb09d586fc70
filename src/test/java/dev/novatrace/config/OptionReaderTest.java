package dev.novatrace.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.index.CodeIndex;
import dev.novatrace.python.SourceParser;
import dev.novatrace.testing.MiniNova;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The options a tree declares, read from our own modules shaped like Nova's and Cinder's. */
class OptionReaderTest {

  private static Map<String, Option> byKey(List<Option> options) {
    Map<String, Option> out = new LinkedHashMap<>();
    options.forEach(o -> assertEquals(null, out.put(o.key(), o), "twice: " + o.key()));
    return out;
  }

  private static CodeIndex index(String... pathsAndSources) {
    List<dev.novatrace.python.ast.Module> modules = new ArrayList<>();
    for (int i = 0; i < pathsAndSources.length; i += 2) {
      modules.add(SourceParser.parseString(pathsAndSources[i], pathsAndSources[i + 1]).module());
    }
    return CodeIndex.build(modules);
  }

  @Test
  void theMiniTreeDeclaresEachKindOfOption() {
    Map<String, Option> o = byKey(OptionReader.read(
        SnapshotOptions.index(MiniNova.ROOT, "nova/conf"), "nova.conf"));
    assertEquals(List.of("[DEFAULT] reclaim_instance_interval",
        "[DEFAULT] volume_usage_poll_interval", "[DEFAULT] compute_driver",
        "[DEFAULT] servicegroup_driver", "[DEFAULT] use_cow_images", "[DEFAULT] shutdown_timeout", "[DEFAULT] rescue_timeout",
        "[DEFAULT] cpu_allocation_ratio",
        "[libvirt] virt_type",
        "[libvirt] wait_for_vif_plugged_event_during_hard_reboot", "[libvirt] images_type", "[libvirt] legacy_flag",
        "[libvirt] live_migration_timeout",
        "[quota] driver", "[quota] instances", "[quota] cores", "[quota] ram",
        "[quota] count_usage_from_placement", "[quota] usage_ratio",
        "[quota] unified_limits_resource_list", "[quota] flavor_weights", "[quota] strategy"),
        List.copyOf(o.keySet()));
    // a module-level name, a negative number, None, arithmetic, a $reference, each type
    assertEquals(0L, o.get("[DEFAULT] reclaim_instance_interval").defaultValue());
    assertEquals(-1L, o.get("[DEFAULT] rescue_timeout").defaultValue());
    assertNull(o.get("[DEFAULT] cpu_allocation_ratio").defaultValue());
    assertEquals(Option.Type.FLOAT, o.get("[DEFAULT] cpu_allocation_ratio").type());
    assertEquals("nova.quota.DbQuotaDriver", o.get("[quota] driver").defaultValue());
    assertEquals(10L, o.get("[quota] cores").defaultValue());
    assertEquals(51200L, o.get("[quota] ram").defaultValue());
    assertEquals(Boolean.FALSE, o.get("[quota] count_usage_from_placement").defaultValue());
    assertEquals(0.5, o.get("[quota] usage_ratio").defaultValue());
    assertEquals(List.of("servers"), o.get("[quota] unified_limits_resource_list").defaultValue());
    assertEquals(Option.Type.DICT, o.get("[quota] flavor_weights").type());
    assertEquals("", o.get("[quota] flavor_weights").defaultValue());
    assertEquals("require_all", o.get("[quota] strategy").defaultValue());
    assertEquals("default", o.get("[libvirt] images_type").defaultValue());
    assertEquals(Boolean.TRUE, o.get("[libvirt] legacy_flag").defaultValue());
    assertEquals(800L, o.get("[libvirt] live_migration_timeout").defaultValue());
    Option driver = o.get("[quota] driver");
    assertEquals("nova/conf/quota.py", driver.path());
    assertEquals(8, driver.line());
  }

  @Test
  void importStylesAndGroupsNamedElsewhere() {
    CodeIndex index = index(
        "cinder/__init__.py", "",
        "cinder/volume/__init__.py", "",
        "cinder/volume/configuration.py", "SHARED_CONF_GROUP = 'backend_defaults'\n",
        "cinder/volume/driver.py", """
            import oslo_config.cfg
            from oslo_config import cfg as config
            from oslo_config.cfg import StrOpt
            from cinder.volume import configuration as conf

            CONF = config.CONF
            NAME = 'volume_backend_name'

            volume_opts = [
                StrOpt(NAME),
                oslo_config.cfg.IntOpt('num_shell_tries', default=3),
                config.Opt('opaque', None, None, None, 'positional'),
            ]
            CONF.register_opts(volume_opts)
            CONF.register_opts(volume_opts, group=conf.SHARED_CONF_GROUP)
            """,
        "cinder/volume/manager.py", """
            from oslo_config import cfg
            from cinder.volume import driver

            CONF = cfg.CONF
            extra_opts = [cfg.BoolOpt('extra', default='yes')]
            extra_opts += [cfg.ListOpt('more', default='a, b')]
            extra_opts.append(cfg.IntOpt('one_more', default=int('5')))
            for opt in extra_opts:
                CONF.register_opt(opt, group='manager')
            CONF.register_opts(driver.volume_opts, group='again')
            """);
    Map<String, Option> o = byKey(OptionReader.readAll(index, "cinder"));
    assertEquals(List.of("[DEFAULT] volume_backend_name", "[again] volume_backend_name",
        "[backend_defaults] volume_backend_name", "[DEFAULT] num_shell_tries",
        "[again] num_shell_tries", "[backend_defaults] num_shell_tries", "[DEFAULT] opaque",
        "[again] opaque", "[backend_defaults] opaque", "[manager] extra", "[manager] more",
        "[manager] one_more"), List.copyOf(o.keySet()));
    assertEquals("positional", o.get("[DEFAULT] opaque").defaultValue());
    assertEquals(Option.Type.OTHER, o.get("[DEFAULT] opaque").type());
    assertEquals(Boolean.TRUE, o.get("[manager] extra").defaultValue());
    assertEquals(List.of("a", "b"), o.get("[manager] more").defaultValue());
    assertEquals(5L, o.get("[manager] one_more").defaultValue());
  }

  @Test
  void whatTheCodeComputesIsUnknownAndWhatIsNoOptionIsLeftOut() {
    CodeIndex index = index(
        "nova/__init__.py", "",
        "nova/conf/__init__.py", "",
        "nova/conf/netconf.py", """
            import socket
            from oslo_config import cfg
            from oslo_config import types

            netconf_opts = [
                cfg.StrOpt('host', default=socket.gethostname()),
                cfg.IntOpt('port', default='$unknown_option'),
                cfg.StrOpt('path', default='$state_path/x'),
                cfg.StrOpt(_name_of('computed')),
                cfg.Opt('typed', type=types.Integer(), default=5),
            ]
            not_an_option = cfg.OptGroup('other')
            elsewhere = [notcfg.StrOpt('not_oslo')]

            def register_opts(conf, group):
                conf.register_opts(netconf_opts)
                for mdev in conf.devices:
                    conf.register_opt(cfg.StrOpt('mdev_class'), group='mdev_%s' % mdev)
                conf.register_opts(netconf_opts, group=group)
            """);
    Map<String, Option> o = byKey(OptionReader.read(index, "nova.conf"));
    assertEquals(List.of("[DEFAULT] host", "[DEFAULT] port", "[DEFAULT] path",
        "[DEFAULT] typed"), List.copyOf(o.keySet()));
    assertSame(Option.UNKNOWN, o.get("[DEFAULT] host").defaultValue());
    assertSame(Option.UNKNOWN, o.get("[DEFAULT] port").defaultValue());
    assertEquals("$state_path/x", o.get("[DEFAULT] path").defaultValue(),
        "a string whose reference is unknown keeps it as written");
    assertEquals(5L, o.get("[DEFAULT] typed").defaultValue());
    assertFalse(o.containsKey("[mdev_%s] mdev_class"));
  }

  @Test
  void anUnregisteredListTakesItsGroupFromListOptsElseTheOnlyGroupElseDefault() {
    CodeIndex index = index(
        "nova/__init__.py", "",
        "nova/conf/__init__.py", "",
        "nova/conf/one.py", """
            from oslo_config import cfg
            grp = cfg.OptGroup('one')
            opts = [cfg.BoolOpt('flag', default=True)]
            """,
        "nova/conf/two.py", """
            from oslo_config import cfg
            a = cfg.OptGroup('a')
            b = cfg.OptGroup('b')
            opts = [cfg.BoolOpt('in_b')]
            loose = [cfg.BoolOpt('loose')]
            def list_opts():
                return [(b, opts), ('DEFAULT', [])]
            """);
    Map<String, Option> o = byKey(OptionReader.read(index, "nova.conf"));
    assertEquals(List.of("[one] flag", "[b] in_b", "[DEFAULT] loose"),
        List.copyOf(o.keySet()));
    assertTrue(OptionReader.listed(index, index.modulesUnder("nova.conf"))
        .containsKey("nova/conf/two.py:4"));
  }

  @Test
  void hostileShapesEndWithoutExhaustingTheStack() {
    String sum = "1" + " + 1".repeat(20000);
    String chain = "cfg" + ".x".repeat(5000);
    CodeIndex index = index(
        "nova/__init__.py", "",
        "nova/conf/__init__.py", "",
        "nova/conf/deep.py", "from oslo_config import cfg\n"
            + "opts = [cfg.IntOpt('sum', default=" + sum + "),\n"
            + "        cfg.StrOpt('loop', default=A),\n"
            + "        cfg.StrOpt('ref', default='$ref2'), cfg.StrOpt('ref2', default='$ref'),\n"
            + "        cfg.IntOpt('nested', default=" + "[".repeat(90) + "1" + "]".repeat(90)
            + ")]\n"
            + "A = B\nB = A\n"
            + "x = " + sum + "\n"
            + "cfg.CONF.register_opts(opts, group=" + chain + ")\n"
            + "cfg.CONF.register_opts(" + "opts + ".repeat(3000) + "opts)\n");
    Map<String, Option> o = byKey(OptionReader.read(index, "nova.conf"));
    assertEquals(List.of("[DEFAULT] sum", "[DEFAULT] loop", "[DEFAULT] ref", "[DEFAULT] ref2",
        "[DEFAULT] nested"), List.copyOf(o.keySet()));
    assertSame(Option.UNKNOWN, o.get("[DEFAULT] sum").defaultValue());
    assertSame(Option.UNKNOWN, o.get("[DEFAULT] loop").defaultValue());
    assertEquals("$ref2", o.get("[DEFAULT] ref").defaultValue());
    assertSame(Option.UNKNOWN, o.get("[DEFAULT] nested").defaultValue());
  }
}
