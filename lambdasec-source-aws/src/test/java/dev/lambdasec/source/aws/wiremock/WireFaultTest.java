package dev.lambdasec.source.aws.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.lambdasec.source.aws.wiremock.AwsWire.ACCOUNT;
import static dev.lambdasec.source.aws.wiremock.AwsWire.RECENT;
import static dev.lambdasec.source.aws.wiremock.AwsWire.REGION;
import static dev.lambdasec.source.aws.wiremock.AwsWire.amzJson;
import static dev.lambdasec.source.aws.wiremock.AwsWire.fnArn;
import static dev.lambdasec.source.aws.wiremock.AwsWire.function;
import static dev.lambdasec.source.aws.wiremock.AwsWire.functionsPage;
import static dev.lambdasec.source.aws.wiremock.AwsWire.iamPage;
import static dev.lambdasec.source.aws.wiremock.AwsWire.json;
import static dev.lambdasec.source.aws.wiremock.AwsWire.json11;
import static dev.lambdasec.source.aws.wiremock.AwsWire.jsonError;
import static dev.lambdasec.source.aws.wiremock.AwsWire.lambdaOn;
import static dev.lambdasec.source.aws.wiremock.AwsWire.query;
import static dev.lambdasec.source.aws.wiremock.AwsWire.queryError;
import static dev.lambdasec.source.aws.wiremock.AwsWire.restError;
import static dev.lambdasec.source.aws.wiremock.WireListingTest.policy;
import static dev.lambdasec.source.aws.wiremock.WireListingTest.quoted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.model.FunctionUrl;
import dev.lambdasec.secrets.SecretDetector;
import dev.lambdasec.source.aws.collect.ApiStats;
import dev.lambdasec.source.aws.map.LiveSource;
import dev.lambdasec.source.aws.map.SnapshotMapper;
import dev.lambdasec.source.aws.snapshot.LambdaFacts;
import dev.lambdasec.source.aws.snapshot.Snapshot;
import dev.lambdasec.source.aws.snapshot.Snapshot.Gap;
import dev.lambdasec.source.aws.snapshot.Snapshot.GapKind;
import dev.lambdasec.source.aws.snapshot.SupportFacts;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Faults in each wire protocol never crash a collection: throttling and server errors are retried
 * until the call succeeds, denied calls become gaps naming the permission while everything else is
 * collected, and slow answers hit the time-outs. Every faulty collection is compared with the same
 * account collected without faults.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class WireFaultTest {

  private static final String KEY =
      "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

  private AwsWire wire;

  @BeforeEach
  void start() {
    wire = new AwsWire();
    wire.quietAccount();
    seed();
  }

  @AfterEach
  void stop() {
    wire.close();
  }

  /**
   * Three functions (one with a customer managed key, two with resource policies, one with a URL),
   * their roles, tags, an alarm, and a REST API.
   */
  private void seed() {
    wire.functions(
        List.of(
            functionsPage(
                List.of(
                    function("f1", "$LATEST", RECENT, ",\"KMSKeyArn\":\"" + KEY + "\""),
                    function("f2", "$LATEST", RECENT, ""),
                    function("f3", "$LATEST", RECENT, "")),
                null)));
    wire.iam(List.of(iamPage(List.of("role-f1", "role-f2", "role-f3"), "", null)));
    wire.server.stubFor(
        json11("ResourceGroupsTaggingAPI_20170126.GetResources")
            .willReturn(
                amzJson(
                    "{\"PaginationToken\":\"\",\"ResourceTagMappingList\":[{\"ResourceARN\":\""
                        + fnArn("f3")
                        + "\",\"Tags\":[{\"Key\":\"owner\",\"Value\":\"payments\"}]}]}")));
    for (String f : List.of("f1", "f2")) {
      wire.server.stubFor(
          lambdaOn("/2015-03-31", f, "/policy")
              .withQueryParam("Qualifier", absent())
              .willReturn(json("{\"Policy\":" + quoted(policy("apigateway.amazonaws.com")) + "}")));
    }
    wire.server.stubFor(
        lambdaOn("/2021-10-31", "f2", "/urls")
            .willReturn(
                json(
                    "{\"FunctionUrlConfigs\":[{\"FunctionUrl\":\"https://f2xyzexample.lambda-url."
                        + "us-east-1.on.aws/\",\"FunctionArn\":\""
                        + fnArn("f2")
                        + "\",\"CreationTime\":\"2025-01-01T00:00:00.000Z\",\"LastModifiedTime\":"
                        + "\"2025-01-01T00:00:00.000Z\",\"AuthType\":\"AWS_IAM\","
                        + "\"InvokeMode\":\"BUFFERED\"}]}")));
    wire.server.stubFor(
        json11("TrentService.DescribeKey")
            .willReturn(
                amzJson(
                    "{\"KeyMetadata\":{\"AWSAccountId\":\""
                        + ACCOUNT
                        + "\",\"KeyId\":\"1234abcd-12ab-34cd-56ef-1234567890ab\",\"Arn\":\""
                        + KEY
                        + "\",\"CreationDate\":1.7171712E9,\"Enabled\":true,\"Description\":\"\","
                        + "\"KeyUsage\":\"ENCRYPT_DECRYPT\",\"KeyState\":\"Enabled\","
                        + "\"Origin\":\"AWS_KMS\",\"KeyManager\":\"CUSTOMER\","
                        + "\"CustomerMasterKeySpec\":\"SYMMETRIC_DEFAULT\",\"KeySpec\":"
                        + "\"SYMMETRIC_DEFAULT\",\"EncryptionAlgorithms\":[\"SYMMETRIC_DEFAULT\"],"
                        + "\"MultiRegion\":false}}")));
    wire.server.stubFor(
        json11("TrentService.GetKeyRotationStatus")
            .willReturn(amzJson("{\"KeyRotationEnabled\":false,\"KeyId\":\"" + KEY + "\"}")));
    wire.server.stubFor(
        json11("TrentService.GetKeyPolicy")
            .willReturn(
                amzJson(
                    "{\"Policy\":"
                        + quoted(
                            "{\"Version\":\"2012-10-17\",\"Id\":\"key-default-1\",\"Statement\":"
                                + "[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
                                + ACCOUNT
                                + ":root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}")
                        + ",\"PolicyName\":\"default\"}")));
    wire.server.stubFor(
        get(urlPathEqualTo("/restapis"))
            .willReturn(
                json(
                    "{\"item\":[{\"id\":\"ra0001\",\"name\":\"shop\",\"createdDate\":1.7171712E9,"
                        + "\"endpointConfiguration\":{\"types\":[\"EDGE\"]}}]}")));
    for (String part : List.of("resources", "authorizers", "requestvalidators", "stages")) {
      wire.server.stubFor(
          get(urlPathMatching("/restapis/ra0001/" + part)).willReturn(json("{\"item\":[]}")));
    }
  }

  private Snapshot baseline() throws Exception {
    try (AwsWire clean = new AwsWire()) {
      AwsWire saved = wire;
      wire = clean;
      try {
        clean.quietAccount();
        seed();
        return clean.collect(new ApiStats());
      } finally {
        wire = saved;
      }
    }
  }

  private static LambdaFacts.Function fn(Snapshot s, String name) {
    return s.accounts().get(0).regions().get(0).functions().stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static Gap concurrencyNotCollected() {
    return new Gap(
        ACCOUNT,
        REGION,
        "reservedConcurrency",
        null,
        GapKind.NOT_COLLECTED,
        "lambda:GetFunctionConcurrency",
        "reserved concurrency needs one lambda:GetFunctionConcurrency call per function; collect"
            + " with --deep");
  }

  @Test
  void theFaultFreeAccountIsCollectedInFull() throws Exception {
    Snapshot s = baseline();
    assertThat(s.complete()).isTrue();
    assertThat(s.gaps()).containsExactly(concurrencyNotCollected());
    assertThat(fn(s, "f1").kmsKeyArn()).isEqualTo(KEY);
    assertThat(fn(s, "f1").policies()).hasSize(1);
    assertThat(fn(s, "f2").urls()).extracting(LambdaFacts.Url::authType).containsExactly("AWS_IAM");
    assertThat(fn(s, "f3").tags()).containsExactly(java.util.Map.entry("owner", "payments"));
    assertThat(s.accounts().get(0).iam().roles()).hasSize(3);
    assertThat(s.accounts().get(0).regions().get(0).kmsKeys())
        .singleElement()
        .satisfies(k -> {
          assertThat(k.keyManager()).isEqualTo("CUSTOMER");
          assertThat(k.rotationEnabled()).isFalse();
          assertThat(k.policy()).contains("kms:*");
        });
    assertThat(s.accounts().get(0).regions().get(0).apis()).hasSize(1);
  }

  @Test
  void throttlingInEveryProtocolIsRetriedUntilTheCallSucceeds() throws Exception {
    wire.failFirst(
        () -> get(urlPathEqualTo("/2015-03-31/functions")),
        1,
        restError(429, "TooManyRequestsException", "Rate exceeded"));
    wire.failFirst(
        () -> lambdaOn("/2015-03-31", "f1", "/policy"),
        2,
        restError(429, "TooManyRequestsException", "Rate exceeded"));
    wire.failFirst(
        () -> json11("TrentService.DescribeKey"),
        1,
        jsonError(400, "ThrottlingException", "Rate exceeded"));
    wire.failFirst(
        () -> query("GetAccountAuthorizationDetails"),
        1,
        queryError(400, "Throttling", "Rate exceeded"));
    wire.failFirst(
        () -> query("DescribeAlarms"), 1, queryError(400, "Throttling", "Rate exceeded"));
    ApiStats stats = new ApiStats();

    Snapshot s = wire.collect(stats);

    assertThat(s.accounts()).isEqualTo(baseline().accounts());
    assertThat(s.complete()).isTrue();
    assertThat(s.gaps()).containsExactly(concurrencyNotCollected());
    assertThat(stats.throttled()).isEqualTo(6);
    assertThat(stats.attempts() - stats.calls()).isEqualTo(6);
    assertThat(stats.failed()).isZero();
  }

  @Test
  void serverErrorsAreRetriedUntilTheCallSucceeds() throws Exception {
    wire.failFirst(
        () -> get(urlPathEqualTo("/2015-03-31/functions")),
        1,
        restError(503, "ServiceException", "Lambda is unavailable"));
    wire.failFirst(
        () -> get(urlPathEqualTo("/restapis")),
        2,
        aResponse()
            .withStatus(502)
            .withHeader("Content-Type", "text/html")
            .withBody("<html>Bad Gateway</html>"));
    wire.failFirst(
        () -> json11("ResourceGroupsTaggingAPI_20170126.GetResources"),
        1,
        jsonError(500, "InternalServiceException", "Internal error"));
    wire.failFirst(
        () -> query("GetAccountAuthorizationDetails"),
        1,
        queryError(500, "ServiceFailure", "Request processing has failed"));
    ApiStats stats = new ApiStats();

    Snapshot s = wire.collect(stats);

    assertThat(s.accounts()).isEqualTo(baseline().accounts());
    assertThat(s.complete()).isTrue();
    assertThat(s.gaps()).containsExactly(concurrencyNotCollected());
    assertThat(stats.attempts() - stats.calls()).isEqualTo(5);
    assertThat(stats.throttled()).isZero();
    assertThat(stats.failed()).isZero();
  }

  @Test
  void deniedCallsBecomeGapsNamingThePermissionAndTheRestIsCollected() throws Exception {
    String denied = "User: arn:aws:iam::" + ACCOUNT + ":user/auditor is not authorized";
    wire.server.stubFor(
        lambdaOn("/2015-03-31", "f2", "/policy")
            .willReturn(restError(403, "AccessDeniedException", denied)));
    wire.server.stubFor(
        lambdaOn("/2021-10-31", "f2", "/urls")
            .willReturn(restError(403, "AccessDeniedException", denied)));
    wire.server.stubFor(
        query("GetAccountAuthorizationDetails")
            .willReturn(queryError(403, "AccessDenied", denied)));
    wire.server.stubFor(
        json11("TrentService.GetKeyPolicy")
            .willReturn(jsonError(400, "AccessDeniedException", denied)));
    wire.server.stubFor(
        json11("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails")
            .willReturn(jsonError(400, "AccessDeniedException", denied)));
    ApiStats stats = new ApiStats();

    Snapshot s = wire.collect(stats);

    assertThat(s.complete()).isFalse();
    assertThat(s.gaps())
        .containsExactlyInAnyOrder(
            concurrencyNotCollected(),
            deniedGap("policy", fnArn("f2"), "lambda:GetPolicy", " on " + fnArn("f2")),
            deniedGap("url", fnArn("f2"), "lambda:ListFunctionUrlConfigs", " on " + fnArn("f2")),
            deniedGap("kmsPolicy", KEY, "kms:GetKeyPolicy", " on " + KEY),
            deniedGap("trails", null, "cloudtrail:DescribeTrails", " in " + REGION),
            new Gap(
                ACCOUNT,
                null,
                "iam",
                null,
                GapKind.ACCESS_DENIED,
                "iam:GetAccountAuthorizationDetails",
                "lambdasec was denied iam:GetAccountAuthorizationDetails; grant it"
                    + " (docs/iam/lambdasec-readonly-policy.json)"));
    // denied calls are not retried
    assertThat(stats.attempts()).isEqualTo(stats.calls());
    assertThat(stats.failed()).isEqualTo(5);

    Snapshot clean = baseline();
    assertThat(fn(s, "f1")).isEqualTo(fn(clean, "f1"));
    assertThat(fn(s, "f3")).isEqualTo(fn(clean, "f3"));
    assertThat(fn(s, "f2").policies()).isEmpty();
    assertThat(fn(s, "f2").urls()).isEmpty();
    assertThat(fn(s, "f2").tags()).isEqualTo(fn(clean, "f2").tags());
    assertThat(s.accounts().get(0).iam().roles()).isEmpty();
    Snapshot.Region region = s.accounts().get(0).regions().get(0);
    assertThat(region.trails()).isEmpty();
    assertThat(region.kmsKeys())
        .containsExactly(new SupportFacts.KmsKey(KEY, "CUSTOMER", false, null));
    assertThat(region.apis()).isEqualTo(clean.accounts().get(0).regions().get(0).apis());

    LiveSource live = new SnapshotMapper(SecretDetector.bundled()).map(s);
    FunctionUrl url =
        live.application().functionUrls().stream()
            .filter(u -> u.meta().key().id().startsWith(fnArn("f2")))
            .findFirst()
            .orElseThrow();
    assertThat(url.authType().isUnresolved()).isTrue();
    assertThat(url.authType().reason())
        .isEqualTo("lambdasec was denied lambda:ListFunctionUrlConfigs");
    assertThat(live.errors())
        .extracting(e -> e.message())
        .anySatisfy(m -> assertThat(m).contains("iam:GetAccountAuthorizationDetails"))
        .anySatisfy(m -> assertThat(m).contains("lambda:GetPolicy on " + fnArn("f2")));
  }

  private static Gap deniedGap(String facet, String resource, String action, String on) {
    return new Gap(
        ACCOUNT,
        REGION,
        facet,
        resource,
        GapKind.ACCESS_DENIED,
        action,
        "lambdasec was denied "
            + action
            + on
            + "; grant it (docs/iam/lambdasec-readonly-policy.json)");
  }

  @Test
  void throttlingThatOutlastsTheRetriesLeavesAGapAndTheScanGoesOn() throws Exception {
    wire.server.stubFor(
        lambdaOn("/2015-03-31", "f1", "/policy")
            .willReturn(restError(429, "TooManyRequestsException", "Rate exceeded")));
    ApiStats stats = new ApiStats();

    Snapshot s = wire.collect(stats, Duration.ofSeconds(5), Duration.ofSeconds(20), 2);

    assertThat(s.complete()).isFalse();
    assertThat(s.gaps())
        .containsExactlyInAnyOrder(
            concurrencyNotCollected(),
            new Gap(
                ACCOUNT,
                REGION,
                "policy",
                fnArn("f1"),
                GapKind.ERROR,
                "lambda:GetPolicy",
                "lambda:GetPolicy on "
                    + fnArn("f1")
                    + " failed after retries (TooManyRequestsException)"));
    assertThat(stats.throttled()).isEqualTo(2);
    assertThat(stats.failed()).isEqualTo(1);
    Snapshot clean = baseline();
    assertThat(fn(s, "f1").policies()).isEmpty();
    assertThat(fn(s, "f2")).isEqualTo(fn(clean, "f2"));
  }

  @Test
  void slowAnswersHitTheTimeOutsWithoutHoldingUpTheScan() throws Exception {
    wire.server.stubFor(
        lambdaOn("/2015-03-31", "f1", "/policy")
            .willReturn(json("{\"Policy\":" + quoted(policy("*")) + "}").withFixedDelay(20_000)));
    wire.server.stubFor(
        query("DescribeAlarms")
            .willReturn(
                AwsWire.queryResult(
                        "DescribeAlarms",
                        "http://monitoring.amazonaws.com/doc/2010-08-01/",
                        "<MetricAlarms/>")
                    .withFixedDelay(20_000)));
    ApiStats stats = new ApiStats();

    Snapshot s = wire.collect(stats, Duration.ofMillis(1_500), Duration.ofSeconds(4), 2);

    assertThat(s.complete()).isFalse();
    assertThat(s.gaps())
        .extracting(Gap::facet, Gap::resource, Gap::kind, Gap::operation)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "reservedConcurrency",
                null,
                GapKind.NOT_COLLECTED,
                "lambda:GetFunctionConcurrency"),
            org.assertj.core.groups.Tuple.tuple(
                "policy", fnArn("f1"), GapKind.ERROR, "lambda:GetPolicy"),
            org.assertj.core.groups.Tuple.tuple(
                "alarms", null, GapKind.ERROR, "cloudwatch:DescribeAlarms"));
    assertThat(s.gaps())
        .filteredOn(g -> g.kind() == GapKind.ERROR)
        .allSatisfy(g ->
            assertThat(g.message())
                .containsPattern("failed after retries \\(ApiCall(Attempt)?TimeoutException\\)"));
    assertThat(stats.failed()).isEqualTo(2);
    Snapshot clean = baseline();
    assertThat(fn(s, "f2")).isEqualTo(fn(clean, "f2"));
    assertThat(fn(s, "f3")).isEqualTo(fn(clean, "f3"));
    assertThat(s.accounts().get(0).iam()).isEqualTo(clean.accounts().get(0).iam());
  }
}
