package dev.novatrace.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * The stack of the thread that runs a command. Deep code (a 20,000-term expression, thousands of
 * nested calls) is walked recursively by the stages after the parser, so it is big: 1 GiB, but
 * only reserved, not used. Under {@code ulimit -v} a reservation that large may not fit: then it
 * is sized from what the limit leaves, so the thread can start at all.
 */
final class WorkerStack {
  /** What a command's thread asks for when nothing limits the address space. */
  static final long FULL = 1L << 30;
  /** Below this, deep code fails early; still enough for every real Nova and Cinder tree. */
  static final long SMALLEST = 16L << 20;

  private WorkerStack() {}

  /** The stack to ask for first. */
  static long size() {
    OptionalLong limit = addressSpaceLimit();
    OptionalLong used = usedAddressSpace();
    if (limit.isEmpty() || used.isEmpty()) {
      return FULL;
    }
    // A quarter of what is left: the parser's threads and the heap's growth need the rest.
    return fit((limit.getAsLong() - used.getAsLong()) / 4);
  }

  /** {@code room} rounded down to a power of two, between SMALLEST and FULL. */
  static long fit(long room) {
    if (room >= FULL) {
      return FULL;
    }
    return Math.max(SMALLEST, Long.highestOneBit(Math.max(1, room)));
  }

  /** Half of {@code stack}, or 0 when it is already the smallest we accept. */
  static long smaller(long stack) {
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
