package dev.novatrace.neutron;

import dev.novatrace.index.ClassInfo;
import java.util.List;
import java.util.Map;

/**
 * The plugins a deployment loads: the core plugin, and each service plugin by its plugin type,
 * plus the ML2 extension and mechanism drivers, in configuration order.
 */
public record Plugins(ClassInfo core, Map<String, ClassInfo> services,
    List<ClassInfo> extensionDrivers, List<ClassInfo> mechanismDrivers) {}
