package dev.novatrace.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.novatrace.index.CodeIndex;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The options of real releases, against facts read in their source: a group, a type and a
 * default per option, and how many there are at least. Missing snapshots skip (fail in CI).
 */
class ConfigOptionsIT {

  private static Map<String, Option> byKey(List<Option> options) {
    Map<String, Option> out = new TreeMap<>();
    options.forEach(o -> out.putIfAbsent(o.key(), o));
    return out;
  }

  private static void has(Map<String, Option> o, String key, Option.Type type, Object value) {
    Option opt = o.get(key);
    assertTrue(opt != null, key + " not read");
    assertEquals(type, opt.type(), key);
    assertEquals(value, opt.defaultValue(), key);
  }

  private static Map<String, Option> nova(String version, int atLeast) {
    CodeIndex index = SnapshotOptions.index(version, "nova/conf");
    List<Option> options = OptionReader.read(index, "nova.conf");
    assertTrue(options.size() >= atLeast, version + ": " + options.size() + " options");
    // Every option the modules' list_opts() give the sample generator is read in that group,
    // but [neutron_tunnel] numa_nodes, which Nova registers in register_dynamic_opts().
    Map<String, Set<String>> listed = OptionReader.listed(index, index.modulesUnder("nova.conf"));
    for (Option o : options) {
      Set<String> groups = listed.get(o.path() + ":" + o.line());
      if (!o.key().equals("[neutron_tunnel] numa_nodes")) {
        assertTrue(groups != null && groups.contains(o.group()), o + " listed in " + groups);
      }
    }
    return byKey(options);
  }

  @Test
  void nova34() {
    Map<String, Option> o = nova("34.0.0", 440);
    has(o, "[quota] driver", Option.Type.STR, "nova.quota.DbQuotaDriver");
    has(o, "[quota] count_usage_from_placement", Option.Type.BOOL, false);
    has(o, "[DEFAULT] reclaim_instance_interval", Option.Type.INT, 0L);
    has(o, "[DEFAULT] shutdown_timeout", Option.Type.INT, 60L);
    has(o, "[libvirt] images_type", Option.Type.STR, "default");
    has(o, "[workarounds] disable_group_policy_check_upcall", Option.Type.BOOL, false);
    has(o, "[api] max_limit", Option.Type.INT, 1000L);
    has(o, "[compute] max_disk_devices_to_attach", Option.Type.INT, -1L);
    has(o, "[compute] vmdk_allowed_types", Option.Type.LIST,
        List.of("streamOptimized", "monolithicSparse"));
    has(o, "[quota] ram", Option.Type.INT, 51200L); // 50 * 1024
    has(o, "[metrics] weight_of_unavailable", Option.Type.FLOAT, -10000.0); // float(-10000.0)
    has(o, "[serial_console] port_range", Option.Type.STR, "10000:20000"); // a module constant
    has(o, "[DEFAULT] host", Option.Type.STR, Option.UNKNOWN); // socket.gethostname()
    assertFalse(o.containsKey("[compute] reclaim_instance_interval"));
  }

  @Test
  void nova22() {
    Map<String, Option> o = nova("22.0.1", 440);
    has(o, "[quota] driver", Option.Type.STR, "nova.quota.DbQuotaDriver");
    has(o, "[scheduler] driver", Option.Type.STR, "filter_scheduler");
    has(o, "[DEFAULT] reclaim_instance_interval", Option.Type.INT, 0L);
    has(o, "[libvirt] images_type", Option.Type.STR, "default");
    has(o, "[rdp] enabled", Option.Type.BOOL, false); // register_opts(RDP_OPTS, rdp_group)
    has(o, "[quota] cores", Option.Type.INT, 20L);
  }

  private static Map<String, Option> cinder(String version, int atLeast) {
    List<Option> options = OptionReader.readAll(SnapshotOptions.index(version, "cinder"),
        "cinder");
    assertTrue(options.size() >= atLeast, version + ": " + options.size() + " options");
    return byKey(options);
  }

  @Test
  void cinder29() {
    Map<String, Option> o = cinder("cinder-29.0.0", 1100);
    // volume_backend_opts are registered in [backend_defaults] only (volume/manager.py)
    has(o, "[backend_defaults] volume_driver", Option.Type.STR,
        "cinder.volume.drivers.lvm.LVMVolumeDriver");
    assertFalse(o.containsKey("[DEFAULT] volume_driver"));
    has(o, "[DEFAULT] backup_driver", Option.Type.STR,
        "cinder.backup.drivers.swift.SwiftBackupDriver");
    // volume_opts are registered twice: in [DEFAULT] and in [backend_defaults]
    has(o, "[DEFAULT] target_helper", Option.Type.STR, "tgtadm");
    has(o, "[backend_defaults] target_helper", Option.Type.STR, "tgtadm");
    has(o, "[DEFAULT] state_path", Option.Type.STR, "/var/lib/cinder");
    has(o, "[DEFAULT] backup_posix_path", Option.Type.STR, "/var/lib/cinder/backup");
    has(o, "[DEFAULT] reservation_clean_interval", Option.Type.INT, 86400L);
    has(o, "[DEFAULT] backup_ceph_chunk_size", Option.Type.INT, 134217728L); // units.Mi * 128
    has(o, "[backend_defaults] hitachi_lock_timeout", Option.Type.INT, 7200L); // imported
    has(o, "[fc-zone-manager] cisco_sb_connector", Option.Type.STR,
        "cinder.zonemanager.drivers.cisco.cisco_fc_zone_client_cli.CiscoFCZoneClientCLI");
    has(o, "[DEFAULT] my_ip", Option.Type.STR, Option.UNKNOWN);
    assertSame(Option.UNKNOWN, o.get("[DEFAULT] host").defaultValue());
  }

  @Test
  void cinder17() {
    Map<String, Option> o = cinder("cinder-17.0.1", 800);
    has(o, "[backend_defaults] volume_driver", Option.Type.STR,
        "cinder.volume.drivers.lvm.LVMVolumeDriver");
    has(o, "[DEFAULT] backup_driver", Option.Type.STR,
        "cinder.backup.drivers.swift.SwiftBackupDriver");
    has(o, "[coordination] backend_url", Option.Type.STR, "file:///var/lib/cinder");
    has(o, "[backend_defaults] powerflex_rest_server_port", Option.Type.INT, 443L);
    has(o, "[DEFAULT] target_ip_address", Option.Type.STR, "$my_ip");
  }
}
