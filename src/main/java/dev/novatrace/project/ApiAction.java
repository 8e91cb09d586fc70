package dev.novatrace.project;

import dev.novatrace.index.ClassInfo;
import dev.novatrace.index.FunctionInfo;
import java.util.Comparator;
import java.util.List;

/**
 * One action the API offers: its canonical name, other names it answers to, the HTTP request
 * that triggers it, and the controller method it enters. {@code requestLabel} is what the client
 * sends ({@code pause}, {@code POST /servers}); {@code responseCode} is what the API answers.
 * {@code extensions} are the {@code @wsgi.extends} methods that also run for the request, after
 * the entry returns (sorted by {@link #label}); they are never the entry themselves.
 * {@code receiver} is the class the entry runs on when that is not the class defining it: a
 * generic API calling a method a plugin inherits from a mixin ({@code L3RouterPlugin}'s
 * {@code add_router_interface}, defined in {@code L3_NAT_db_mixin}), so that {@code self}'s
 * other methods resolve as the plugin overrides them; null for the entry's own class.
 */
public record ApiAction(String name, List<String> aliases, String httpMethod, String path,
    String requestLabel, String responseCode, FunctionInfo entry, List<FunctionInfo> extensions,
    ClassInfo receiver) {

  public ApiAction {
    aliases = List.copyOf(aliases);
    // Sorted here so that every way of building an action lists them in the same order.
    extensions = extensions.stream().sorted(Comparator.comparing(ApiAction::label)).toList();
  }

  /** An action entering a controller method of its own class. */
  public ApiAction(String name, List<String> aliases, String httpMethod, String path,
      String requestLabel, String responseCode, FunctionInfo entry, List<FunctionInfo> extensions) {
    this(name, aliases, httpMethod, path, requestLabel, responseCode, entry, extensions, null);
  }

  /** An action no extension post-processes. */
  public ApiAction(String name, List<String> aliases, String httpMethod, String path,
      String requestLabel, String responseCode, FunctionInfo entry) {
    this(name, aliases, httpMethod, path, requestLabel, responseCode, entry, List.of());
  }

  public boolean answersTo(String n) {
    return name.equals(n) || aliases.contains(n);
  }

  public ApiAction withName(String newName, List<String> newAliases) {
    return new ApiAction(newName, newAliases, httpMethod, path, requestLabel, responseCode, entry,
        extensions, receiver);
  }

  public ApiAction withExtensions(List<FunctionInfo> newExtensions) {
    return new ApiAction(name, aliases, httpMethod, path, requestLabel, responseCode, entry,
        newExtensions, receiver);
  }

  /** {@code nova/api/openstack/compute/disk_config.py ServerDiskConfigController.create}. */
  public static String label(FunctionInfo f) {
    String function = f.owner() == null ? f.name() : f.owner().name() + "." + f.name();
    return f.module().path() + " " + function;
  }

  /** The {@link #label} of each extension, in order. */
  public List<String> extensionLabels() {
    return extensions.stream().map(ApiAction::label).toList();
  }
}
