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
    long heap = configuredHeap() / MIB;
    return "not enough memory: " + heap + " MiB heap; use JAVA_TOOL_OPTIONS=-Xmx"
        + suggested(heap) + "m";
  }

  /**
   * The heap as the user asked for it ({@code -Xmx64m}: 64 MiB): the collector's own figure
   * ({@code maxMemory()}) leaves out what it keeps aside, a survivor space under the parallel
   * collector the launcher chooses (57 MiB of 64).
   */
  private static long configuredHeap() {
    try {
      return Long.parseLong(java.lang.management.ManagementFactory
          .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
          .getVMOption("MaxHeapSize").getValue());
    } catch (RuntimeException e) {
      return Runtime.getRuntime().maxMemory(); // not a HotSpot JVM
    }
  }

  /** Twice the heap, at least what the README promises is enough. */
  static long suggested(long heapMib) {
    return Math.max(ENOUGH, 2 * heapMib);
  }
}
