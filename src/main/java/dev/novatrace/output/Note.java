package dev.novatrace.output;

/**
 * A line for the user once a run is done: a finding, or a warning about something that cost
 * nothing traced.
 */
public record Note(boolean warning, String text) {}
