package dev.novatrace.nova;

import dev.novatrace.project.TypeTables;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Nova's type hints, as data: what a conventionally named parameter holds, which class a
 * configured factory builds, and attributes bound at run time (the virt driver).
 */
final class NovaTypeHints {
  /**
   * Conventional parameter names and what each holds: Nova objects, and the service clients
   * handed to task classes ({@code LiveMigrationTask(..., compute_rpcapi, query_client)}).
   * Candidates are tried in order, so one table serves old and new trees.
   */
  private static final Map<String, List<String>> PARAMETER_TYPES = Map.ofEntries(
      Map.entry("instance", List.of("nova.objects.instance.Instance")),
      Map.entry("migration", List.of("nova.objects.migration.Migration")),
      Map.entry("request_spec", List.of("nova.objects.request_spec.RequestSpec")),
      Map.entry("reqspec", List.of("nova.objects.request_spec.RequestSpec")),
      Map.entry("build_request", List.of("nova.objects.build_request.BuildRequest")),
      Map.entry("build_req", List.of("nova.objects.build_request.BuildRequest")),
      Map.entry("bdm", List.of("nova.objects.block_device.BlockDeviceMapping")),
      Map.entry("volume_bdm", List.of("nova.objects.block_device.BlockDeviceMapping")),
      Map.entry("bdm_obj", List.of("nova.objects.block_device.BlockDeviceMapping")),
      Map.entry("driver_bdm", List.of("nova.virt.block_device.DriverVolumeBlockDevice")),
      Map.entry("instance_mapping", List.of("nova.objects.instance_mapping.InstanceMapping")),
      Map.entry("compute_api", List.of("nova.compute.api.API")),
      Map.entry("compute_rpcapi", List.of("nova.compute.rpcapi.ComputeAPI")),
      Map.entry("scheduler_rpcapi", List.of("nova.scheduler.rpcapi.SchedulerAPI")),
      Map.entry("query_client", List.of("nova.scheduler.client.query.SchedulerQueryClient")),
      Map.entry("scheduler_client", List.of("nova.scheduler.client.SchedulerClient")),
      Map.entry("report_client", List.of("nova.scheduler.client.report.SchedulerReportClient")),
      Map.entry("reportclient", List.of("nova.scheduler.client.report.SchedulerReportClient")),
      Map.entry("network_api", List.of("nova.network.neutron.API",
          "nova.network.neutronv2.api.API")),
      Map.entry("volume_api", List.of("nova.volume.cinder.API")),
      Map.entry("image_api", List.of("nova.image.glance.API", "nova.image.api.API")));

  /** Factories that load a class by configuration in older releases. */
  private static final Map<String, List<String>> FACTORIES = Map.of(
      "nova.compute.API", List.of("nova.compute.api.API"),
      // Before Pike these chose a local (in-process) variant by configuration; the RPC one is
      // what a deployment runs.
      "nova.conductor.API", List.of("nova.conductor.api.API"),
      "nova.conductor.ComputeTaskAPI", List.of("nova.conductor.api.ComputeTaskAPI"),
      "nova.network.API", List.of("nova.network.neutronv2.api.API", "nova.network.neutron.API",
          "nova.network.api.API"),
      "nova.volume.API", List.of("nova.volume.cinder.API"),
      "nova.image.API", List.of("nova.image.api.API", "nova.image.glance.API"),
      // The driver BDM of a volume BDM object (the first of a list built through partials).
      "nova.virt.block_device.convert_volume",
      List.of("nova.virt.block_device.DriverVolumeBlockDevice"));

  /** Attributes bound through lazy loaders by class name: class → attribute → class. */
  private static final Map<String, Map<String, String>> ATTRIBUTE_TYPES = Map.of(
      // Before Yoga the scheduler driver was loaded by name; the filter scheduler is the one.
      "nova.scheduler.manager.SchedulerManager", Map.of(
          "driver", "nova.scheduler.filter_scheduler.FilterScheduler"),
      "nova.scheduler.client.SchedulerClient", Map.of(
          "queryclient", "nova.scheduler.client.query.SchedulerQueryClient",
          "reportclient", "nova.scheduler.client.report.SchedulerReportClient"));

  /** Classes whose {@code driver} attribute is the virt driver, loaded by name at run time. */
  private static final List<String> DRIVER_HOLDERS = List.of(
      "nova.compute.manager.ComputeManager", "nova.compute.resource_tracker.ResourceTracker");

  private NovaTypeHints() {}

  /**
   * The tables, with the driver followed.
   */
  static TypeTables of(VirtDriver driver) {
    return new TypeTables(PARAMETER_TYPES, FACTORIES, ATTRIBUTE_TYPES, DRIVER_HOLDERS,
        Set.of(), driver.typeName(), List.of("nova.objects"));
  }
}
