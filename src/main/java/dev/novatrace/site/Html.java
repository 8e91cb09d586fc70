package dev.novatrace.site;

import dev.novatrace.util.ControlChars;

/**
 * Text put into a page. Every string that comes from code, a diagram or the command line goes
 * through {@link #text}: a Nova label such as {@code <instance>} or a path with {@code &} must
 * reach the reader as written, never as markup.
 */
final class Html {
  private Html() {}

  /** Escaped for element content and for quoted attribute values alike; controls made visible. */
  static String text(String raw) {
    String s = ControlChars.escape(raw);
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** A link, or the escaped text alone when there is no URL. */
  static String link(String url, String innerHtml) {
    return url == null ? innerHtml : "<a href=\"" + text(url) + "\">" + innerHtml + "</a>";
  }

  /**
   * The start of every page: {@code root} is the way back to the site's folder ("" or "../"), so
   * the pages work from any folder and from file://. The empty icon keeps the browser from
   * asking for a favicon.ico that is not there.
   */
  static String head(String title, String root) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + "<meta name=\"generator\" content=\"" + SiteBuilder.GENERATOR + "\">\n"
        + "<title>" + text(title) + "</title>\n"
        + "<link rel=\"icon\" href=\"data:,\">\n"
        + "<link rel=\"stylesheet\" href=\"" + root + "style.css\">\n</head>\n";
  }
}
