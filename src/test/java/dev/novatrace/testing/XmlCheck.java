package dev.novatrace.testing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** An SVG read by a real XML parser, as a browser or an XML tool would read it. */
public final class XmlCheck {
  private XmlCheck() {}

  /** Fails unless {@code file} is well-formed XML (DTDs refused, nothing fetched). */
  public static void wellFormed(Path file) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      DocumentBuilder builder = f.newDocumentBuilder();
      builder.setErrorHandler(null);
      builder.parse(new InputSource(new StringReader(Files.readString(file,
          StandardCharsets.UTF_8))));
    } catch (SAXException e) {
      throw new AssertionError(file + " is not well-formed XML: " + e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
