package dev.novatrace.cli;

/** How many actions a run traces at once when {@code --jobs} does not say. */
final class Jobs {
  /**
   * What one more thread's copy of a loaded tree holds at most, with what its traces remember:
   * measured on the largest trees (Nova 34.0.0, Neutron 29.0.0 with neutron-lib).
   */
  static final long BYTES_PER_COPY = 200L << 20;

  private Jobs() {}

  /** One per core, as many as the heap holds beside the first. */
  static int fitting() {
    long byMemory = 1 + Runtime.getRuntime().maxMemory() / 2 / BYTES_PER_COPY;
    int cores = Runtime.getRuntime().availableProcessors();
    return (int) Math.max(1, Math.min(cores, byMemory));
  }
}
