package dev.novatrace.cli;

/**
 * The one line said when memory runs out: how big the heap was and what to ask for instead, so
 * the user can rerun at once rather than read a stack trace.
 */
final class HeapAdvice {
  private static final long MIB = 1L << 20;
  /** The heap the README says every Nova and Cinder release fits in. */
  private static final long ENOUGH = 512;

  private HeapAdvice() {}

  static String message(OutOfMemoryError e) {
    String what = String.valueOf(e.getMessage());
    if (what.contains("native thread")) {
      return "not enough memory: cannot start a thread (ulimit -v or -u too low?)";
    }
    return heapTooSmall();
  }

  /** The heap's size and a bigger one to ask for. */
  static String heapTooSmall() {
    long heap = Runtime.getRuntime().maxMemory() / MIB;
    return "not enough memory: " + heap + " MiB heap; use JAVA_TOOL_OPTIONS=-Xmx"
        + suggested(heap) + "m";
  }

  /** Twice the heap, at least what the README promises is enough. */
  static long suggested(long heapMib) {
    return Math.max(ENOUGH, 2 * heapMib);
  }
}
