package dev.novatrace.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Damaged copies of real files, made from a seeded {@link Random} so that a failing mutant is
 * made again by the same seed: bytes flipped, the file cut short, lines deleted, duplicated or
 * swapped, and deep nesting put in at a line.
 */
public final class Mutants {

  /** One damaged file: what was done (for its name and the failure message), and its bytes. */
  public record Mutant(String how, byte[] bytes) {}

  private final Random random;
  /** Deep nesting of the file's language, for a depth and the indentation of the line it goes to. */
  private final List<DeepCode> deep;

  /** Nesting that makes sense in one language: {@code code(depth, indent)}. */
  public interface DeepCode {
    String code(int depth, String indent);
  }

  public Mutants(long seed, List<DeepCode> deep) {
    this.random = new Random(seed);
    this.deep = List.copyOf(deep);
  }

  /** One mutant of {@code original}, the kind chosen at random. */
  public Mutant of(byte[] original) {
    List<IntFunction<Mutant>> kinds = List.of(
        k -> flip(original), k -> truncate(original), k -> deleteLines(original),
        k -> duplicateLine(original), k -> swapLines(original), k -> nest(original));
    return kinds.get(random.nextInt(kinds.size())).apply(0);
  }

  private Mutant flip(byte[] original) {
    byte[] b = original.clone();
    int n = 1 + random.nextInt(8);
    for (int i = 0; i < n && b.length > 0; i++) {
      b[random.nextInt(b.length)] = (byte) random.nextInt(256);
    }
    return new Mutant("flip" + n, b);
  }

  private Mutant truncate(byte[] original) {
    int at = original.length == 0 ? 0 : random.nextInt(original.length);
    return new Mutant("cut" + at, Arrays.copyOf(original, at));
  }

  private Mutant deleteLines(byte[] original) {
    List<String> lines = lines(original);
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n && !lines.isEmpty(); i++) {
      lines.remove(random.nextInt(lines.size()));
    }
    return new Mutant("delete" + n, join(lines));
  }

  private Mutant duplicateLine(byte[] original) {
    List<String> lines = lines(original);
    int at = random.nextInt(Math.max(1, lines.size()));
    if (!lines.isEmpty()) {
      lines.add(at, lines.get(at));
    }
    return new Mutant("dup" + at, join(lines));
  }

  private Mutant swapLines(byte[] original) {
    List<String> lines = lines(original);
    if (lines.size() > 1) {
      int a = random.nextInt(lines.size());
      int b = random.nextInt(lines.size());
      String t = lines.get(a);
      lines.set(a, lines.get(b));
      lines.set(b, t);
    }
    return new Mutant("swap", join(lines));
  }

  private Mutant nest(byte[] original) {
    List<String> lines = lines(original);
    int at = random.nextInt(Math.max(1, lines.size()));
    String line = lines.isEmpty() ? "" : lines.get(at);
    String indent = line.substring(0, line.length() - line.stripLeading().length());
    // Depths from a few to far past every limit: 10 ** (0.5 .. 4.5).
    int depth = (int) Math.pow(10, 0.5 + 4 * random.nextDouble());
    DeepCode code = deep.get(random.nextInt(deep.size()));
    lines.add(at, code.code(depth, indent));
    return new Mutant("nest" + depth, join(lines));
  }

  private static List<String> lines(byte[] b) {
    return new ArrayList<>(Arrays.asList(new String(b, StandardCharsets.ISO_8859_1).split("\n", -1)));
  }

  /** Lines back to bytes: ISO-8859-1 both ways keeps every byte, valid UTF-8 or not. */
  private static byte[] join(List<String> lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1));
    return out.toByteArray();
  }
}
