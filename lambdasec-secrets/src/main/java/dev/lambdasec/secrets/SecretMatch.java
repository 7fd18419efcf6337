package dev.lambdasec.secrets;

import java.util.Objects;

/**
 * A detected secret. Holds no part of the secret value: not the value, not a prefix or suffix, not
 * its length. Every field is chosen from a fixed set of texts (rule ids and descriptions come from
 * the bundled rule data), so a match can be logged, serialised and shown in reports as it is.
 *
 * @param ruleId the detection rule, such as {@code aws-access-token} (a gitleaks rule id) or one of
 *     lambdasec's own rules: {@code aws-secret-access-key}, {@code aws-session-token}, {@code
 *     generic-secret}, {@code url-credentials}, {@code authorization-header}, {@code
 *     embedded-credential}
 * @param description the short name of the kind of secret ({@code Stripe access token}), for
 *     messages
 * @param kind the family of the secret
 * @param confidence how sure the detector is that the value is a live credential
 */
public record SecretMatch(
    String ruleId, String description, SecretMatch.Kind kind, SecretMatch.Confidence confidence) {

  public SecretMatch {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(confidence, "confidence");
  }

  /** The family of a secret, for grouping and for rule messages. */
  public enum Kind {
    /** AWS key material: access key id, secret access key, session token, Bedrock API key. */
    AWS_CREDENTIAL,
    /** A PEM/OpenSSH/PGP private key block or similar key file content. */
    PRIVATE_KEY,
    /** A token or API key issued by a service, recognised by its format. */
    SERVICE_TOKEN,
    /** A password, shared secret or key whose variable name says it is one. */
    PASSWORD,
    /**
     * A credential inside a larger value: a URL with {@code user:password@}, an {@code
     * Authorization} header value, a {@code password=} pair in a connection string, query string or
     * JSON document.
     */
    EMBEDDED_CREDENTIAL
  }

  /** How sure the detector is. Every level is a finding; the level only tunes the wording. */
  public enum Confidence {
    /** A format that only credentials have (a provider prefix and checksum-like shape). */
    HIGH,
    /**
     * A credential-shaped value whose provider or role is known only from the surrounding name, or
     * a random-looking value under a secret-sounding name.
     */
    MEDIUM,
    /** A short or dictionary-like literal under a secret-sounding name: likely a weak password. */
    LOW
  }
}
