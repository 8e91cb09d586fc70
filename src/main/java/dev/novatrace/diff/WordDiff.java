package dev.novatrace.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * The words two texts differ by, as {@code git diff --word-diff=plain} shows them: the words
 * removed as {@code [-old-]}, the words added as {@code {+new+}}, the rest as the second text has
 * it. A word is a run of characters between white space; the two characters {@code \n} (the line
 * break of a label, as a report writes it) are a word of their own, so a note that lost a line
 * reads {@code ...\nnormalize name[-\ncheck quota-]}. White space is not compared, as git does
 * not, so {@code a  b} and {@code a b} differ in no word.
 */
public final class WordDiff {
  /** Beyond this many words a side, the texts are shown whole, removed then added. */
  private static final int MAX_WORDS = 2_000;

  private WordDiff() {}

  /** A word and the white space before it. */
  record Word(String space, String text) {}

  /** {@code before} turned into {@code after}, the differing words marked. */
  public static String of(String before, String after) {
    List<Word> a = words(before);
    List<Word> b = words(after);
    if (a.size() > MAX_WORDS || b.size() > MAX_WORDS) {
      return mark(before.strip(), after.strip());
    }
    int n = a.size();
    int m = b.size();
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).text().equals(b.get(j).text()) ? lcs[i + 1][j + 1] + 1
            : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    StringBuilder sb = new StringBuilder();
    int i = 0;
    int j = 0;
    // After words only removed, the next word keeps the space the first text gives it.
    boolean afterRemoval = false;
    while (i < n || j < m) {
      if (i < n && j < m && a.get(i).text().equals(b.get(j).text())) {
        Word w = b.get(j);
        sb.append(afterRemoval ? a.get(i).space() : w.space()).append(w.text());
        afterRemoval = false;
        i++;
        j++;
        continue;
      }
      // A change: the words removed up to the next common word, and those added.
      int i0 = i;
      int j0 = j;
      while (i < n || j < m) {
        if (i < n && j < m && a.get(i).text().equals(b.get(j).text())) {
          break;
        }
        if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
          i++;
        } else {
          j++;
        }
      }
      sb.append(j > j0 ? b.get(j0).space() : a.get(i0).space())
          .append(mark(join(a, i0, i), join(b, j0, j)));
      afterRemoval = j == j0;
    }
    return sb.toString();
  }

  /** The words from..to with the spaces between them, not the one before the first. */
  private static String join(List<Word> words, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int k = from; k < to; k++) {
      sb.append(k == from ? "" : words.get(k).space()).append(words.get(k).text());
    }
    return sb.toString();
  }

  private static String mark(String removed, String added) {
    return (removed.isEmpty() ? "" : "[-" + removed + "-]")
        + (added.isEmpty() ? "" : "{+" + added + "+}");
  }

  /** The words of a text, each with the white space before it. */
  static List<Word> words(String s) {
    List<Word> out = new ArrayList<>();
    int k = 0;
    while (k < s.length()) {
      int start = k;
      while (k < s.length() && Character.isWhitespace(s.charAt(k))) {
        k++;
      }
      String space = s.substring(start, k);
      if (k == s.length()) {
        break;
      }
      int word = k;
      if (s.startsWith("\\n", k)) {
        k += 2;
      } else {
        while (k < s.length() && !Character.isWhitespace(s.charAt(k)) && !s.startsWith("\\n", k)) {
          k++;
        }
      }
      out.add(new Word(space, s.substring(word, k)));
    }
    return out;
  }
}
