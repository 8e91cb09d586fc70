package dev.novatrace.cinder;

import dev.novatrace.project.TypeTables;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cinder's type hints, as data: what a conventionally named parameter holds, and attributes
 * bound at run time by configuration (the volume driver, the scheduler driver, LVM's target).
 */
final class CinderTypeHints {
  /** Conventional parameter names and what each holds: Cinder objects and the RPC clients. */
  private static final Map<String, List<String>> PARAMETER_TYPES = Map.ofEntries(
      Map.entry("volume", List.of("cinder.objects.volume.Volume")),
      Map.entry("volume_ref", List.of("cinder.objects.volume.Volume")),
      Map.entry("snapshot_ref", List.of("cinder.objects.snapshot.Snapshot")),
      Map.entry("snapshot", List.of("cinder.objects.snapshot.Snapshot")),
      Map.entry("backup", List.of("cinder.objects.backup.Backup")),
      Map.entry("attachment", List.of("cinder.objects.volume_attachment.VolumeAttachment")),
      Map.entry("attachment_ref", List.of("cinder.objects.volume_attachment.VolumeAttachment")),
      Map.entry("group", List.of("cinder.objects.group.Group")),
      Map.entry("request_spec", List.of("cinder.objects.request_spec.RequestSpec")),
      Map.entry("scheduler_rpcapi", List.of("cinder.scheduler.rpcapi.SchedulerAPI")),
      Map.entry("volume_rpcapi", List.of("cinder.volume.rpcapi.VolumeAPI")),
      Map.entry("backup_rpcapi", List.of("cinder.backup.rpcapi.BackupAPI")),
      Map.entry("image_service", List.of("cinder.image.glance.GlanceImageService")),
      // The scheduler driver a flow task is handed (ScheduleCreateVolumeTask(driver_api)).
      Map.entry("driver_api", List.of("cinder.scheduler.filter_scheduler.FilterScheduler")),
      Map.entry("manager", List.of("cinder.volume.manager.VolumeManager")));

  /**
   * Factories that load a class by configuration ({@code volume_api_class},
   * {@code backup_api_class}): the in-tree default is what a deployment runs.
   */
  private static final Map<String, List<String>> FACTORIES = Map.of(
      "cinder.volume.API", List.of("cinder.volume.api.API"),
      "cinder.backup.API", List.of("cinder.backup.api.API"),
      // compute_api_class defaults to nova's client: its constructor asks nova nothing.
      "cinder.compute.API", List.of("cinder.compute.nova.API"),
      "cinder.image.glance.get_default_image_service",
      List.of("cinder.image.glance.GlanceImageService"));

  /** Attributes bound by configuration: class → attribute → class. */
  private static final Map<String, Map<String, String>> ATTRIBUTE_TYPES = Map.of(
      // scheduler_driver: the filter scheduler is the default and the only one in tree.
      "cinder.scheduler.manager.SchedulerManager", Map.of(
          "driver", "cinder.scheduler.filter_scheduler.FilterScheduler"),
      // LVM exports through target_helper, tgtadm by default.
      "cinder.volume.drivers.lvm.LVMVolumeDriver", Map.of(
          "target_driver", "cinder.volume.targets.tgt.TgtAdm"));

  /** Classes whose {@code driver} attribute is the volume driver, loaded by name at run time. */
  private static final List<String> DRIVER_HOLDERS = List.of(
      "cinder.volume.manager.VolumeManager");

  private CinderTypeHints() {}

  /**
   * The tables, with the driver followed: a parameter named {@code driver} holds it too, as the
   * volume manager's flow tasks are handed {@code self.driver}.
   */
  static TypeTables of(VolumeDriver driver) {
    return new TypeTables(PARAMETER_TYPES, FACTORIES, ATTRIBUTE_TYPES, DRIVER_HOLDERS,
        Set.of("driver"), driver.typeName(), List.of("cinder.objects"));
  }
}
