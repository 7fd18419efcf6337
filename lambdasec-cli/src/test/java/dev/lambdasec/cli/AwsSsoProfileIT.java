package dev.lambdasec.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.lambdasec.source.aws.emulator.AccountSeeder;
import dev.lambdasec.source.aws.emulator.MotoServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * {@code --profile} with an IAM Identity Center (SSO) profile, end to end: the packaged command
 * line runs in its own JVM with a temporary home holding the AWS config and the cached SSO token;
 * the SDK trades the token for role credentials at the SSO portal (WireMock, redirected with {@code
 * AWS_ENDPOINT_URL_SSO}), and those are the only credentials moto, enforcing IAM, accepts. A
 * missing, expired or revoked login ends with the {@code aws sso login} to run.
 */
class AwsSsoProfileIT {

  private static final String PROFILE = "audit";
  private static final String SESSION = "corp";
  private static final String START_URL = "https://corp-example.awsapps.com/start";
  private static final String SSO_ACCOUNT = "111122223333";
  private static final String SSO_ROLE = "SecurityAudit";
  private static final String TOKEN = "sso-bearer-token-do-not-print-7f3a";
  private static final String TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
          + "{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}";
  private static final String READ_ALL =
      "{\"Version\":\"2012-10-17\",\"Statement\":["
          + "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

  private static MotoServer moto;
  private static Path jar;
  private static Credentials roleSession;

  private WireMockServer portal;
  private String portalUrl = "";
  private Path home;

  @BeforeAll
  static void startMotoAcceptingOnlyTheSsoRoleSession() throws Exception {
    assumeTrue(
        MotoServer.executable().isPresent(),
        "moto_server is not on the PATH: install moto[server] 5.2 to run the live-account tests");
    Optional<Path> packaged = PackagedCli.jar();
    assumeTrue(packaged.isPresent(), "the command-line jar is not packaged");
    jar = packaged.orElseThrow().toAbsolutePath();
    moto = MotoServer.start();
    try (AccountSeeder seeder = new AccountSeeder(moto.endpoint())) {
      seeder.seedOrdersApp();
    }
    roleSession = ssoRoleSession();
    moto.enforceIam();
  }

