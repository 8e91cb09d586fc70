package dev.novatrace.util;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one JSON writer of every command: records go in, the same bytes come out on every machine.
 * Fields keep the order their record declares, map keys are sorted, and lines end with "\n"
 * whatever the OS (Jackson's default indenter would use the platform's line separator).
 */
public final class Json {
  private Json() {}

  private static final DefaultIndenter INDENT = new DefaultIndenter("  ", "\n");

  /** {@code "key": value}, and {@code []}/{@code {}} for empty containers. */
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
      Separators.createDefaultInstance()
          .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
          .withObjectEmptySeparator("")
          .withArrayEmptySeparator(""))
      .withObjectIndenter(INDENT)
      .withArrayIndenter(INDENT);

  /**
   * JSON escapes only C0 controls by default; DEL, C1 and the bidirectional overrides would
   * reach a terminal raw when the JSON is printed. They are written as {@code \\uXXXX}, which
   * reads back as the same string.
   */
  private static final class Inert extends CharacterEscapes {
    private static final int[] ASCII = standardAsciiEscapesForJSON();

    static {
      ASCII[0x7f] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
      return !Character.isSurrogate((char) ch) && ControlChars.unsafe((char) ch)
          ? new SerializedString(
          String.format(java.util.Locale.ROOT, "\\u%04x", ch)) : null;
    }
  }

  /** Shared and thread-safe once configured; for reading JSON back, too. */
  public static final ObjectMapper MAPPER = JsonMapper.builder()
      .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
      .defaultPrettyPrinter(PRETTY)
      .build();

  static {
    MAPPER.getFactory().setCharacterEscapes(new Inert());
  }

  /** {@code value} as pretty JSON text ending in one "\n"; write it out as UTF-8. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      // Our own records always serialise; failing here is a bug, not the user's input.
      throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
    }
  }
}
