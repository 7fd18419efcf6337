package dev.lambdasec.secrets;

import dev.lambdasec.secrets.NameClassifier.NameInfo;
import dev.lambdasec.secrets.NameClassifier.Role;
import dev.lambdasec.secrets.SecretMatch.Confidence;
import dev.lambdasec.secrets.SecretMatch.Kind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a named configuration value (a Lambda environment variable, a stage variable, a
 * parameter default) holds a plaintext secret, and tells references to secrets apart from secrets.
 *
 * <p>The checks, in order; the first that answers wins:
 *
 * <ol>
 *   <li><b>References are never secrets.</b> CloudFormation dynamic references ({@code
 *       {{resolve:secretsmanager:…}}}), ARNs, {@code ${…}} placeholders and Serverless Framework /
 *       Terraform variables, SSM parameter paths and Secrets Manager names with a path, file paths,
 *       KMS aliases: see {@link #isReference}.
 *   <li><b>Format rules</b> from gitleaks (AWS access key ids, private keys, GitHub, GitLab, Slack,
 *       Stripe, npm, PyPI tokens, JWTs and about 200 more), prefiltered by their keywords and
 *       checked against their entropy threshold and allowlists. They see {@code NAME=value}, so the
 *       rules that need a service name before the secret work too.
 *   <li><b>AWS key heuristics</b>: a 40-character base64 value under a name like {@code
 *       AWS_SECRET_ACCESS_KEY} or {@code secret_key}; a long base64 value under {@code
 *       AWS_SESSION_TOKEN}.
 *   <li><b>Credentials inside a value</b>, whatever the name: {@code scheme://user:password@host},
 *       {@code Bearer}/{@code Basic} header values, {@code password=…} in connection strings, query
 *       strings, JSON and JVM options.
 *   <li><b>Name-based rule</b> ({@code generic-secret}): the name says password, secret, token, API
 *       key, private key, credentials… and the value is a real-looking literal, not a placeholder,
 *       not a pointer (names ending {@code _ARN}, {@code _NAME}, {@code _ID}, {@code _PARAM},
 *       {@code _PATH}, {@code _URL}, …), not a URL, e-mail address or IAM unique id.
 * </ol>
 *
 * <p>The detector is immutable and thread-safe. It never logs, and no part of a value reaches a
 * {@link SecretMatch}, an exception or a {@code toString}.
 */
public final class SecretDetector {

  /**
   * Values are inspected up to this many characters. Lambda allows 4 KB for all environment
   * variables of a function together and SSM parameters hold at most 8 KB, so only hostile input is
   * longer; whole files go to a file scanner instead. The cap keeps the cost of one call bounded
   * (every rule whose keyword occurs runs over the value once).
   */
  public static final int MAX_VALUE_CHARS = 64 * 1024;

  /** What {@link #redact} returns, whatever the value. */
  public static final String REDACTED = "****";

  static final String AWS_SECRET_ACCESS_KEY = "aws-secret-access-key";
  static final String AWS_SESSION_TOKEN = "aws-session-token";
  static final String GENERIC_SECRET = "generic-secret";
  static final String URL_CREDENTIALS = "url-credentials";
  static final String AUTHORIZATION_HEADER = "authorization-header";
  static final String EMBEDDED_CREDENTIAL = "embedded-credential";

  private final PatternRules patterns;
  private final NameClassifier names;
  private final ValueShapes shapes;

  private SecretDetector(PatternRules patterns, Vocabulary vocabulary) {
    this.patterns = patterns;
    this.names = new NameClassifier(vocabulary);
    this.shapes = new ValueShapes(vocabulary);
  }

  private static final class Bundled {
    static final SecretDetector INSTANCE =
        new SecretDetector(PatternRules.bundled(), Vocabulary.bundled());
  }

  /** The detector with the rule data bundled in this module; built once, then shared. */
  public static SecretDetector bundled() {
    return Bundled.INSTANCE;
  }

  PatternRules patternRules() {
    return patterns;
  }

  /**
   * The secret a value holds, if any.
   *
   * @param name the variable or key the value is assigned to (may be empty when unknown)
   * @param value the value as configured, after the source's own resolution; only its first {@value
   *     #MAX_VALUE_CHARS} characters are inspected
   */
  public Optional<SecretMatch> inspect(String name, String value) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    Optional<SecretMatch> withheld = WithheldToken.parse(value);
    if (withheld.isPresent()) {
      return withheld;
    }
    String v =
        Text.unquote(
            value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) : value);
    if (v.isEmpty() || shapes.isReference(v)) {
      return Optional.empty();
    }
    NameInfo n = names.classify(name);

    Optional<SecretMatch> pattern = patterns.scan(name, v);
    if (pattern.isPresent() && pattern.get().confidence() == Confidence.HIGH) {
      return pattern;
    }
    if (n.awsSecretKey() && ValueShapes.looksLikeAwsSecretAccessKey(v)) {
      return Optional.of(awsSecretKey(Confidence.HIGH));
    }
    if (n.awsSessionToken() && ValueShapes.looksLikeAwsSessionToken(v)) {
      return Optional.of(
          new SecretMatch(
              AWS_SESSION_TOKEN, "AWS session token", Kind.AWS_CREDENTIAL, Confidence.HIGH));
    }
    if (pattern.isPresent() && (pattern.get().kind() == Kind.AWS_CREDENTIAL || !n.pointer())) {
      return pattern;
    }
    if (shapes.isNonSecretAwsId(v)) {
      return Optional.empty();
    }

    Optional<Confidence> url = shapes.urlCredential(v);
    if (url.isPresent()) {
      return Optional.of(
          new SecretMatch(
              URL_CREDENTIALS,
              "user name and password in a URL",
              Kind.EMBEDDED_CREDENTIAL,
              url.get()));
    }
    Optional<Confidence> header = shapes.authorizationCredential(v);
    if (header.isPresent()) {
      return Optional.of(
          new SecretMatch(
              AUTHORIZATION_HEADER,
              "Authorization header credential",
              Kind.EMBEDDED_CREDENTIAL,
              header.get()));
    }
    for (ValueShapes.Assignment a : ValueShapes.assignments(v)) {
      Optional<Confidence> inner = judgeByName(names.classify(a.key()), Text.unquote(a.value()));
      if (inner.isPresent()) {
        return Optional.of(
            new SecretMatch(
                EMBEDDED_CREDENTIAL,
                "password or token inside a connection string, query string, JSON or option",
                Kind.EMBEDDED_CREDENTIAL,
                inner.get()));
      }
    }
    return judgeByName(n, v)
        .map(c -> new SecretMatch(GENERIC_SECRET, genericDescription(n.role()), Kind.PASSWORD, c));
  }

  private static SecretMatch awsSecretKey(Confidence confidence) {
    return new SecretMatch(
        AWS_SECRET_ACCESS_KEY, "AWS secret access key", Kind.AWS_CREDENTIAL, confidence);
  }

  private static String genericDescription(Role role) {
    return switch (role) {
      case TOKEN -> "API key or token, as the variable name says";
      case KEY -> "key, as the variable name says";
      default -> "password or secret, as the variable name says";
    };
  }

  /** The name-based verdict on a literal: is it a real-looking value of the kind the name says? */
  private Optional<Confidence> judgeByName(NameInfo n, String v) {
    if (n.role() == Role.NONE || n.pointer() || v.isEmpty()) {
      return Optional.empty();
    }
    if (shapes.isPlaceholder(v)
        || shapes.isReference(v)
        || ValueShapes.isUrl(v)
        || ValueShapes.isEmail(v)
        || ValueShapes.isHostname(v, 2)
        || shapes.isNonSecretAwsId(v)
        || ValueShapes.isKmsCiphertext(v)
        || (n.secretContainer() && shapes.looksLikeSecretName(v))) {
      return Optional.empty();
    }
    boolean real =
        switch (n.role()) {
          case PASSWORD -> v.length() >= 6;
          case TOKEN -> v.length() >= 8 && Text.hasLetter(v) && Text.shannon(v) >= 3.0;
          case KEY ->
              v.length() >= 16
                  && Text.hasLetter(v)
                  && digits(v) >= 2
                  && v.indexOf(' ') < 0
                  && Text.shannon(v) >= 3.0;
          case NONE -> false;
        };
    return real ? Optional.of(ValueShapes.strength(v)) : Optional.empty();
  }

  private static int digits(String s) {
    int d = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Text.isDigit(s.charAt(i))) {
        d++;
      }
    }
    return d;
  }

  /**
   * Inspects all variables of one configuration (one function's environment) together. Same as
   * {@link #inspect} for each entry, plus one pairing rule: when the configuration holds an AWS
   * access key id, any other value shaped like a secret access key (40 base64 characters, both
   * cases, high entropy) is reported too, whatever its name, unless it is a reference or its name
   * marks a pointer.
   *
   * @return the matches by variable name, in the iteration order of {@code variables}
   */
  public Map<String, SecretMatch> inspectAll(Map<String, String> variables) {
    Objects.requireNonNull(variables, "variables");
    Map<String, SecretMatch> found = new LinkedHashMap<>();
    boolean keyId = false;
    for (Map.Entry<String, String> e : variables.entrySet()) {
      Optional<SecretMatch> m = inspect(e.getKey(), e.getValue());
      if (m.isPresent()) {
        found.put(e.getKey(), m.get());
        keyId |= m.get().ruleId().equals(PatternRules.AWS_ACCESS_TOKEN);
      }
    }
    if (keyId) {
      for (Map.Entry<String, String> e : variables.entrySet()) {
        String v = Text.unquote(e.getValue());
        if (!found.containsKey(e.getKey())
            && !names.classify(e.getKey()).pointer()
            && !shapes.isReference(v)
            && ValueShapes.looksLikeAwsSecretAccessKey(v)) {
          found.put(e.getKey(), awsSecretKey(Confidence.MEDIUM));
        }
      }
    }
    return Collections.unmodifiableMap(found);
  }

  /**
   * Whether the value refers to a secret kept elsewhere rather than holding one: a CloudFormation
   * dynamic reference ({@code {{resolve:secretsmanager:…}}}, {@code {{resolve:ssm:…}}}, {@code
   * {{resolve:ssm-secure:…}}}), any ARN, an SSM parameter path ({@code /prod/db/password}), a
   * Secrets Manager name with a path ({@code prod/api-key}), a KMS alias, a file path, a Serverless
   * Framework variable ({@code ${ssm:…}}, {@code ${aws:…}}, {@code ${env:…}}, {@code ${self:…}},
   * {@code ${opt:…}}, {@code ${file(…)}}), a CloudFormation or Terraform placeholder ({@code
   * ${DbSecret}}, {@code ${var.x}}), or a variable reference ({@code $DB_PASSWORD}, {@code
   * %DB_PASSWORD%}). A value that mixes such references with literal text is a reference unless the
   * literal text carries a credential of its own. Bare Secrets Manager names without a slash
   * ({@code my-secret}) cannot be told from values without the variable's name; {@link #inspect}
   * handles those through names like {@code *_SECRET_NAME} and {@code *_SECRET_ID}.
   */
  public boolean isReference(String value) {
    Objects.requireNonNull(value, "value");
    return shapes.isReference(value);
  }

  /**
   * A stand-in for a secret value that a collector does not keep (the live AWS snapshot keeps no
   * secret in clear): it holds the verdict {@code match} and nothing of the value, and {@link
   * #inspect} returns {@code match} again for it under any name. Rules therefore judge a withheld
   * value exactly as they judged the original.
   */
  public String withheld(SecretMatch match) {
    return WithheldToken.of(Objects.requireNonNull(match, "match"));
  }

  /**
   * A fixed mask for a secret value: always {@value #REDACTED}, whatever the value. It does not
   * reveal the length or a length class either: a length narrows a brute-force search on a weak
   * password and hints at the key type, and the {@link SecretMatch} already says what kind of
   * secret was found.
   */
  public String redact(String value) {
    return REDACTED;
  }
}
