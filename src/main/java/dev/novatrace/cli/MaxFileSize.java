package dev.novatrace.cli;

import dev.novatrace.python.SourceParser;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --max-file-size}: .py files larger than this are skipped with a diagnostic. */
final class MaxFileSize {

  @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "8M",
      converter = Converter.class,
      description = ".py files larger than this are skipped, each with a diagnostic:"
          + " bytes, or with k, M or G (default: ${DEFAULT-VALUE}; Nova's largest file is 1.5M).")
  long bytes = SourceParser.DEFAULT_MAX_BYTES;

  /** {@code 8M}, {@code 512k}, {@code 1G} or plain bytes; anything else is a one-line error. */
  static final class Converter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      int shift = v.endsWith("k") ? 10 : v.endsWith("m") ? 20 : v.endsWith("g") ? 30 : 0;
      String digits = shift == 0 ? v : v.substring(0, v.length() - 1);
      try {
        long n = Long.parseLong(digits);
        if (n <= 0 || n > (Long.MAX_VALUE >> shift)) {
          throw new NumberFormatException();
        }
        return n << shift;
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("'" + value
            + "' is not a size (expected e.g. 8M, 512k or 1000000)");
      }
    }
  }
}
