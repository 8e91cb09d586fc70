package dev.novatrace.cli;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Ends a run whose heap is too small for its tree before it thrashes for minutes. G1 (the JVM's
 * default collector) has no GC overhead limit: with the heap full of live data it collects again
 * and again, each time freeing a little, and only throws OutOfMemoryError far later. This watch
 * sees that state (most of the last seconds spent collecting, the heap nearly full all along) and
 * ends the process with the same one line an OutOfMemoryError gives.
 */
final class MemoryWatch implements Runnable {
  /** Short runs never load the management beans: the watch starts looking after this. */
  private static final long FIRST_LOOK_MS = 2_000;
  private static final long SAMPLE_MS = 250;
  /** How far back it looks: long enough that a burst of young collections is not thrashing. */
  private static final int WINDOW = 40;
  /** Share of the window's wall time spent in collection pauses. */
  private static final double GC_SHARE = 0.6;
  /** Share of the heap in use at every sample of the window. */
  private static final double FULL = 0.9;

  private record Sample(long nanos, long gcMillis, long used) {}

  private final Runnable onThrash;
  private final Deque<Sample> window = new ArrayDeque<>();

  private MemoryWatch(Runnable onThrash) {
    this.onThrash = onThrash;
  }

  /** Starts the watch as a daemon thread; {@code onThrash} runs once, when the heap is too small. */
  static void start(Runnable onThrash) {
    Thread t = new Thread(new MemoryWatch(onThrash), "novatrace-memory");
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void run() {
    try {
      Thread.sleep(FIRST_LOOK_MS);
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
      long max = memory.getHeapMemoryUsage().getMax();
      if (max <= 0) {
        return; // no bound to thrash against
      }
      while (true) {
        long gc = 0;
        for (GarbageCollectorMXBean c : collectors) {
          gc += Math.max(0, c.getCollectionTime()); // no lambda to link when memory is short
        }
        window.addLast(new Sample(System.nanoTime(), gc, memory.getHeapMemoryUsage().getUsed()));
        if (window.size() > WINDOW) {
          window.removeFirst();
        }
        if (thrashing(max)) {
          onThrash.run();
          return;
        }
        Thread.sleep(SAMPLE_MS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (VirtualMachineError e) {
      // The heap is too small even for the watch (an OutOfMemoryError, or the InternalError a
      // lambda's linking wraps one in under the parallel collector's overhead limit): the
      // command's thread says so on its own.
    }
  }

  private boolean thrashing(long max) {
    if (window.size() < WINDOW) {
      return false;
    }
    Sample first = window.getFirst();
    Sample last = window.getLast();
    double wallMillis = (last.nanos() - first.nanos()) / 1e6;
    double gcShare = (last.gcMillis() - first.gcMillis()) / wallMillis;
    long leastUsed = Long.MAX_VALUE;
    for (Sample s : window) {
      leastUsed = Math.min(leastUsed, s.used());
    }
    return gcShare >= GC_SHARE && leastUsed >= FULL * max;
  }
}
