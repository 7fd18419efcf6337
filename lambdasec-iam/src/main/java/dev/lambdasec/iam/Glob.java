package dev.lambdasec.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * IAM wildcard matching ({@code *} any run of characters, {@code ?} one character) of a policy
 * pattern against a concrete action or ARN, aware of placeholders.
 *
 * <p>Placeholders ({@code ${Bucket.Arn}}, {@code ${AWS::AccountId}}, IAM policy variables like
 * {@code ${aws:username}}) stand for text unknown before deployment. A match is YES when it holds
 * whatever the placeholders become (a placeholder only matches a {@code *} or the same
 * placeholder), MAYBE when it holds for some values, and NO otherwise.
 */
public final class Glob {

  private Glob() {}

  /**
   * Matches an action pattern ({@code s3:Get*}) against an action; case-insensitive, as IAM does.
   */
  public static Match action(String pattern, String action) {
    return match(pattern.toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT));
  }

  /** Matches a resource pattern against an ARN; case-sensitive, as IAM does. */
  public static Match resource(String pattern, String arn) {
    return match(pattern, arn);
  }

  static Match match(String pattern, String target) {
    if (!hasPlaceholder(pattern) && !hasPlaceholder(target)) {
      return plain(pattern, target) ? Match.YES : Match.NO;
    }
    List<Token> p = tokens(pattern, true);
    List<Token> t = tokens(target, false);
    if (sure(p, t)) {
      return Match.YES;
    }
    return possible(p, t) ? Match.MAYBE : Match.NO;
  }

  /** True when {@code s} has a {@code ${…}} placeholder; a lone {@code $} is a plain character. */
  public static boolean hasPlaceholder(String s) {
    int open = s.indexOf("${");
    return open >= 0 && s.indexOf('}', open + 2) > 0;
  }

  /**
   * Wildcard matching without placeholders, the common case: linear, backtracking only to the last
   * star.
   */
  private static boolean plain(String pattern, String target) {
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    while (t < target.length()) {
      if (p < pattern.length()
          && (pattern.charAt(p) == '?' || pattern.charAt(p) == target.charAt(t))) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }

  /** True when {@code text} is only wildcards, such as {@code *} or {@code *:*}. */
  public static boolean isWildcardOnly(String text) {
    return !text.isEmpty() && text.chars().allMatch(c -> c == '*' || c == '?' || c == ':');
  }

  private enum Kind {
    CHAR,
    STAR,
    ONE,
    HOLE
  }

  private record Token(Kind kind, char c, String text) {
    /** Whether this wildcard or placeholder may stand for the given concrete token. */
    boolean canAbsorb(Token other) {
      return !(kind == Kind.HOLE
          && text.startsWith("${AWS::")
          && other.kind() == Kind.CHAR
          && other.c() == ':');
    }
  }

  private static List<Token> tokens(String s, boolean pattern) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
        int end = s.indexOf('}', i + 2);
        if (end > 0) {
          out.add(new Token(Kind.HOLE, ' ', s.substring(i, end + 1)));
          i = end + 1;
          continue;
        }
      }
      if (pattern && c == '*') {
        out.add(new Token(Kind.STAR, c, "*"));
      } else if (pattern && c == '?') {
        out.add(new Token(Kind.ONE, c, "?"));
      } else {
        out.add(new Token(Kind.CHAR, c, ""));
      }
      i++;
    }
    return out;
  }

  /** Placeholders are opaque: only a star or the same placeholder matches them. */
  private static boolean sure(List<Token> p, List<Token> t) {
    boolean[][] memo = new boolean[p.size() + 1][t.size() + 1];
    boolean[][] done = new boolean[p.size() + 1][t.size() + 1];
    return sure(p, t, 0, 0, memo, done);
  }

  private static boolean sure(
      List<Token> p, List<Token> t, int i, int j, boolean[][] memo, boolean[][] done) {
    if (done[i][j]) {
      return memo[i][j];
    }
    boolean r;
    if (i == p.size()) {
      r = j == t.size();
    } else {
      Token pt = p.get(i);
      r =
          switch (pt.kind()) {
            case STAR ->
                sure(p, t, i + 1, j, memo, done)
                    || (j < t.size() && sure(p, t, i, j + 1, memo, done));
            case ONE ->
                j < t.size()
                    && t.get(j).kind() == Kind.CHAR
                    && sure(p, t, i + 1, j + 1, memo, done);
            case CHAR ->
                j < t.size()
                    && t.get(j).kind() == Kind.CHAR
                    && t.get(j).c() == pt.c()
                    && sure(p, t, i + 1, j + 1, memo, done);
            case HOLE ->
                j < t.size()
                    && t.get(j).kind() == Kind.HOLE
                    && t.get(j).text().equals(pt.text())
                    && sure(p, t, i + 1, j + 1, memo, done);
          };
    }
    done[i][j] = true;
    memo[i][j] = r;
    return r;
  }

  /** Placeholders on either side may be anything: is there any assignment that matches? */
  private static boolean possible(List<Token> p, List<Token> t) {
    boolean[][] memo = new boolean[p.size() + 1][t.size() + 1];
    boolean[][] done = new boolean[p.size() + 1][t.size() + 1];
    return possible(p, t, 0, 0, memo, done);
  }

  private static boolean possible(
      List<Token> p, List<Token> t, int i, int j, boolean[][] memo, boolean[][] done) {
    if (done[i][j]) {
      return memo[i][j];
    }
    done[i][j] = true;
    boolean r;
    boolean pWild = i < p.size() && (p.get(i).kind() == Kind.STAR || p.get(i).kind() == Kind.HOLE);
    boolean tWild = j < t.size() && t.get(j).kind() == Kind.HOLE;
    if (i == p.size() && j == t.size()) {
      r = true;
    } else if (pWild || tWild) {
      r =
          (pWild && possible(p, t, i + 1, j, memo, done))
              || (tWild && possible(p, t, i, j + 1, memo, done))
              || (pWild
                  && j < t.size()
                  && p.get(i).canAbsorb(t.get(j))
                  && possible(p, t, i, j + 1, memo, done))
              || (tWild
                  && i < p.size()
                  && t.get(j).canAbsorb(p.get(i))
                  && possible(p, t, i + 1, j, memo, done));
    } else if (i == p.size() || j == t.size()) {
      r = false;
    } else {
      Token pt = p.get(i);
      Token tt = t.get(j);
      r = (pt.kind() == Kind.ONE || pt.c() == tt.c()) && possible(p, t, i + 1, j + 1, memo, done);
    }
    memo[i][j] = r;
    return r;
  }
}
