package dev.novatrace.trace;

/** Something in a {@link Region}: a call, or a region nested in it. */
public sealed interface RegionItem permits Region, Region.Call {}
