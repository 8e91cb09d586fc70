package dev.novatrace.trace;

/**
 * A function handed over to a callee, and the participant it runs in: where it was handed over
 * from (a closure of the compute manager runs in nova_compute, on that host, whoever calls it).
 */
record Handed(Value.FunctionValue fn, String participant) {}
