package dev.lambdasec.source.aws.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.lambdasec.secrets.SecretDetector;
import dev.lambdasec.source.aws.collect.ApiStats;
import dev.lambdasec.source.aws.collect.AwsCollector;
import dev.lambdasec.source.aws.collect.CollectException;
import dev.lambdasec.source.aws.collect.CollectOptions;
import dev.lambdasec.source.aws.collect.Progress;
import dev.lambdasec.source.aws.emulator.Emulators;
import dev.lambdasec.source.aws.snapshot.Snapshot;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A WireMock server that answers as AWS does, each service in its own wire protocol: query/XML for
 * STS, IAM, EC2 and CloudWatch (the pinned 2.40.5 module), JSON 1.1 with {@code X-Amz-Target} for
 * KMS, CloudTrail, Config, CloudWatch Logs and the tagging API, REST-JSON for Lambda, API Gateway
 * and the security services. {@link #quietAccount()} stubs an account with nothing in it; tests add
 * resources and faults on top (WireMock prefers the stub added last).
 */
final class AwsWire implements AutoCloseable {

  static final String ACCOUNT = "123456789012";
  static final String REGION = "us-east-1";

  /** Functions changed after this are recent: no invocation metrics are asked for them. */
  static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

  static final String RECENT = "2025-05-15T10:00:00.000+0000";

  final WireMockServer server;
  private final AtomicInteger scenarios = new AtomicInteger();

  AwsWire() {
    server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  @Override
  public void close() {
    server.stop();
  }

  /** Collects the account with short time-outs and three attempts per call. */
  Snapshot collect(ApiStats stats) throws CollectException {
    return collect(stats, Duration.ofSeconds(5), Duration.ofSeconds(20), 3);
  }

  Snapshot collect(ApiStats stats, Duration attempt, Duration call, int attempts)
      throws CollectException {
    return collect(Emulators.options(endpoint()).withTimeouts(attempt, call, attempts), stats);
  }

  /** Collects with {@code --deep}: also the per-function calls no bulk API replaces. */
  Snapshot collectDeep(ApiStats stats) throws CollectException {
    CollectOptions o = Emulators.options(endpoint());
    return collect(
        new CollectOptions(
            o.profile(),
            o.assumeRole(),
            o.externalId(),
            o.regions(),
            o.organization(),
            o.organizationRole(),
            o.endpoint(),
            true,
            o.concurrency(),
            o.attemptTimeout(),
            o.callTimeout(),
            o.maxAttempts()),
        stats);
  }

  private Snapshot collect(CollectOptions options, ApiStats stats) throws CollectException {
    Emulators.useTestCredentials();
    return new AwsCollector(SecretDetector.bundled(), Clock.fixed(NOW, ZoneOffset.UTC), "test")
        .collect(options, Progress.NONE, stats);
  }

  // ------------------------------------------------------------------------ request matching

  /** A JSON 1.0/1.1 operation: {@code POST /} naming it in {@code X-Amz-Target}. */
  static MappingBuilder json11(String target) {
    return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target));
  }

  /** A query-protocol operation: {@code POST /} with a form body naming its {@code Action}. */
  static MappingBuilder query(String action) {
    return post(urlEqualTo("/"))
        .withRequestBody(matching("(.*&)?Action=" + Pattern.quote(action) + "(&.*)?"));
  }

  /** A query-protocol operation whose form body carries {@code name=value}. */
  static MappingBuilder query(String action, String name, String value) {
    return post(urlEqualTo("/"))
        .withRequestBody(matching("(.*&)?Action=" + Pattern.quote(action) + "(&.*)?"))
        .withRequestBody(
            matching(
                "(.*&)?"
                    + Pattern.quote(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))
                    + "(&.*)?"));
  }

  /**
   * A Lambda operation on one function, which the collector names by ARN (URL-encoded in the path)
   * or by name: {@code /2015-03-31/functions/<function>/policy}.
   */
  static MappingBuilder lambdaOn(String prefix, String function, String suffix) {
    return get(
        urlPathMatching(
            Pattern.quote(prefix)
                + "/functions/(arn(%3A|:)aws(%3A|:)lambda(%3A|:)"
                + REGION
                + "(%3A|:)"
                + ACCOUNT
                + "(%3A|:)function(%3A|:))?"
                + Pattern.quote(function)
                + Pattern.quote(suffix)));
  }

  static MappingBuilder firstPage(MappingBuilder m, String tokenParameter) {
    return m.withQueryParam(tokenParameter, absent());
  }

  // ---------------------------------------------------------------------------- responses

  static ResponseDefinitionBuilder json(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withHeader("x-amzn-RequestId", "c0ffee00-0000-4000-8000-000000000001")
        .withBody(body);
  }

  static ResponseDefinitionBuilder amzJson(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withHeader("x-amzn-RequestId", "c0ffee00-0000-4000-8000-000000000002")
        .withBody(body);
  }

  static ResponseDefinitionBuilder xml(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
  }

  /** A query-protocol response: {@code <ActionResponse><ActionResult>…}. */
  static ResponseDefinitionBuilder queryResult(String action, String namespace, String result) {
    return xml(
        "<"
            + action
            + "Response xmlns=\""
            + namespace
            + "\">\n  <"
            + action
            + "Result>"
            + result
            + "</"
            + action
            + "Result>\n  <ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE"
            + "</RequestId></ResponseMetadata>\n</"
            + action
            + "Response>");
  }

  /** A REST-JSON error (Lambda, API Gateway): the type in {@code X-Amzn-ErrorType}. */
  static ResponseDefinitionBuilder restError(int status, String type, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("x-amzn-ErrorType", type + ":")
        .withHeader("x-amzn-RequestId", "c0ffee00-0000-4000-8000-0000000000e1")
        .withBody("{\"Type\":\"User\",\"message\":\"" + message + "\"}");
  }

  /** A JSON 1.1 error: the type in the body's {@code __type}, no header. */
  static ResponseDefinitionBuilder jsonError(int status, String type, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/x-amz-json-1.1")
        .withHeader("x-amzn-RequestId", "c0ffee00-0000-4000-8000-0000000000e2")
        .withBody("{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
  }

  /** A query-protocol error, as IAM, STS and CloudWatch send it. */
  static ResponseDefinitionBuilder queryError(int status, String code, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "text/xml")
        .withBody(
            "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\">\n"
                + "  <Error><Type>Sender</Type><Code>"
                + code
                + "</Code><Message>"
                + message
                + "</Message></Error>\n"
                + "  <RequestId>9f4b3c2e-EXAMPLE</RequestId>\n</ErrorResponse>");
  }

  /**
   * Answers requests {@code stub} matches with {@code fault} the first {@code times} times, then
   * leaves them to the stubs added before.
   */
  void failFirst(Supplier<MappingBuilder> stub, int times, ResponseDefinitionBuilder fault) {
    String scenario = "fault-" + scenarios.incrementAndGet();
    for (int i = 0; i < times; i++) {
      server.stubFor(
          stub.get()
              .inScenario(scenario)
              .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed-" + i)
              .willSetStateTo("failed-" + (i + 1))
              .willReturn(fault));
    }
  }

  // ------------------------------------------------------------------------- account parts

  static String fnArn(String name) {
    return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + name;
  }

  static String roleArn(String name) {
    return "arn:aws:iam::" + ACCOUNT + ":role/" + name;
  }

  /** A function configuration as {@code ListFunctions} returns it; {@code extra} adds fields. */
  static String function(String name, String version, String lastModified, String extra) {
    String arn = "$LATEST".equals(version) ? fnArn(name) : fnArn(name) + ":" + version;
    return "{\"FunctionName\":\""
        + name
        + "\",\"FunctionArn\":\""
        + arn
        + "\",\"Runtime\":\"python3.12\",\"Role\":\""
        + roleArn("role-" + name)
        + "\",\"Handler\":\"index.handler\",\"CodeSize\":312,\"Description\":\"\",\"Timeout\":3,"
        + "\"MemorySize\":128,\"LastModified\":\""
        + lastModified
        + "\",\"CodeSha256\":\"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\",\"Version\":\""
        + version
        + "\",\"TracingConfig\":{\"Mode\":\"PassThrough\"},"
        + "\"RevisionId\":\"1c5f9f44-6e3a-4d1b-9d7e-EXAMPLE\",\"PackageType\":\"Zip\","
        + "\"Architectures\":[\"arm64\"],\"EphemeralStorage\":{\"Size\":512},"
        + "\"SnapStart\":{\"ApplyOn\":\"None\",\"OptimizationStatus\":\"Off\"},"
        + "\"LoggingConfig\":{\"LogFormat\":\"Text\",\"LogGroup\":\"/aws/lambda/"
        + name
        + "\"}"
        + extra
        + "}";
  }

  /** One page of {@code ListFunctions}. */
  static String functionsPage(List<String> functions, String nextMarker) {
    return "{\"Functions\":["
        + String.join(",", functions)
        + "]"
        + (nextMarker == null ? "" : ",\"NextMarker\":\"" + nextMarker + "\"")
        + "}";
  }

  /** {@code ListFunctions} (every version, 50 per page) answered by {@code pages}. */
  void functions(List<String> pages) {
    for (int i = 0; i < pages.size(); i++) {
      MappingBuilder m =
          get(urlPathEqualTo("/2015-03-31/functions"))
              .withQueryParam("FunctionVersion", equalTo("ALL"))
              .withQueryParam("MaxItems", equalTo("50"));
      m = i == 0 ? firstPage(m, "Marker") : m.withQueryParam("Marker", equalTo("fm" + i));
      server.stubFor(m.willReturn(json(pages.get(i))));
    }
  }

  /** URL-encoded, as IAM returns policy documents. */
  static String encoded(String document) {
    return URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static final String TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
          + "{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  static final String LOGS_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
          + "[\"logs:CreateLogStream\",\"logs:PutLogEvents\"],\"Resource\":\"*\"}]}";

  /** A {@code RoleDetailList} member of {@code GetAccountAuthorizationDetails}. */
  static String roleDetail(String name) {
    return "<member><Path>/</Path><RoleName>"
        + name
        + "</RoleName><RoleId>AROA"
        + Integer.toHexString(name.hashCode()).toUpperCase(java.util.Locale.ROOT)
        + "EXAMPLE</RoleId><Arn>"
        + roleArn(name)
        + "</Arn><CreateDate>2024-03-01T12:00:00Z</CreateDate><AssumeRolePolicyDocument>"
        + encoded(TRUST)
        + "</AssumeRolePolicyDocument><InstanceProfileList/><RolePolicyList><member>"
        + "<PolicyName>logs</PolicyName><PolicyDocument>"
        + encoded(LOGS_POLICY)
        + "</PolicyDocument></member></RolePolicyList><AttachedManagedPolicies/><Tags/>"
        + "<RoleLastUsed/></member>";
  }

  /** One page of {@code GetAccountAuthorizationDetails} with these roles and managed policies. */
  static String iamPage(List<String> roles, String policies, String marker) {
    return "\n    <IsTruncated>"
        + (marker != null)
        + "</IsTruncated>"
        + (marker == null ? "" : "<Marker>" + marker + "</Marker>")
        + "\n    <UserDetailList/><GroupDetailList/>\n    <RoleDetailList>"
        + String.join("", roles.stream().map(AwsWire::roleDetail).toList())
        + "</RoleDetailList>\n    <Policies>"
        + policies
        + "</Policies>\n  ";
  }

  /** {@code GetAccountAuthorizationDetails} answered by {@code pages} (result bodies). */
  void iam(List<String> pages) {
    for (int i = 0; i < pages.size(); i++) {
      MappingBuilder m =
          i == 0
              ? query("GetAccountAuthorizationDetails")
                  .withRequestBody(matching("^((?!Marker=).)*$"))
              : query("GetAccountAuthorizationDetails", "Marker", "im" + i);
      server.stubFor(
          m.willReturn(
              queryResult(
                  "GetAccountAuthorizationDetails",
                  "https://iam.amazonaws.com/doc/2010-05-08/",
                  pages.get(i))));
    }
  }

  /**
   * An account with nothing in it: the caller's identity, no IAM entities, no functions, APIs,
   * alarms, trails or log groups, and the security services off. Per-function calls answer "no
   * policy" and "no URL" unless a test stubs them.
   */
  void quietAccount() {
    server.stubFor(
        query("GetCallerIdentity")
            .willReturn(
                queryResult(
                    "GetCallerIdentity",
                    "https://sts.amazonaws.com/doc/2011-06-15/",
                    "<Arn>arn:aws:iam::"
                        + ACCOUNT
                        + ":user/auditor</Arn><UserId>AIDAJQABLZS4A3QDU576Q</UserId><Account>"
                        + ACCOUNT
                        + "</Account>")));
    iam(List.of(iamPage(List.of(), "", null)));
    functions(List.of(functionsPage(List.of(), null)));
    server.stubFor(
        json11("ResourceGroupsTaggingAPI_20170126.GetResources")
            .willReturn(amzJson("{\"PaginationToken\":\"\",\"ResourceTagMappingList\":[]}")));
    server.stubFor(
        get(urlPathEqualTo("/2020-04-22/code-signing-configs"))
            .willReturn(json("{\"CodeSigningConfigs\":[]}")));
    server.stubFor(
        get(urlPathEqualTo("/2015-03-31/event-source-mappings"))
            .willReturn(json("{\"EventSourceMappings\":[]}")));
    server.stubFor(get(urlPathEqualTo("/2018-10-31/layers")).willReturn(json("{\"Layers\":[]}")));
    server.stubFor(
        get(urlPathMatching("/2015-03-31/functions/[^/]+/policy"))
            .willReturn(
                restError(
                    404,
                    "ResourceNotFoundException",
                    "The resource you requested does not exist.")));
    server.stubFor(
        get(urlPathMatching("/2021-10-31/functions/[^/]+/urls"))
            .willReturn(json("{\"FunctionUrlConfigs\":[]}")));
    server.stubFor(
        get(urlPathMatching("/2015-03-31/functions/[^/]+/aliases"))
            .willReturn(json("{\"Aliases\":[]}")));
    server.stubFor(
        get(urlPathMatching("/2019-09-25/functions/[^/]+/event-invoke-config"))
            .willReturn(
                restError(
                    404,
                    "ResourceNotFoundException",
                    "The function doesn't have an EventInvokeConfig")));
    server.stubFor(
        get(urlPathMatching("/2019-09-30/functions/[^/]+/concurrency")).willReturn(json("{}")));
    server.stubFor(get(urlPathEqualTo("/restapis")).willReturn(json("{\"item\":[]}")));
    server.stubFor(get(urlPathEqualTo("/v2/apis")).willReturn(json("{\"items\":[]}")));
    server.stubFor(
        query("DescribeAlarms")
            .willReturn(
                queryResult(
                    "DescribeAlarms",
                    "http://monitoring.amazonaws.com/doc/2010-08-01/",
                    "<MetricAlarms/><CompositeAlarms/>")));
    server.stubFor(
        json11("Logs_20140328.DescribeLogGroups").willReturn(amzJson("{\"logGroups\":[]}")));
    server.stubFor(
        json11("com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails")
            .willReturn(amzJson("{\"trailList\":[]}")));
    server.stubFor(
        json11("StarlingDoveService.DescribeConfigurationRecorders")
            .willReturn(amzJson("{\"ConfigurationRecorders\":[]}")));
    server.stubFor(
        get(urlPathEqualTo("/accounts"))
            .willReturn(
                restError(
                    401,
                    "InvalidAccessException",
                    "Account " + ACCOUNT + " is not subscribed to AWS Security Hub")));
    server.stubFor(
        post(urlPathEqualTo("/status/batch/get"))
            .willReturn(
                json(
                    "{\"accounts\":[{\"accountId\":\""
                        + ACCOUNT
                        + "\",\"state\":{\"status\":\"ENABLED\"},\"resourceState\":{"
                        + "\"ec2\":{\"status\":\"DISABLED\"},\"ecr\":{\"status\":\"DISABLED\"},"
                        + "\"lambda\":{\"status\":\"ENABLED\"},"
                        + "\"lambdaCode\":{\"status\":\"DISABLED\"}}}],\"failedAccounts\":[]}")));
    server.stubFor(get(urlPathEqualTo("/detector")).willReturn(json("{\"detectorIds\":[]}")));
    server.stubFor(get(urlPathEqualTo("/analyzer")).willReturn(json("{\"analyzers\":[]}")));
  }
}