  /**
   * Temporary credentials of the role IAM Identity Center provisions for the permission set, as
   * moto issues them: after {@link MotoServer#enforceIam()} the only credentials it accepts.
   */
  private static Credentials ssoRoleSession() {
    StaticCredentialsProvider seed =
        StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));
    String role = "AWSReservedSSO_" + SSO_ROLE + "_0123456789abcdef";
    try (IamClient iam =
            IamClient.builder()
                .endpointOverride(moto.endpoint())
                .region(Region.AWS_GLOBAL)
                .credentialsProvider(seed)
                .build();
        StsClient sts =
            StsClient.builder()
                .endpointOverride(moto.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(seed)
                .build()) {
      String arn =
          iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(TRUST)).role().arn();
      iam.putRolePolicy(r -> r.roleName(role).policyName("read-all").policyDocument(READ_ALL));
      return sts.assumeRole(r -> r.roleArn(arn).roleSessionName("auditor@example.com"))
          .credentials();
    }
  }

  @AfterAll
  static void stopMoto() {
    if (moto != null) {
      moto.close();
    }
  }

  @BeforeEach
  void startPortal(@TempDir Path dir) {
    home = dir.resolve("home");
    portal = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    portal.start();
    portalUrl = "http://127.0.0.1:" + portal.port();
  }

  @AfterEach
  void stopPortal() {
    portal.stop();
  }

  /** GetRoleCredentials as the portal answers it: the role session, valid for an hour. */
  private void portalGrantsTheRole() {
    long expiration = Instant.now().plus(Duration.ofHours(1)).toEpochMilli();
    portal.stubFor(
        get(urlPathEqualTo("/federation/credentials"))
            .withQueryParam("account_id", equalTo(SSO_ACCOUNT))
            .withQueryParam("role_name", equalTo(SSO_ROLE))
            .withHeader("x-amz-sso_bearer_token", equalTo(TOKEN))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"roleCredentials":{"accessKeyId":"%s","secretAccessKey":"%s",\
                        "sessionToken":"%s","expiration":%d}}\
                        """
                            .formatted(
                                roleSession.accessKeyId(),
                                roleSession.secretAccessKey(),
                                roleSession.sessionToken(),
                                expiration))));
  }

  private void writeConfig(String text) throws IOException {
    Files.createDirectories(home.resolve(".aws"));
    Files.writeString(home.resolve(".aws/config"), text);
  }

  private void writeLegacyProfile() throws IOException {
    writeConfig(
        """
        [profile %s]
        sso_start_url = %s
        sso_region = us-east-1
        sso_account_id = %s
        sso_role_name = %s
        region = us-east-1
        """
            .formatted(PROFILE, START_URL, SSO_ACCOUNT, SSO_ROLE));
  }

  private void writeSessionProfile() throws IOException {
    writeConfig(
        """
        [profile %s]
        sso_session = %s
        sso_account_id = %s
        sso_role_name = %s
        region = us-east-1

        [sso-session %s]
        sso_start_url = %s
        sso_region = us-east-1
        sso_registration_scopes = sso:account:access
        """
            .formatted(PROFILE, SESSION, SSO_ACCOUNT, SSO_ROLE, SESSION, START_URL));
  }

  /**
   * The token {@code aws sso login} caches, under the SHA-1 of {@code key}, as the SDK finds it.
   */
  private void cacheToken(String key, Instant expiresAt) throws Exception {
    Path cache = home.resolve(".aws/sso/cache");
    Files.createDirectories(cache);
    String file =
        HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-1").digest(key.getBytes(StandardCharsets.UTF_8)))
            + ".json";
    Files.writeString(
        cache.resolve(file),
        """
        {"startUrl":"%s","region":"us-east-1","accessToken":"%s","expiresAt":"%s"}\
        """
            .formatted(START_URL, TOKEN, expiresAt));
  }

  /** Exit code, standard output and standard error of one run. */
  private record Run(int exitCode, String out, String err) {
    String output() {
      return out + err;
    }
  }

  /** The packaged command line in its own JVM, seeing only the temporary home. */
  private Run lambdasec(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-Duser.home=" + home);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    Path out = home.resolveSibling("out.txt");
    Path err = home.resolveSibling("err.txt");
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    String path = pb.environment().getOrDefault("PATH", "/usr/bin:/bin");
    pb.environment().clear();
    pb.environment().put("PATH", path);
    pb.environment().put("HOME", home.toString());
    pb.environment().put("AWS_CONFIG_FILE", home.resolve(".aws/config").toString());
    pb.environment()
        .put("AWS_SHARED_CREDENTIALS_FILE", home.resolve(".aws/credentials").toString());
    pb.environment().put("AWS_ENDPOINT_URL_SSO", portalUrl);
    Process p = pb.start();
    p.getOutputStream().close();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private void assertNoSecretIn(String text) {
    assertThat(text)
        .doesNotContain(TOKEN)
        .doesNotContain(roleSession.sessionToken())
        .doesNotContain(roleSession.secretAccessKey());
  }

  private void assertThePortalWasAskedOnce() {
    portal.verify(
        1,
        getRequestedFor(urlPathEqualTo("/federation/credentials"))
            .withQueryParam("account_id", equalTo(SSO_ACCOUNT))
            .withQueryParam("role_name", equalTo(SSO_ROLE))
            .withHeader("x-amz-sso_bearer_token", equalTo(TOKEN)));
    portal.verify(1, anyRequestedFor(anyUrl()));
  }

  private static String fn(String name) {
    return "arn:aws:lambda:us-east-1:123456789012:function:" + name;
  }

  @Test
  void anSsoSessionProfileScansTheAccountWithTheRoleCredentialsOfThePortal() throws Exception {
    writeSessionProfile();
    cacheToken(SESSION, Instant.now().plus(Duration.ofHours(1)));
    portalGrantsTheRole();

    Run run =
        lambdasec(
            "scan",
            "--aws",
            "--profile",
            PROFILE,
            "--endpoint-url",
            moto.endpoint().toString(),
            "--regions",
            "us-east-1",
            "-f",
            "json",
            "--rules",
            "LAMBDA-001");

    assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.FINDINGS);
    List<String> checked = new ArrayList<>();
    for (JsonNode f : new ObjectMapper().readTree(run.out()).path("findings")) {
      checked.add(f.path("status").asText() + " " + f.path("resource").path("id").asText());
    }
    assertThat(checked)
        .contains("PASS " + fn("orders-api") + "#url", "FAIL " + fn("public-webhook") + "#url");
    assertThePortalWasAskedOnce();
    assertNoSecretIn(run.output());
  }

  @Test
  void aLegacyProfileWithTheStartUrlCollectsTheAccount() throws Exception {
    writeLegacyProfile();
    cacheToken(START_URL, Instant.now().plus(Duration.ofHours(1)));
    portalGrantsTheRole();
    Path snapshot = home.resolveSibling("snapshot.json");

    Run run =
        lambdasec(
            "aws",
            "collect",
            "--profile",
            PROFILE,
            "--endpoint-url",
            moto.endpoint().toString(),
            "--regions",
            "us-east-1",
            "-o",
            snapshot.toString());

    assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.OK);
    JsonNode account = new ObjectMapper().readTree(snapshot.toFile()).path("accounts").get(0);
    assertThat(account.path("regions").get(0).path("functions").findValuesAsText("name"))
        .contains("orders-api", "public-webhook");
    assertThePortalWasAskedOnce();
    assertNoSecretIn(run.output());
    assertNoSecretIn(Files.readString(snapshot));
  }

  /** The command's message when the login cannot be used: no stack trace, no token. */
  private void assertItAsksForAnSsoLogin(Run run) {
    assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.output())
        .contains("run aws sso login --profile " + PROFILE)
        .doesNotContain("Exception")
        .doesNotContainPattern("(?m)^\\s+at ");
    assertNoSecretIn(run.output());
  }

  private Run scanWithTheProfile() throws IOException, InterruptedException {
    return lambdasec(
        "scan",
        "--aws",
        "--profile",
        PROFILE,
        "--endpoint-url",
        moto.endpoint().toString(),
        "--regions",
        "us-east-1");
  }

  @Test
  void anExpiredLoginAsksForAnSsoLoginWithoutCallingThePortal() throws Exception {
    writeSessionProfile();
    cacheToken(SESSION, Instant.now().minus(Duration.ofHours(1)));
    portalGrantsTheRole();

    assertItAsksForAnSsoLogin(scanWithTheProfile());
    portal.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aMissingLoginAsksForAnSsoLoginWithoutCallingThePortal() throws Exception {
    writeSessionProfile();
    portalGrantsTheRole();

    assertItAsksForAnSsoLogin(scanWithTheProfile());
    portal.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void aLegacyProfileWithoutLoginAsksForAnSsoLogin() throws Exception {
    writeLegacyProfile();
    portalGrantsTheRole();

    assertItAsksForAnSsoLogin(scanWithTheProfile());
    portal.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void anUnreachablePortalIsNotMistakenForAnExpiredLogin() throws Exception {
    writeSessionProfile();
    cacheToken(SESSION, Instant.now().plus(Duration.ofHours(1)));
    portal.stop();

    Run run = scanWithTheProfile();

    assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCodes.INPUT);
    assertThat(run.output())
        .contains("cannot reach the SSO portal of profile " + PROFILE)
        .doesNotContain("sso login")
        .doesNotContain("Exception");
    assertNoSecretIn(run.output());
  }

  @Test
  void aLoginThePortalNoLongerAcceptsAsksForAnSsoLogin() throws Exception {
    writeSessionProfile();
    cacheToken(SESSION, Instant.now().plus(Duration.ofHours(1)));
    portal.stubFor(
        get(urlPathEqualTo("/federation/credentials"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-amzn-ErrorType", "UnauthorizedException")
                    .withBody("{\"message\":\"Session token not found or invalid\"}")));

    assertItAsksForAnSsoLogin(scanWithTheProfile());
    assertThePortalWasAskedOnce();
  }
}
