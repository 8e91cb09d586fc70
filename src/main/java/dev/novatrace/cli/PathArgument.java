package dev.novatrace.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * A path given on the command line. A name the locale's character set cannot hold (a UTF-8
 * {@code päuse.wsd} under {@code LC_ALL=C}) is one line saying so, its unreadable characters as
 * {@code ?}, rather than Java's exception text.
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

  /** The name with what could not be decoded (and any control character) as '?'. */
  private static String shown(String value) {
    StringBuilder b = new StringBuilder();
    value.codePoints().forEach(c -> b.appendCodePoint(
        c == 0xFFFD || Character.isISOControl(c) ? '?' : c));
    return b.toString();
  }
}
