package dev.lambdasec.secrets;

import dev.lambdasec.secrets.SecretMatch.Confidence;
import dev.lambdasec.secrets.SecretMatch.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The stand-in for a secret value that a collector withheld: it carries the detector's verdict and
 * nothing of the value, so a later inspection of the stand-in gives the same {@link SecretMatch}.
 */
final class WithheldToken {

  static final String PREFIX = "lambdasec:withheld:v1:";
  private static final char SEPARATOR = '\u001f';
  private static final Pattern RULE_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
  private static final int MAX_DESCRIPTION = 300;

  private WithheldToken() {}

  static String of(SecretMatch m) {
    String payload =
        m.ruleId()
            + SEPARATOR
            + m.description()
            + SEPARATOR
            + m.kind()
            + SEPARATOR
            + m.confidence();
    return PREFIX
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8));
  }

  /** The verdict a token carries; empty for anything that is not a well-formed token. */
  static Optional<SecretMatch> parse(String value) {
    if (!value.startsWith(PREFIX) || value.length() > PREFIX.length() + 1024) {
      return Optional.empty();
    }
    String payload;
    try {
      payload =
          new String(
              Base64.getUrlDecoder().decode(value.substring(PREFIX.length())),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    String[] parts = payload.split(String.valueOf(SEPARATOR), -1);
    if (parts.length != 4
        || !RULE_ID.matcher(parts[0]).matches()
        || parts[1].isBlank()
        || parts[1].length() > MAX_DESCRIPTION
        || parts[1].chars().anyMatch(Character::isISOControl)) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new SecretMatch(
              parts[0], parts[1], Kind.valueOf(parts[2]), Confidence.valueOf(parts[3])));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
