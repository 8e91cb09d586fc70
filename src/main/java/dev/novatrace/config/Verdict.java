package dev.novatrace.config;

/**
 * What a policy says for a caller: allowed or not, and the rule as it was decided, for a
 * diagram's {@code # assumes} line ({@code policy compute:servers:resize:cross_cell = !
 * (default)}).
 */
public record Verdict(boolean allowed, String describe) {}
