package dev.lambdasec.secrets;

import java.util.HashMap;
import java.util.Map;

/** Small character-level helpers shared by the heuristics. None of them allocate per character. */
final class Text {

  private Text() {}

  /** Shannon entropy in bits per character over the UTF-16 code units of {@code s}. */
  static double shannon(CharSequence s) {
    int n = s.length();
    if (n == 0) {
      return 0;
    }
    int[] ascii = new int[128];
    Map<Character, Integer> other = null;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 128) {
        ascii[c]++;
      } else {
        if (other == null) {
          other = new HashMap<>();
        }
        other.merge(c, 1, Integer::sum);
      }
    }
    double h = 0;
    for (int count : ascii) {
      if (count > 0) {
        double p = (double) count / n;
        h -= p * Math.log(p);
      }
    }
    if (other != null) {
      for (int count : other.values()) {
        double p = (double) count / n;
        h -= p * Math.log(p);
      }
    }
    return h / Math.log(2);
  }

  /** {@code s} without one pair of matching surrounding quotes, and stripped of white space. */
  static String unquote(String s) {
    String t = s.strip();
    while (t.length() >= 2) {
      char first = t.charAt(0);
      char last = t.charAt(t.length() - 1);
      if ((first == '"' || first == '\'' || first == '`') && first == last) {
        t = t.substring(1, t.length() - 1).strip();
      } else {
        break;
      }
    }
    return t;
  }

  static boolean isLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  static boolean isUpper(char c) {
    return c >= 'A' && c <= 'Z';
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isAlnum(char c) {
    return isLower(c) || isUpper(c) || isDigit(c);
  }

  static boolean hasLetter(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isLower(c) || isUpper(c) || Character.isLetter(c)) {
        return true;
      }
    }
    return false;
  }

  static boolean hasDigit(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  static boolean hasAlnum(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetterOrDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  static boolean allDigits(CharSequence s) {
    if (s.length() == 0) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The number of character classes among lower case, upper case, digit and other. */
  static int characterClasses(CharSequence s) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean other = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (isLower(c)) {
        lower = true;
      } else if (isUpper(c)) {
        upper = true;
      } else if (isDigit(c)) {
        digit = true;
      } else {
        other = true;
      }
    }
    return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
  }

  static boolean allSameChar(CharSequence s) {
    for (int i = 1; i < s.length(); i++) {
      if (s.charAt(i) != s.charAt(0)) {
        return false;
      }
    }
    return s.length() > 0;
  }

  /**
   * Whether {@code part} reads like a word or an identifier rather than random characters: all
   * lower case (with digits), all upper case (with digits), or camel case in which every capital
   * after the first character starts a lower-case hump ({@code MyDbSecret}, {@code DbSecret2}).
   * Random mixed-case strings almost always have two adjacent capitals or a capital followed by a
   * digit inside, and fail.
   */
  static boolean isWordLike(CharSequence part) {
    int n = part.length();
    if (n == 0) {
      return true;
    }
    boolean anyLower = false;
    boolean anyUpper = false;
    for (int i = 0; i < n; i++) {
      char c = part.charAt(i);
      if (isLower(c)) {
        anyLower = true;
      } else if (isUpper(c)) {
        anyUpper = true;
      } else if (!isDigit(c)) {
        return false;
      }
    }
    if (!anyLower || !anyUpper) {
      return true;
    }
    for (int i = 1; i < n; i++) {
      if (isUpper(part.charAt(i))) {
        if (i + 1 >= n || !isLower(part.charAt(i + 1))) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Whether every part of {@code s}, split at {@code - _ . @ : ~} and spaces, is {@linkplain
   * #isWordLike word-like}.
   */
  static boolean isIdentifierLike(CharSequence s) {
    int start = 0;
    for (int i = 0; i <= s.length(); i++) {
      boolean end = i == s.length();
      char c = end ? ' ' : s.charAt(i);
      if (end || c == '-' || c == '_' || c == '.' || c == '@' || c == ':' || c == '~' || c == ' ') {
        if (!isWordLike(s.subSequence(start, i))) {
          return false;
        }
        start = i + 1;
      } else if (!isAlnum(c)) {
        return false;
      }
    }
    return true;
  }
}
