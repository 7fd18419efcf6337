package dev.lambdasec.source.iac.parse;

import java.util.regex.Pattern;

/**
 * Strips document content from parser messages. SnakeYAML and Jackson quote characters, tokens and
 * alias names of the offending line; any of those may be a secret, so quoted parts and names are
 * replaced before a message reaches an {@code InputError}.
 */
final class SafeMessages {

  private static final Pattern QUOTED = Pattern.compile("'[^'\\n]*'|\"[^\"\\n]*\"|`[^`\\n]*`");
  private static final Pattern NAMED =
      Pattern.compile("(?i)\\b(alias|anchor|handle)\\s+[^\\s,;:()]+");
  private static final Pattern CODE = Pattern.compile("\\((?:code|CTRL-CHAR, code)\\s*-?\\d+\\)");
  private static final int MAX_LENGTH = 160;

  private SafeMessages() {}

  /** A quoted punctuation mark is kept ({@code expected ':'}); anything else is redacted. */
  private static String quoted(java.util.regex.MatchResult m) {
    String inner = m.group().substring(1, m.group().length() - 1);
    boolean punctuation =
        inner.length() == 1
            && !Character.isLetterOrDigit(inner.charAt(0))
            && inner.charAt(0) != '\\';
    return java.util.regex.Matcher.quoteReplacement(punctuation ? m.group() : "'…'");
  }

  static String redact(String message) {
    String first = message.strip().lines().findFirst().orElse("");
    String safe = QUOTED.matcher(first).replaceAll(SafeMessages::quoted);
    safe = NAMED.matcher(safe).replaceAll("$1 …");
    safe = CODE.matcher(safe).replaceAll("");
    safe = safe.replaceAll("\\s+", " ").strip();
    if (safe.length() > MAX_LENGTH) {
      safe = safe.substring(0, MAX_LENGTH) + "…";
    }
    return safe.isEmpty() ? "syntax error" : safe;
  }
}
