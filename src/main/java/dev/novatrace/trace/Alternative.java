package dev.novatrace.trace;

import java.util.LinkedHashMap;
import java.util.Map;

/** A branch's condition ("" for else) and the unsaved fields it leaves, by receiver. */
record Alternative(String condition, Map<String, LinkedHashMap<String, Step.Field>> fields) {}
