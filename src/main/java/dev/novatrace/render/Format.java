package dev.novatrace.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** An output format of a diagram and the file extension it is written with. */
public enum Format {
  SVG("svg"),
  PNG("png"),
  PUML("puml"),
  MERMAID("mmd"),
  WSD("wsd"),
  /** blockdiag's seqdiag, the language of Nova's documentation diagrams. */
  SEQDIAG("dia");

  public final String extension;

  Format(String extension) {
    this.extension = extension;
  }

  /** The format named on a command line ({@code svg}, {@code mermaid}, ...), any case. */
  public static Format parse(String name) {
    for (Format f : values()) {
      if (f.name().equalsIgnoreCase(name.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + name + "' (expected one of "
        + names() + ")");
  }

  /** {@code svg|png|puml|mermaid|wsd|seqdiag}. */
  public static String names() {
    return Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining("|"));
  }
}
