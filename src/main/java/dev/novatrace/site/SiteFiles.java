package dev.novatrace.site;

import dev.novatrace.detail.Detail;

/**
 * The names of the site's files, in one place so that what a page links to is what the builder
 * writes. Everything about an action lives in {@code actions/}, named after the action.
 */
final class SiteFiles {
  static final String ACTIONS = "actions";
  static final String INDEX = "index.html";
  static final String STYLE = "style.css";
  static final String SEARCH = "search.js";

  private SiteFiles() {}

  /** {@code actions/pause.html}, relative to the site's folder. */
  static String page(String action) {
    return ACTIONS + "/" + action + ".html";
  }

  /** {@code pause.standard.svg}, relative to {@code actions/}. */
  static String diagram(String action, Detail detail, String extension) {
    return action + "." + detail.label() + "." + extension;
  }

  /** {@code pause.diff-31.0.0.svg}, relative to {@code actions/}. */
  static String diff(String action, Release other, String extension) {
    return action + ".diff-" + other.slug() + "." + extension;
  }
}
