package dev.novatrace.diff;

/**
 * One step of a diagram, normalised for comparison: what kind it is, between whom, its text, and
 * the anchor in force where it stands. Block headers ({@code opt cond}) and {@code else} lines are
 * steps too, so a new condition is a change like any other. {@code depth} is the block nesting
 * and {@code line} the source line (0 for generated diagrams); neither takes part in equality of
 * content ({@link #sameContent}).
 */
public record FlatStep(Kind kind, String from, String to, String text, Anchor anchor, int depth,
    int line) {

  public enum Kind {
    /** {@code A->B} a call. */ CALL,
    /** {@code A->>B} an asynchronous message, an RPC cast. */ CAST,
    /** {@code A-->B} a reply. */ REPLY,
    /** A note over/left of/right of participants ({@code from} lists them). */ NOTE,
    /** {@code opt/alt/loop/par text}: {@code from} is the keyword. */ BLOCK,
    /** {@code else text}. */ ELSE,
    /** {@code state}/{@code ref} boxes. */ BOX
  }

  /** Same kind, participants and text: the step is the same wherever its code now lives. */
  public boolean sameContent(FlatStep o) {
    return sameShape(o) && text.equals(o.text);
  }

  /**
   * The text without its white space, as {@code git diff -w} compares lines: a condition
   * reformatted ({@code len(bdms)>0}, {@code len(bdms) > 0}, or split over lines) says the same.
   * The two characters {@code \n} that separate a label's lines are text, not white space.
   */
  public String plainText() {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        sb.append(text.charAt(i));
      }
    }
    return sb.toString();
  }

  /** Whether the texts differ at most in white space ({@link #plainText}). */
  public boolean sameText(FlatStep o) {
    return text.equals(o.text) || plainText().equals(o.plainText());
  }

  /** Same kind and participants: a different text makes it a changed step. */
  public boolean sameShape(FlatStep o) {
    return kind == o.kind && from.equals(o.from) && to.equals(o.to);
  }

  public boolean sameAnchor(FlatStep o) {
    return java.util.Objects.equals(anchor, o.anchor);
  }

  public boolean isMessage() {
    return kind == Kind.CALL || kind == Kind.CAST || kind == Kind.REPLY;
  }

  /** One line for reports: {@code nova_api->>nova_compute: pause_instance}. */
  public String describe() {
    String oneLine = text.replace("\n", "\\n");
    return switch (kind) {
      case CALL -> from + "->" + to + ": " + oneLine;
      case CAST -> from + "->>" + to + ": " + oneLine;
      case REPLY -> from + "-->" + to + ": " + oneLine;
      case NOTE -> "note over " + from + ": " + oneLine;
      case BLOCK -> from + " " + oneLine;
      case ELSE -> oneLine.isEmpty() ? "else" : "else " + oneLine;
      case BOX -> from + " over " + to + ": " + oneLine;
    };
  }
}
