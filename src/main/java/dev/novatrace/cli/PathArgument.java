package dev.novatrace.cli;

import dev.novatrace.util.ShownNames;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * A path given on the command line. A name the locale's character set cannot hold (a UTF-8
 * {@code päuse.wsd} under {@code LC_ALL=C}) is one line saying so, with its bytes escaped
 * ({@code p\xc3\xa4use.wsd}), rather than Java's exception text.
 */
final class PathArgument implements CommandLine.ITypeConverter<Path> {
  @Override
  public Path convert(String value) {
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new CommandLine.TypeConversionException("the name '" + shown(value)
          + "' cannot be held in this locale's character set ("
          + System.getProperty("sun.jnu.encoding", "unknown")
          + "); run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8");
    }
  }

  /** The name as the command line had it, the bytes the locale could not decode escaped. */
  private static String shown(String value) {
    return ShownNames.ofArgument(value);
  }
}
