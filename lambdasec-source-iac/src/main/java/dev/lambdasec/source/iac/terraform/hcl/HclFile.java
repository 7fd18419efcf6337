package dev.lambdasec.source.iac.terraform.hcl;

import java.util.BitSet;
import java.util.List;

/** One parsed file: its top-level body, its comments, and which lines hold code. */
public final class HclFile {

  private final String name;
  private final Body body;
  private final List<Comment> comments;
  private final BitSet codeLines;

  HclFile(String name, Body body, List<Comment> comments, BitSet codeLines) {
    this.name = name;
    this.body = body;
    this.comments = List.copyOf(comments);
    this.codeLines = (BitSet) codeLines.clone();
  }

  /** The file as shown to users. */
  public String name() {
    return name;
  }

  public Body body() {
    return body;
  }

  /** Every comment, in file order. */
  public List<Comment> comments() {
    return comments;
  }

  /** Whether the 1-based {@code line} holds anything but blanks and comments. */
  public boolean hasCode(int line) {
    return line > 0 && codeLines.get(line);
  }
}
