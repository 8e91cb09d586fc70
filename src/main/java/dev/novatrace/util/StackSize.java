package dev.novatrace.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The stacks of the threads that walk deep code. Deep code (a 20,000-term expression, thousands
 * of nested calls) is walked recursively, so they are big (1 GiB for a command's thread, 64 MiB
 * for each parser's), but only reserved, not used. Under {@code ulimit -v} reservations that
 * large may not fit: then each is cut to a share of what the limit leaves, so the threads can
 * start at all.
 */
public final class StackSize {
  /** The most a thread asks for: a command's thread when nothing limits the address space. */
  public static final long FULL = 1L << 30;
  /** Below this, deep code fails early; still enough for every real Nova and Cinder tree. */
  static final long SMALLEST = 16L << 20;

  private StackSize() {}

  /**
   * {@code wanted}, or less when the address space is limited: an eighth of what the limit
   * leaves (the parser's threads, the heap's growth and malloc's arenas need the rest).
   */
  public static long fit(long wanted) {
    OptionalLong limit = addressSpaceLimit();
    OptionalLong used = usedAddressSpace();
    if (limit.isEmpty() || used.isEmpty()) {
      return wanted;
    }
    return Math.min(wanted, roundDown((limit.getAsLong() - used.getAsLong()) / 8));
  }

  /** {@code room} rounded down to a power of two, between SMALLEST and FULL. */
  static long roundDown(long room) {
    if (room >= FULL) {
      return FULL;
    }
    return Math.max(SMALLEST, Long.highestOneBit(Math.max(1, room)));
  }

  /** Half of {@code stack}, or 0 when it is already the smallest we accept. */
  public static long smaller(long stack) {
    return stack > SMALLEST ? stack / 2 : 0;
  }

  /** {@code ulimit -v} in bytes, from Linux's /proc; empty when unlimited or unknown. */
  private static OptionalLong addressSpaceLimit() {
    for (String line : lines("/proc/self/limits")) {
      if (line.startsWith("Max address space")) {
        String[] words = line.substring("Max address space".length()).trim().split("\\s+");
        return words.length > 0 && words[0].matches("\\d+")
            ? OptionalLong.of(Long.parseLong(words[0])) : OptionalLong.empty();
      }
    }
    return OptionalLong.empty();
  }

  /** The address space this process has mapped already (heap and metaspace reservations too). */
  private static OptionalLong usedAddressSpace() {
    for (String line : lines("/proc/self/status")) {
      if (line.startsWith("VmSize:")) {
        String[] words = line.substring("VmSize:".length()).trim().split("\\s+");
        return words[0].matches("\\d+")
            ? OptionalLong.of(Long.parseLong(words[0]) * 1024) : OptionalLong.empty();
      }
    }
    return OptionalLong.empty();
  }

  private static List<String> lines(String file) {
    try {
      return Files.readAllLines(Path.of(file), StandardCharsets.US_ASCII);
    } catch (IOException | RuntimeException e) {
      return List.of(); // not Linux: nothing to size the stack from
    }
  }
}
