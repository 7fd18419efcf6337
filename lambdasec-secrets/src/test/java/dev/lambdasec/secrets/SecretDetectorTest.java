package dev.lambdasec.secrets;

import static dev.lambdasec.secrets.Fake.ALNUM;
import static dev.lambdasec.secrets.Fake.BASE64;
import static dev.lambdasec.secrets.Fake.DIGITS;
import static dev.lambdasec.secrets.Fake.HEX;
import static dev.lambdasec.secrets.Fake.LOWER;
import static dev.lambdasec.secrets.Fake.LOWER_ALNUM;
import static dev.lambdasec.secrets.Fake.UPPER;
import static dev.lambdasec.secrets.Fake.URL_SAFE;
import static dev.lambdasec.secrets.Fake.WORD;
import static dev.lambdasec.secrets.Fake.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.lambdasec.secrets.SecretMatch.Confidence;
import dev.lambdasec.secrets.SecretMatch.Kind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SecretDetectorTest {

  private final SecretDetector detector = SecretDetector.bundled();

  // ------------------------------------------------------------------ secrets that are found

  static Stream<Arguments> secrets() {
    return Stream.of(
        // AWS key material (gitleaks aws-access-token; lambdasec's AWS heuristics)
        secret("AWS_ACCESS_KEY_ID", Fake.awsKeyId("AKIA", 1), "aws-access-token"),
        secret("ACCESS_KEY", Fake.awsKeyId("ASIA", 2), "aws-access-token"),
        secret("BEARER_KEY_ID", Fake.awsKeyId("ABIA", 3), "aws-access-token"),
        secret("CONTEXT_KEY", Fake.awsKeyId("ACCA", 4), "aws-access-token"),
        secret("aws_access_key_id", "\"" + Fake.awsKeyId("AKIA", 5) + "\"", "aws-access-token"),
        secret("AWS_SECRET_ACCESS_KEY", Fake.awsSecretKey(6), "aws-secret-access-key"),
        secret("aws_secret", Fake.awsSecretKey(7), "aws-secret-access-key"),
        secret("SecretAccessKey", Fake.awsSecretKey(8), "aws-secret-access-key"),
        secret("AWS_SESSION_TOKEN", "IQoJb3JpZ2luX2Vj" + of(BASE64, 320, 9), "aws-session-token"),
        secret(
            "BEDROCK_API_KEY",
            "ABSK" + of(BASE64, 132, 10),
            "aws-amazon-bedrock-api-key-long-lived"),
        // private keys, with real newlines and with the \n escapes of a one-line env value
        secret("PRIVATE_KEY", Fake.privateKey("RSA PRIVATE", "\n", 11), "private-key"),
        secret("SSH_KEY", Fake.privateKey("OPENSSH PRIVATE", "\\n", 12), "private-key"),
        secret("SIGNING_CERT_KEY", Fake.privateKey("EC PRIVATE", "\n", 13), "private-key"),
        // source control and package registries
        secret("GITHUB_TOKEN", "ghp_" + of(ALNUM, 36, 14), "github-pat"),
        secret("GH_TOKEN", "github_pat_" + of(WORD, 82, 15), "github-fine-grained-pat"),
        secret("OAUTH", "gho_" + of(ALNUM, 36, 16), "github-oauth"),
        secret("GITLAB_TOKEN", "glpat-" + of(URL_SAFE, 20, 17), "gitlab-pat"),
        secret("NPM_TOKEN", "npm_" + of(LOWER_ALNUM, 36, 18), "npm-access-token"),
        secret(
            "TWINE_PASSWORD", "pypi-AgEIcHlwaS5vcmc" + of(URL_SAFE, 70, 19), "pypi-upload-token"),
        // chat, payment and SaaS keys often found in Lambda configuration
        secret(
            "SLACK_BOT_TOKEN",
            "xoxb-" + of(DIGITS, 11, 20) + "-" + of(DIGITS, 12, 21) + "-" + of(ALNUM, 24, 22),
            "slack-bot-token"),
        secret(
            "NOTIFY_HOOK",
            "https://hooks.slack.com/services/T"
                + of(UPPER + DIGITS, 8, 23)
                + "/B"
                + of(UPPER + DIGITS, 8, 24)
                + "/"
                + of(ALNUM, 24, 25),
            "slack-webhook-url"),
        secret("STRIPE_SECRET_KEY", "sk_live_" + of(ALNUM, 24, 26), "stripe-access-token"),
        secret("PAYMENTS", "rk_test_" + of(ALNUM, 24, 27), "stripe-access-token"),
        secret(
            "OPENAI_API_KEY",
            "sk-" + of(ALNUM, 20, 28) + "T3BlbkFJ" + of(ALNUM, 20, 29),
            "openai-api-key"),
        secret(
            "ANTHROPIC_API_KEY",
            "sk-ant-api03-" + of(URL_SAFE, 93, 30) + "AA",
            "anthropic-api-key"),
        secret("MAPS_KEY", "AIza" + of(URL_SAFE, 35, 31), "gcp-api-key"),
        secret(
            "SENDGRID_API_KEY",
            "SG." + of(URL_SAFE, 22, 32) + "." + of(URL_SAFE, 43, 33),
            "sendgrid-api-token"),
        secret("TWILIO_API_KEY", "SK" + of(HEX, 32, 34), "twilio-api-key"),
        secret("HF_TOKEN", "hf_" + of(LOWER + UPPER, 34, 35), "huggingface-access-token"),
        secret("DATABRICKS_TOKEN", "dapi" + of(HEX, 32, 36), "databricks-api-token"),
        secret(
            "AZURE_CLIENT_SECRET",
            of(ALNUM, 3, 37) + "8Q~" + of(ALNUM + "_~.-", 34, 38),
            "azure-ad-client-secret"),
        secret(
            "SESSION",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtYWNjb3VudCIsImlhdCI6MTcwMDAwMDAwMH0."
                + of(URL_SAFE, 43, 39),
            "jwt"),
        // a service name before the value: gitleaks' contextual rules see NAME=value
        secret("DATADOG_API_KEY", of(LOWER_ALNUM, 40, 40), "datadog-access-token"),
        // name-based: the name says secret, the value is a real-looking literal
        secret("DB_PASSWORD", "Tr0ub4dor&3x", "generic-secret"),
        secret("MYSQL_PASSWORD", "hunter22", "generic-secret"),
        secret("dbPassword", "correct horse battery staple", "generic-secret"),
        secret("DB_PASS", "s3cr3t-Pa55", "generic-secret"),
        secret("SMTP_PWD", "mailPass2024", "generic-secret"),
        secret("JWT_SECRET", "super-secret-key", "generic-secret"),
        secret("COOKIE_SECRET", of(ALNUM, 48, 41), "generic-secret"),
        secret("API_KEY", of(ALNUM, 32, 42), "generic-secret"),
        secret("apiKey", of(HEX, 32, 43), "generic-secret"),
        secret("X-Api-Key", of(ALNUM, 40, 44), "generic-secret"),
        secret("CLIENT_SECRET", of(URL_SAFE, 40, 45), "generic-secret"),
        secret("ACCESS_TOKEN", of(ALNUM, 64, 46), "generic-secret"),
        secret("SIGNING_KEY", of(BASE64, 44, 47), "generic-secret"),
        secret("ENCRYPTION_KEY", "base64:" + of(BASE64, 43, 48) + "=", "generic-secret"),
        secret(
            "private_key",
            "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC" + of(BASE64, 200, 49),
            "generic-secret"),
        secret("LICENSE_KEY", "3f2b8c1e-7d4a-4e9b-a1c2-9e8f7d6c5b4a", "generic-secret"),
        secret("CREDENTIALS", "svc-reporting:Pa55word!", "generic-secret"),
        secret("BASIC_AUTH", "admin:S3cretPass", "generic-secret"),
        secret("ACME_KEY", of(LOWER_ALNUM, 24, 50), "generic-secret"),
        // credentials inside a value, whatever the name (even a pointer-sounding one)
        secret("DATABASE_URL", "postgres://app:S3cr3tP4ss@db.internal:5432/app", "url-credentials"),
        secret("REDIS_ENDPOINT", "redis://:p4ssw0rdR3dis@cache.internal:6379", "url-credentials"),
        secret(
            "DB_URL",
            "postgres://app:Sup3rS3cret@${DbCluster.Endpoint.Address}:5432/app",
            "url-credentials"),
        secret(
            "DB_CONNECTION",
            "Server=tcp:db.internal,1433;Database=app;User ID=app;Password=Pa55w0rd!x;",
            "embedded-credential"),
        secret(
            "JDBC",
            "jdbc:mysql://db.internal:3306/app?user=app&password=Xy7q9Lm2Pz",
            "embedded-credential"),
        secret(
            "CONFIG_JSON",
            "{\"username\": \"svc\", \"password\": \"Gz8!kP2qLm\"}",
            "embedded-credential"),
        secret(
            "JAVA_TOOL_OPTIONS",
            "-XX:+TieredCompilation -Djavax.net.ssl.keyStorePassword=Kx8pQ2mZ7w",
            "embedded-credential"),
        secret(
            "DEFAULT_HEADERS",
            "Authorization: Bearer " + of(ALNUM, 32, 51),
            "authorization-header"),
        secret(
            "UPSTREAM_AUTH_HEADER",
            "Basic " + Fake.base64("svc:Pq9xL2mZ"),
            "authorization-header"));
  }

  private static Arguments secret(String name, String value, String rule) {
    return arguments(name + " -> " + rule, name, value, rule);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secrets")
  void reportsSecret(String label, String name, String value, String rule) {
    Optional<SecretMatch> match = detector.inspect(name, value);

    assertThat(match).as(label).isPresent();
    assertThat(match.orElseThrow().ruleId()).as(label).isEqualTo(rule);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("secrets")
  void neverRevealsTheValue(String label, String name, String value, String rule) {
    SecretMatch match = detector.inspect(name, value).orElseThrow();
    String secret = Text.unquote(value);

    for (String shown :
        new String[] {
          match.toString(),
          match.ruleId(),
          match.description(),
          String.valueOf(match.kind()),
          String.valueOf(match.confidence()),
          detector.redact(value)
        }) {
      assertThat(shown).as(label).doesNotContain(secret);
      for (int i = 0; i + 10 <= secret.length(); i++) {
        String window = secret.substring(i, i + 10);
        if (!window.matches("[A-Za-z :]+")) { // plain words such as "Authorization: " may repeat
          assertThat(shown).as(label).doesNotContain(window);
        }
      }
    }
  }

  // ------------------------------------------------------------------ the evaluation corpus

  /**
   * The corpus rows with category ENV_HARDCODED_SECRET (cfngoat, terragoat,
   * vulnerable-cloudformation): AWS's documentation example keys and a Stripe-style literal. They
   * are public documentation examples, written here as our own literals.
   */
  static Stream<Arguments> corpusLabels() {
    return Stream.of(
        secret("access_key", "AKIAIOSFODNN7EXAMPLE", "aws-access-token"),
        secret("secret_key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws-secret-access-key"),
        secret("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE", "aws-access-token"),
        secret(
            "AWS_SECRET_ACCESS_KEY",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "aws-secret-access-key"),
        secret(
            "AWS_SECRET_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws-secret-access-key"),
        secret("SECRET_API_KEY", "sk_live_1234567890", "stripe-access-token"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpusLabels")
  void reportsCorpusLabelledSecrets(String label, String name, String value, String rule) {
    assertThat(detector.inspect(name, value))
        .as(label)
        .get()
        .extracting(SecretMatch::ruleId)
        .isEqualTo(rule);
  }

  @Test
  void reportsAwsDocumentationKeysWithHighConfidence() {
    // gitleaks allowlists ".+EXAMPLE$" for this rule; lambdasec deliberately does not.
    assertThat(detector.inspect("access_key", "AKIAIOSFODNN7EXAMPLE"))
        .get()
        .satisfies(m -> {
          assertThat(m.kind()).isEqualTo(Kind.AWS_CREDENTIAL);
          assertThat(m.confidence()).isEqualTo(Confidence.HIGH);
        });
  }

  @Test
  void reportsLowEntropyAccessKeyIdInPlaceOfAKeyWithMediumConfidence() {
    // Below gitleaks' entropy threshold, but the whole value is a key id: still a literal key.
    assertThat(detector.inspect("key1", "AKIAAAAAAAAAAAAAAAAA"))
        .get()
        .extracting(SecretMatch::ruleId, SecretMatch::confidence)
        .containsExactly("aws-access-token", Confidence.MEDIUM);
  }

  @Test
  void gradesWeakLiteralPasswordsLow() {
    assertThat(detector.inspect("DB_PASSWORD", "changeme"))
        .get()
        .extracting(SecretMatch::ruleId, SecretMatch::kind, SecretMatch::confidence)
        .containsExactly("generic-secret", Kind.PASSWORD, Confidence.LOW);
    assertThat(detector.inspect("DB_PASSWORD", "password")).isPresent();
  }

  // ------------------------------------------------------------------ references: never secrets

  static Stream<Arguments> references() {
    return Stream.of(
        clean("DB_PASSWORD", "{{resolve:secretsmanager:prod/db:SecretString:password}}"),
        clean(
            "DB_PASSWORD",
            "{{resolve:secretsmanager:arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:SecretString:password::}}"),
        clean("API_URL", "{{resolve:ssm:/prod/api/url}}"),
        clean("API_KEY", "{{resolve:ssm-secure:/prod/api/key:3}}"),
        clean("DB_SECRET", "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf"),
        clean("SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-key-Xy12Zq"),
        clean("API_KEY", "arn:aws:ssm:eu-west-1:123456789012:parameter/prod/api-key"),
        clean(
            "ENCRYPTION_KEY",
            "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
        clean(
            "DB_SECRET",
            "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:db"),
        clean("DB_PASSWORD", "/prod/db/password"),
        clean("DB_PASSWORD_PARAM", "/prod/db/password"),
        clean("API_KEY_PARAMETER_NAME", "prod-api-key"),
        clean("API_KEY_SECRET_NAME", "prod/api-key"),
        clean("APP_PRIVATE_KEY_SECRET_NAME", "my-secret"),
        clean("DB_SECRET_ID", "prod-db-credentials"),
        clean("RDS_secrets_name", "config/database_credentials"),
        clean("DB_SECRET", "prod-db-credentials"),
        clean("DB_CREDENTIALS", "MyAppDatabaseSecret"),
        clean("SIGNING_KEY", "alias/prod-signing-key"),
        clean("API_KEY", "${ssm:/prod/api-key}"),
        clean("DB_PASSWORD", "${ssm:/aws/reference/secretsmanager/prod/db~true}"),
        clean("ACCOUNT", "${aws:accountId}"),
        clean("API_TOKEN", "${env:API_TOKEN}"),
        clean("EMAIL_SERVICE_API_KEY", "${self:custom.secrets.EMAIL_SERVICE_API_KEY}"),
        clean("STAGE", "${opt:stage, 'dev'}"),
        clean("CLIENT_SECRET", "${file(./config/${self:provider.stage}.yml):CLIENT_SECRET}"),
        clean("DB_PASSWORD", "${DbSecret}"),
        clean("DB_SECRET", "${DbSecret.Arn}"),
        clean("TABLE", "${self:service}-${sls:stage}-orders"),
        clean("DATABASE_URL", "postgres://app:${DbPassword}@${DbHost}:5432/app"),
        clean("DB_PASSWORD", "${var.db_password}"),
        clean("DB_PASSWORD", "${aws_secretsmanager_secret_version.db.secret_string}"),
        clean("DB_PASSWORD", "$DB_PASSWORD"),
        clean("API_TOKEN", "${{ secrets.API_TOKEN }}"),
        clean("token.$", "$$.Task.Token"),
        clean("AUTH_TOKEN", "$context.authorizer.token"));
  }

  // ------------------------------------------------------------------ benign configuration

  static Stream<Arguments> benign() {
    return Stream.of(
        clean("TABLE_NAME", "orders-table"),
        clean("STAGE", "prod"),
        clean("POWERTOOLS_SERVICE_NAME", "payment"),
        clean("POWERTOOLS_LOG_LEVEL", "INFO"),
        clean("POWERTOOLS_METRICS_NAMESPACE", "ServerlessAirline"),
        clean("LOG_LEVEL", "INFO"),
        clean("AWS_NODEJS_CONNECTION_REUSE_ENABLED", "1"),
        clean("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"),
        clean("JAVA_TOOL_OPTIONS", "-Djavax.net.ssl.trustStorePassword=changeit"),
        clean("NODE_OPTIONS", "--enable-source-maps"),
        clean("AWS_CA_BUNDLE", "/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem"),
        clean("AWS_CA_BUNDLE", "/path/to/bundle.pem"),
        clean("DB_HOST", "orders.cluster-c9akciq32.us-east-1.rds.amazonaws.com"),
        clean("JWT_ISSUER", "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123xyz"),
        clean("QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/123456789012/orders"),
        clean("TOKEN_URL", "https://auth.example.org/oauth2/token"),
        clean("BUCKET_NAME", "my-app-uploads-123456789012"),
        clean("USER_POOL_ID", "us-east-1_AbC123xyz"),
        clean("CLIENT_ID", of(LOWER_ALNUM, 26, 60)),
        clean("AWS_REGION", "us-east-1"),
        clean("VERSION", "1.2.3"),
        clean("CORRELATION_ID", "3f2b8c1e-7d4a-4e9b-a1c2-9e8f7d6c5b4a"),
        clean("TOKEN_EXPIRY_SECONDS", "3600"),
        clean("PASSWORD_MIN_LENGTH", "12"),
        clean("PASSWORD_ITERATIONS", "4096"),
        clean("MYSQL_ALLOW_EMPTY_PASSWORD", "yes"),
        clean("MAX_TOKENS", "100000"),
        clean("AUTH_MODE", "cognito"),
        clean("AUTH0_DOMAIN", "example.eu.auth0.com"),
        clean("AUTH0_AUDIENCE", "https://api.example.org"),
        clean("DB_USER", "admin"),
        clean("KMS_KEY_ID", "1234abcd-12ab-34cd-56ef-1234567890ab"),
        clean("PARTITION_KEY", "pk"),
        clean("PUBLIC_KEY", of(BASE64, 64, 61)),
        clean("STRIPE_PUBLISHABLE_KEY", "pk_live_" + of(ALNUM, 24, 62)),
        clean("TAGS", "git.commit.sha:55e7e7703f17c41f276caf8f1a1b744d674259f8"),
        clean("LAMBDA", "handler.handlerverylongcustomhandlernameforservi"),
        clean("key1", "notasecret"),
        clean("USER_ID", "AIDAJQABLZS4A3QDU576Q"),
        clean("ACCESS_KEY", "AROADBQP57FF2AEXAMPLE"),
        clean("POLICY", "ANPAJ2UCCR6DPCEXAMPLE"),
        // encrypted, or a reference the source could not parse
        clean("DB_PASSWORD", "AQICAHh" + of(BASE64, 150, 64)),
        clean("ENCRYPTED_API_KEY", of(BASE64, 120, 65)),
        clean("DB_PASSWORD", "!Ref DbPassword"),
        clean("API_KEY", "Fn::ImportValue"),
        // placeholders under secret names
        clean("DB_PASSWORD", ""),
        clean("DB_PASSWORD", "<your-password>"),
        clean("API_KEY", "YOUR_API_KEY_HERE"),
        clean("TWILIO_AUTH_TOKEN", "YOUR-TWILIO-AUTH-TOKEN-HERE"),
        clean("GITHUB_WEBHOOK_SECRET", "REPLACE-WITH-YOUR-SECRET-HERE"),
        clean("FAUNADB_SECRET", "YOUR-SECRET-HERE"),
        clean("API_KEY", "xxxxxxxxxxxxxxxx"),
        clean("DB_PASSWORD", "********"),
        clean("SECRET", "TODO"),
        clean("API_KEY", "dummy-api-key"),
        clean("DB_PASSWORD", "example"),
        clean("PASSWORD", "none"),
        clean("PASSWORD", "null"),
        clean("AUTH", "false"),
        clean("DB_PASSWORD", "%(db_password)s"),
        clean("DB_PASSWORD", "{password}"),
        clean("DB_PASSWORD", "aaaaaaaa"),
        clean("DB_PASSWORD", "12345"),
        clean("EMAIL_SERVICE_API_KEY", "KEYEXAMPLE1234"),
        clean("DARK_SKY_API_KEY", "abc123"),
        clean("GOOGLE_API_KEY", "AIzaXXXX"),
        clean("DATABASE_URL", "postgres://app:<password>@db.internal:5432/app"),
        clean("SENTRY_DSN", "https://" + of(HEX, 32, 63) + "@o12345.ingest.sentry.io/67890"));
  }

  private static Arguments clean(String name, String value) {
    return arguments(name + "=" + value, name, value);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"references", "benign"})
  void reportsNothing(String label, String name, String value) {
    assertThat(detector.inspect(name, value)).as(label).isEmpty();
  }

  // ------------------------------------------------------------------ isReference

  @ParameterizedTest(name = "{0}")
  @MethodSource("references")
  void recognisesReferences(String label, String name, String value) {
    if (name.endsWith("_NAME")
        || name.endsWith("_ID")
        || name.equals("DB_SECRET")
        || name.equals("DB_CREDENTIALS")) {
      return; // these are references only because of their variable name
    }
    assertThat(detector.isReference(value)).as(label).isTrue();
  }

  static Stream<String> notReferences() {
    return Stream.of(
        "AKIAIOSFODNN7EXAMPLE",
        "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "/" + Fake.awsSecretKey(70).substring(1),
        "hunter22",
        "my-secret",
        "postgres://app:Sup3rS3cret@${DbHost}:5432/app",
        "${Prefix}" + of(ALNUM, 32, 71),
        "https://example.org/callback",
        "arn:aws",
        "");
  }

  @ParameterizedTest
  @MethodSource("notReferences")
  void doesNotTakeLiteralsForReferences(String value) {
    assertThat(detector.isReference(value)).isFalse();
  }

  // ------------------------------------------------------------------ inspectAll

  @Test
  void pairsSecretKeyWithAccessKeyIdInTheSameEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("ID", Fake.awsKeyId("AKIA", 80));
    env.put("VALUE_2", Fake.awsSecretKey(81).replace('/', 'q'));
    env.put("TABLE_NAME", "orders");
    env.put("OTHER_SECRET_ARN", "arn:aws:secretsmanager:us-east-1:123456789012:secret:x");

    Map<String, SecretMatch> found = detector.inspectAll(env);

    assertThat(found).containsOnlyKeys("ID", "VALUE_2");
    assertThat(found)
        .extractingByKey("VALUE_2")
        .extracting(SecretMatch::ruleId, SecretMatch::confidence)
        .containsExactly("aws-secret-access-key", Confidence.MEDIUM);
  }

  @Test
  void doesNotPairWithoutAnAccessKeyId() {
    assertThat(detector.inspectAll(Map.of("CHECKSUM", Fake.awsSecretKey(82)))).isEmpty();
  }

  // ------------------------------------------------------------------ redaction and no leaks

  @Test
  void redactsEveryValueToTheSameMask() {
    assertThat(detector.redact("AKIAIOSFODNN7EXAMPLE")).isEqualTo(SecretDetector.REDACTED);
    assertThat(detector.redact("x")).isEqualTo(SecretDetector.REDACTED);
    assertThat(detector.redact(of(ALNUM, 4000, 90))).isEqualTo(SecretDetector.REDACTED);
    assertThat(detector.redact("")).isEqualTo(SecretDetector.REDACTED);
  }

  @Test
  @SuppressWarnings("NullAway") // calling with null on purpose
  void nullArgumentsFailWithoutEchoingTheValue() {
    String secret = Fake.awsKeyId("AKIA", 91);

    assertThatThrownBy(() -> detector.inspect(null, secret))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("name")
        .hasMessageNotContaining(secret);
    assertThatThrownBy(() -> detector.inspect("AWS_ACCESS_KEY_ID", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value");
  }

  static Stream<Arguments> hostileValues() {
    return Stream.of(
        arguments("1 MiB of one letter", "a".repeat(1 << 20)),
        arguments("1 MiB of random base64", of(BASE64, 1 << 20, 92)),
        arguments("unbalanced expressions", "${{{{${${(${".repeat(1000)),
        arguments("many assignments", "password=x;".repeat(5000)),
        arguments("many URLs", "https://a:b@".repeat(5000)),
        arguments("unicode", "p\u00e4ssw\u00f6rd-\u0130\u0131-\ud83d\udd11-\u0000\u202e"),
        arguments("keywords everywhere", "akia ghp_ xoxb- sk_live_ eyJ -----BEGIN ".repeat(2000)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileValues")
  void survivesHostileValues(String label, String value) {
    assertThatCode(
            () -> {
              detector.inspect("DB_PASSWORD", value);
              detector.inspect("", value);
              detector.isReference(value);
              detector.inspectAll(Map.of("API_KEY", value));
            })
        .as(label)
        .doesNotThrowAnyException();
  }

  @Test
  void treatsAnEmptyNameAsUnknown() {
    assertThat(detector.inspect("", "ghp_" + of(ALNUM, 36, 93))).isPresent();
    assertThat(detector.inspect("", "Tr0ub4dor&3x")).isEmpty();
  }
}
