package dev.lambdasec.secrets;

import java.util.List;

/**
 * One compiled gitleaks rule.
 *
 * @param id the gitleaks rule id
 * @param description the short name of what it finds ({@code Stripe access token}), for messages
 * @param regex the rule's Go RE2 regular expression, compiled with RE2/J on first use
 * @param keywords lower-case keywords; the rule only runs when one occurs in the scanned text
 *     (none: always runs)
 * @param minEntropy the Shannon entropy the secret must exceed, or 0 for no threshold
 * @param secretGroup the capture group holding the secret, or 0 for "the first non-empty group"
 * @param allowlists the rule's own allowlists
 * @param contextual the rule recognises the secret only through a service name written before it
 *     ({@code datadog…=<40 alphanumerics>}), rather than through a format of its own
 * @param kind the family of secret the rule finds
 */
record PatternRule(
    String id,
    String description,
    LazyPattern regex,
    List<String> keywords,
    double minEntropy,
    int secretGroup,
    List<Allowlist> allowlists,
    boolean contextual,
    SecretMatch.Kind kind) {

  SecretMatch.Confidence confidence() {
    return contextual ? SecretMatch.Confidence.MEDIUM : SecretMatch.Confidence.HIGH;
  }

  /**
   * A gitleaks allowlist: a finding is dropped when the allowlist matches.
   *
   * @param target what {@code regexes} are matched against
   * @param all {@code true} for gitleaks' {@code condition = "AND"} (every criterion must hold),
   *     {@code false} for the default OR
   * @param regexes compiled allowlist expressions
   * @param stopwords lower-case words; the allowlist matches when the secret contains one
   * @param hasPathCriterion the allowlist also names file paths, which never match a value
   */
  record Allowlist(
      Target target,
      boolean all,
      List<LazyPattern> regexes,
      List<String> stopwords,
      boolean hasPathCriterion) {

    /** What an allowlist regex is matched against, as in gitleaks' {@code regexTarget}. */
    enum Target {
      SECRET,
      MATCH,
      LINE
    }
  }
}
