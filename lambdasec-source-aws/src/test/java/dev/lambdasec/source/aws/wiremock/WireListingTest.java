package dev.lambdasec.source.aws.wiremock;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.lambdasec.source.aws.wiremock.AwsWire.RECENT;
import static dev.lambdasec.source.aws.wiremock.AwsWire.amzJson;
import static dev.lambdasec.source.aws.wiremock.AwsWire.fnArn;
import static dev.lambdasec.source.aws.wiremock.AwsWire.function;
import static dev.lambdasec.source.aws.wiremock.AwsWire.functionsPage;
import static dev.lambdasec.source.aws.wiremock.AwsWire.iamPage;
import static dev.lambdasec.source.aws.wiremock.AwsWire.json;
import static dev.lambdasec.source.aws.wiremock.AwsWire.json11;
import static dev.lambdasec.source.aws.wiremock.AwsWire.lambdaOn;
import static dev.lambdasec.source.aws.wiremock.AwsWire.query;
import static dev.lambdasec.source.aws.wiremock.AwsWire.queryResult;
import static dev.lambdasec.source.aws.wiremock.AwsWire.restError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.source.aws.collect.ApiStats;
import dev.lambdasec.source.aws.snapshot.ApiFacts;
import dev.lambdasec.source.aws.snapshot.LambdaFacts;
import dev.lambdasec.source.aws.snapshot.Snapshot;
import dev.lambdasec.source.aws.snapshot.Snapshot.Gap;
import dev.lambdasec.source.aws.snapshot.Snapshot.GapKind;
import dev.lambdasec.source.aws.snapshot.SupportFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The collector against AWS's wire formats where moto falls short: page sizes and continuation
 * tokens of every bulk listing, {@code ListFunctionUrlConfigs}, code-signing configs named by ARN,
 * HTTP API authorizers, invocation metrics through the query protocol of CloudWatch.
 */
class WireListingTest {

  private static final String NOT_COLLECTED_CONCURRENCY = "reservedConcurrency";
  private static final String CSC_ARN =
      "arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0f1e2d3c4b5a69788";
  private static final String PROFILE =
      "arn:aws:signer:us-east-1:123456789012:/signing-profiles/shop/8Xa2EXAMPLE";

  private AwsWire wire;
  private final ApiStats stats = new ApiStats();

  @BeforeEach
  void start() {
    wire = new AwsWire();
    wire.quietAccount();
  }

  @AfterEach
  void stop() {
    wire.close();
  }

  private static String name(int i) {
    return String.format(java.util.Locale.ROOT, "f%03d", i);
  }

  private static List<String> configs(int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(i -> function(name(i), "$LATEST", RECENT, ""))
        .toList();
  }

  private static String tagMappings(int from, int to) {
    return IntStream.range(from, to)
        .mapToObj(i ->
            "{\"ResourceARN\":\""
                + fnArn(name(i))
                + "\",\"Tags\":[{\"Key\":\"team\",\"Value\":\"t"
                + (i % 3)
                + "\"}]}")
        .collect(Collectors.joining(","));
  }

  private static String restApi(String id) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\"shop-"
        + id
        + "\",\"createdDate\":1.7171712E9,\"apiKeySource\":\"HEADER\","
        + "\"endpointConfiguration\":{\"types\":[\"REGIONAL\"]},\"disableExecuteApiEndpoint\":false,"
        + "\"rootResourceId\":\"root01\"}";
  }

  private static String resource(String id, String path, String function) {
    return "{\"id\":\""
        + id
        + "\",\"parentId\":\"root01\",\"pathPart\":\""
        + path.substring(1)
        + "\",\"path\":\""
        + path
        + "\",\"resourceMethods\":{\"GET\":{\"httpMethod\":\"GET\",\"authorizationType\":\"NONE\","
        + "\"apiKeyRequired\":false,\"methodIntegration\":{\"type\":\"AWS_PROXY\","
        + "\"httpMethod\":\"POST\",\"uri\":\"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/"
        + "functions/"
        + fnArn(function)
        + "/invocations\",\"passthroughBehavior\":\"WHEN_NO_MATCH\",\"timeoutInMillis\":29000}}}}";
  }

  private static String httpApi(String id) {
    return "{\"apiId\":\""
        + id
        + "\",\"name\":\"web-"
        + id
        + "\",\"protocolType\":\"HTTP\",\"apiEndpoint\":\"https://"
        + id
        + ".execute-api.us-east-1.amazonaws.com\",\"routeSelectionExpression\":"
        + "\"$request.method $request.path\",\"createdDate\":\"2024-06-01T08:00:00Z\","
        + "\"disableExecuteApiEndpoint\":false}";
  }

  /** 120 functions, 120 roles, 3 REST and 2 HTTP APIs, every listing over several pages. */
  private void seedPagedAccount() {
    wire.functions(
        List.of(
            functionsPage(configs(0, 50), "fm1"),
            functionsPage(configs(50, 100), "fm2"),
            functionsPage(configs(100, 120), null)));
    wire.server.stubFor(
        json11("ResourceGroupsTaggingAPI_20170126.GetResources")
            .withRequestBody(notContaining("PaginationToken"))
            .willReturn(
                amzJson(
                    "{\"PaginationToken\":\"tp1\",\"ResourceTagMappingList\":["
                        + tagMappings(0, 100)
                        + "]}")));
    wire.server.stubFor(
        json11("ResourceGroupsTaggingAPI_20170126.GetResources")
            .withRequestBody(containing("\"PaginationToken\":\"tp1\""))
            .willReturn(
                amzJson(
                    "{\"PaginationToken\":\"\",\"ResourceTagMappingList\":["
                        + tagMappings(100, 120)
                        + "]}")));
    List<String> roles = IntStream.range(0, 120).mapToObj(i -> "role-" + name(i)).toList();
    String policy =
        "<member><PolicyName>shop-read</PolicyName><PolicyId>ANPAJ2UCCR6DPCEXAMPLE</PolicyId>"
            + "<Arn>arn:aws:iam::123456789012:policy/shop-read</Arn><Path>/</Path>"
            + "<DefaultVersionId>v2</DefaultVersionId><AttachmentCount>0</AttachmentCount>"
            + "<IsAttachable>true</IsAttachable><PolicyVersionList>"
            + "<member><Document>"
            + AwsWire.encoded(AwsWire.LOGS_POLICY.replace("logs:PutLogEvents", "s3:GetObject"))
            + "</Document><VersionId>v2</VersionId><IsDefaultVersion>true</IsDefaultVersion>"
            + "<CreateDate>2024-02-01T00:00:00Z</CreateDate></member>"
            + "<member><Document>"
            + AwsWire.encoded(AwsWire.LOGS_POLICY)
            + "</Document><VersionId>v1</VersionId><IsDefaultVersion>false</IsDefaultVersion>"
            + "<CreateDate>2024-01-01T00:00:00Z</CreateDate></member>"
            + "</PolicyVersionList></member>";
    wire.iam(
        List.of(
            iamPage(roles.subList(0, 40), "", "im1"),
            iamPage(roles.subList(40, 80), "", "im2"),
            iamPage(roles.subList(80, 120), policy, null)));

    wire.server.stubFor(
        get(urlPathEqualTo("/restapis"))
            .withQueryParam("limit", equalTo("500"))
            .withQueryParam("position", absent())
            .willReturn(
                json(
                    "{\"item\":["
                        + restApi("ra0001")
                        + ","
                        + restApi("ra0002")
                        + "],\"position\":\"rp1\"}")));
    wire.server.stubFor(
        get(urlPathEqualTo("/restapis"))
            .withQueryParam("position", equalTo("rp1"))
            .willReturn(json("{\"item\":[" + restApi("ra0003") + "]}")));
    wire.server.stubFor(
        get(urlPathMatching("/restapis/ra000[0-9]/resources"))
            .withQueryParam("embed", equalTo("methods"))
            .willReturn(json("{\"item\":[" + resource("rs0001", "/orders", "f001") + "]}")));
    wire.server.stubFor(
        get(urlPathEqualTo("/restapis/ra0001/resources"))
            .withQueryParam("position", absent())
            .willReturn(
                json(
                    "{\"item\":["
                        + resource("rs0001", "/orders", "f001")
                        + "],\"position\":\"rr1\"}")));
    wire.server.stubFor(
        get(urlPathEqualTo("/restapis/ra0001/resources"))
            .withQueryParam("position", equalTo("rr1"))
            .willReturn(json("{\"item\":[" + resource("rs0002", "/items", "f002") + "]}")));
    for (String part : List.of("authorizers", "requestvalidators")) {
      wire.server.stubFor(
          get(urlPathMatching("/restapis/ra000[0-9]/" + part)).willReturn(json("{\"item\":[]}")));
    }
    wire.server.stubFor(
        get(urlPathMatching("/restapis/ra000[0-9]/stages"))
            .willReturn(
                json(
                    "{\"item\":[{\"deploymentId\":\"dp0001\",\"stageName\":\"prod\","
                        + "\"accessLogSettings\":{\"format\":\"$context.requestId\","
                        + "\"destinationArn\":\"arn:aws:logs:us-east-1:123456789012:log-group:"
                        + "api-access\"},\"tracingEnabled\":false}]}")));

    wire.server.stubFor(
        get(urlPathEqualTo("/v2/apis"))
            .withQueryParam("nextToken", absent())
            .willReturn(json("{\"items\":[" + httpApi("ha0001") + "],\"nextToken\":\"hp1\"}")));
    wire.server.stubFor(
        get(urlPathEqualTo("/v2/apis"))
            .withQueryParam("nextToken", equalTo("hp1"))
            .willReturn(json("{\"items\":[" + httpApi("ha0002") + "]}")));
    wire.server.stubFor(
        get(urlPathMatching("/v2/apis/ha000[0-9]/integrations"))
            .willReturn(
                json(
                    "{\"items\":[{\"integrationId\":\"in0001\",\"integrationType\":\"AWS_PROXY\","
                        + "\"integrationMethod\":\"POST\",\"integrationUri\":\""
                        + fnArn("f003")
                        + "\",\"payloadFormatVersion\":\"2.0\",\"timeoutInMillis\":30000}]}")));
    wire.server.stubFor(
        get(urlPathMatching("/v2/apis/ha000[0-9]/routes"))
            .willReturn(
                json(
                    "{\"items\":[{\"routeId\":\"ro0001\",\"routeKey\":\"GET /me\","
                        + "\"authorizationType\":\"JWT\",\"authorizerId\":\"au0001\","
                        + "\"apiKeyRequired\":false,\"target\":\"integrations/in0001\"},"
                        + "{\"routeId\":\"ro0002\",\"routeKey\":\"POST /hook\","
                        + "\"authorizationType\":\"CUSTOM\",\"authorizerId\":\"au0002\","
                        + "\"apiKeyRequired\":false,\"target\":\"integrations/in0001\"}]}")));
    wire.server.stubFor(
        get(urlPathMatching("/v2/apis/ha000[0-9]/authorizers"))
            .willReturn(
                json(
                    "{\"items\":[{\"authorizerId\":\"au0001\",\"authorizerType\":\"JWT\","
                        + "\"name\":\"cognito\",\"identitySource\":"
                        + "[\"$request.header.Authorization\"],\"jwtConfiguration\":{\"audience\":"
                        + "[\"5e1f0EXAMPLE\"],\"issuer\":\"https://cognito-idp.us-east-1."
                        + "amazonaws.com/us-east-1_EXAMPLE\"}},{\"authorizerId\":\"au0002\","
                        + "\"authorizerType\":\"REQUEST\",\"name\":\"hook-auth\","
                        + "\"authorizerPayloadFormatVersion\":\"2.0\",\"enableSimpleResponses\":true,"
                        + "\"authorizerUri\":\"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/"
                        + "functions/"
                        + fnArn("f004")
                        + "/invocations\",\"identitySource\":[\"$request.header.X-Hook\"]}]}")));
    wire.server.stubFor(
        get(urlPathMatching("/v2/apis/ha000[0-9]/stages"))
            .willReturn(
                json(
                    "{\"items\":[{\"stageName\":\"$default\",\"autoDeploy\":true,"
                        + "\"defaultRouteSettings\":{\"detailedMetricsEnabled\":false}}]}")));
  }

  @Test
  void followsEveryContinuationTokenAndStaysWithinTheCallBudget() throws Exception {
    seedPagedAccount();

    Snapshot snapshot = wire.collect(stats);

    Snapshot.Account account = snapshot.accounts().get(0);
    Snapshot.Region region = account.regions().get(0);
    assertThat(region.functions())
        .extracting(LambdaFacts.Function::name)
        .containsExactlyElementsOf(
            IntStream.range(0, 120).mapToObj(WireListingTest::name).toList());
    assertThat(region.functions())
        .allSatisfy(f ->
            assertThat(f.tags())
                .containsExactly(
                    Map.entry("team", "t" + (Integer.parseInt(f.name().substring(1)) % 3))));
    assertThat(account.iam().roles())
        .extracting(r -> r.name())
        .containsExactlyElementsOf(
            IntStream.range(0, 120).mapToObj(i -> "role-" + name(i)).toList());
    assertThat(account.iam().roles().get(119).inlinePolicies())
        .singleElement()
        .satisfies(p -> assertThat(p.document()).isEqualTo(AwsWire.LOGS_POLICY));
    assertThat(account.iam().policies())
        .singleElement()
        .satisfies(p -> assertThat(p.document()).contains("s3:GetObject"));

    assertThat(region.apis())
        .extracting(ApiFacts.Api::id, ApiFacts.Api::kind)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ra0001", "REST"),
            org.assertj.core.groups.Tuple.tuple("ra0002", "REST"),
            org.assertj.core.groups.Tuple.tuple("ra0003", "REST"),
            org.assertj.core.groups.Tuple.tuple("ha0001", "HTTP"),
            org.assertj.core.groups.Tuple.tuple("ha0002", "HTTP"));
    Map<String, ApiFacts.Api> apis =
        region.apis().stream().collect(Collectors.toMap(ApiFacts.Api::id, Function.identity()));
    assertThat(apis.get("ra0001").routes())
        .extracting(r -> r.method() + " " + r.path() + " -> " + r.functionArn())
        .containsExactly("GET /orders -> " + fnArn("f001"), "GET /items -> " + fnArn("f002"));
    assertThat(apis.get("ra0002").accessLogging()).isTrue();
    assertThat(apis.get("ha0002").authorizers())
        .containsExactly(
            new ApiFacts.Authorizer("au0001", "JWT", null),
            new ApiFacts.Authorizer("au0002", "REQUEST", fnArn("f004")));
    assertThat(apis.get("ha0002").routes())
        .extracting(r -> r.path() + " " + r.authorizationType() + " " + r.authorizerId())
        .containsExactly("/me JWT au0001", "/hook CUSTOM au0002");

    assertThat(snapshot.complete()).isTrue();
    assertThat(snapshot.gaps()).extracting(Gap::facet).containsExactly(NOT_COLLECTED_CONCURRENCY);
    wire.server.verify(
        1,
        getRequestedFor(urlPathEqualTo("/2015-03-31/functions"))
            .withQueryParam("Marker", equalTo("fm2")));

    Map<String, Long> expected = new TreeMap<>();
    expected.put("sts:GetCallerIdentity", 1L);
    expected.put("iam:GetAccountAuthorizationDetails", 3L);
    expected.put("lambda:ListFunctions", 3L);
    expected.put("tag:GetResources", 2L);
    expected.put("lambda:ListCodeSigningConfigs", 1L);
    expected.put("lambda:ListEventSourceMappings", 1L);
    expected.put("lambda:ListLayers", 1L);
    expected.put("lambda:GetPolicy", 120L);
    // one probe whether the endpoint offers the operation, then one per function
    expected.put("lambda:ListFunctionUrlConfigs", 121L);
    // REST: 2 pages of APIs, 4 listings per API, one more page of resources; HTTP: 2 + 4 per API
    expected.put("apigateway:GET", 2L + 3 * 4 + 1 + 2 + 2 * 4);
    expected.put("cloudwatch:DescribeAlarms", 1L);
    expected.put("logs:DescribeLogGroups", 1L);
    expected.put("cloudtrail:DescribeTrails", 1L);
    expected.put("config:DescribeConfigurationRecorders", 1L);
    expected.put("securityhub:DescribeHub", 1L);
    expected.put("inspector2:BatchGetAccountStatus", 1L);
    expected.put("guardduty:ListDetectors", 1L);
    expected.put("access-analyzer:ListAnalyzers", 1L);
    assertThat(stats.byAction()).isEqualTo(expected);
    assertThat(snapshot.calls()).isNotNull();
    assertThat(snapshot.calls().functions()).isEqualTo(120);
  }

  /** A function with two published versions and an alias, a signed one and an idle one. */
  private void seedUrlsAndSigning() {
    wire.functions(
        List.of(
            functionsPage(
                List.of(
                    function("web", "$LATEST", RECENT, ""),
                    function("web", "1", "2025-04-01T09:00:00.000+0000", ""),
                    function("web", "2", RECENT, ""),
                    function("signed", "$LATEST", RECENT, ""),
                    function("idle", "$LATEST", "2024-01-10T07:30:00.000+0000", "")),
                null)));
    wire.server.stubFor(
        lambdaOn("/2015-03-31", "web", "/aliases")
            .willReturn(
                json(
                    "{\"Aliases\":[{\"AliasArn\":\""
                        + fnArn("web")
                        + ":live\",\"Name\":\"live\",\"FunctionVersion\":\"2\",\"Description\":\"\","
                        + "\"RevisionId\":\"0f1e2d3c-EXAMPLE\"}]}")));
    wire.server.stubFor(
        lambdaOn("/2015-03-31", "web", "/policy")
            .withQueryParam("Qualifier", absent())
            .willReturn(json("{\"Policy\":" + quoted(policy("apigateway.amazonaws.com")) + "}")));
    wire.server.stubFor(
        lambdaOn("/2015-03-31", "web", "/policy")
            .withQueryParam("Qualifier", equalTo("live"))
            .willReturn(json("{\"Policy\":" + quoted(policy("*")) + "}")));
    wire.server.stubFor(
        lambdaOn("/2021-10-31", "web", "/urls")
            .withQueryParam("Marker", absent())
            .willReturn(
                json(
                    "{\"FunctionUrlConfigs\":[{\"FunctionUrl\":\"https://abcdefghij.lambda-url."
                        + "us-east-1.on.aws/\",\"FunctionArn\":\""
                        + fnArn("web")
                        + "\",\"CreationTime\":\"2025-01-01T00:00:00.000Z\",\"LastModifiedTime\":"
                        + "\"2025-01-01T00:00:00.000Z\",\"AuthType\":\"AWS_IAM\","
                        + "\"InvokeMode\":\"BUFFERED\"}],\"NextMarker\":\"um1\"}")));
    wire.server.stubFor(
        lambdaOn("/2021-10-31", "web", "/urls")
            .withQueryParam("Marker", equalTo("um1"))
            .willReturn(
                json(
                    "{\"FunctionUrlConfigs\":[{\"FunctionUrl\":\"https://klmnopqrst.lambda-url."
                        + "us-east-1.on.aws/\",\"FunctionArn\":\""
                        + fnArn("web")
                        + ":live\",\"CreationTime\":\"2025-01-02T00:00:00.000Z\",\"LastModifiedTime\":"
                        + "\"2025-01-02T00:00:00.000Z\",\"AuthType\":\"NONE\",\"Cors\":{"
                        + "\"AllowOrigins\":[\"*\"],\"AllowMethods\":[\"GET\",\"POST\"],"
                        + "\"AllowCredentials\":false},\"InvokeMode\":\"BUFFERED\"}]}")));
    wire.server.stubFor(
        query("GetMetricData")
            .willReturn(
                queryResult(
                    "GetMetricData",
                    "http://monitoring.amazonaws.com/doc/2010-08-01/",
                    "<MetricDataResults><member><Id>f0</Id><Label>Invocations</Label>"
                        + "<StatusCode>Complete</StatusCode><Timestamps>"
                        + "<member>2025-03-01T00:00:00Z</member><member>2025-02-10T00:00:00Z</member>"
                        + "<member>2025-01-20T00:00:00Z</member></Timestamps><Values>"
                        + "<member>0.0</member><member>4.0</member><member>1.0</member></Values>"
                        + "</member></MetricDataResults><Messages/>")));
    wire.server.stubFor(
        query("DescribeAlarms")
            .willReturn(
                queryResult(
                    "DescribeAlarms",
                    "http://monitoring.amazonaws.com/doc/2010-08-01/",
                    "<MetricAlarms>"
                        + alarm("web-errors", "AWS/Lambda", "Errors", "FunctionName", "web")
                        + alarm("disk", "AWS/EC2", "CPUUtilization", "InstanceId", "i-0abc")
                        + "</MetricAlarms><CompositeAlarms/>")));
  }

  private static String alarm(
      String name, String namespace, String metric, String dimension, String value) {
    return "<member><AlarmName>"
        + name
        + "</AlarmName><AlarmArn>arn:aws:cloudwatch:us-east-1:123456789012:alarm:"
        + name
        + "</AlarmArn><ActionsEnabled>true</ActionsEnabled><AlarmActions><member>"
        + "arn:aws:sns:us-east-1:123456789012:oncall</member></AlarmActions><OKActions/>"
        + "<InsufficientDataActions/><StateValue>OK</StateValue><MetricName>"
        + metric
        + "</MetricName><Namespace>"
        + namespace
        + "</Namespace><Statistic>Sum</Statistic><Dimensions><member><Name>"
        + dimension
        + "</Name><Value>"
        + value
        + "</Value></member></Dimensions><Period>60</Period><EvaluationPeriods>1</EvaluationPeriods>"
        + "<Threshold>1.0</Threshold><ComparisonOperator>GreaterThanOrEqualToThreshold"
        + "</ComparisonOperator></member>";
  }

  static String policy(String principal) {
    String who =
        "*".equals(principal)
            ? "\"Principal\":\"*\""
            : "\"Principal\":{\"Service\":\"" + principal + "\"}";
    return "{\"Version\":\"2012-10-17\",\"Id\":\"default\",\"Statement\":[{\"Sid\":\"invoke\","
        + "\"Effect\":\"Allow\","
        + who
        + ",\"Action\":\"lambda:InvokeFunction\",\"Resource\":\""
        + fnArn("web")
        + "\"}]}";
  }

  static String quoted(String json) {
    return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Test
  void listsUrlsOfFunctionsAndAliasesAndReadsCodeSigningInBulk() throws Exception {
    seedUrlsAndSigning();
    wire.server.stubFor(
        get(urlPathEqualTo("/2020-04-22/code-signing-configs"))
            .willReturn(
                json(
                    "{\"CodeSigningConfigs\":[{\"CodeSigningConfigId\":\"csc-0f1e2d3c4b5a69788\","
                        + "\"CodeSigningConfigArn\":\""
                        + CSC_ARN
                        + "\",\"Description\":\"shop\",\"AllowedPublishers\":"
                        + "{\"SigningProfileVersionArns\":[\""
                        + PROFILE
                        + "\"]},\"CodeSigningPolicies\":{\"UntrustedArtifactOnDeployment\":"
                        + "\"Enforce\"},\"LastModified\":\"2025-01-01T00:00:00.000+0000\"}]}")));
    wire.server.stubFor(
        get(urlPathMatching("/2020-04-22/code-signing-configs/[^/]+/functions"))
            .willReturn(json("{\"FunctionArns\":[\"" + fnArn("signed") + "\"]}")));

    Snapshot snapshot = wire.collect(stats);

    Snapshot.Region region = snapshot.accounts().get(0).regions().get(0);
    Map<String, LambdaFacts.Function> fns =
        region.functions().stream()
            .collect(Collectors.toMap(LambdaFacts.Function::name, Function.identity()));
    assertThat(fns).containsOnlyKeys("web", "signed", "idle");
    LambdaFacts.Function web = fns.get("web");
    assertThat(web.versions()).containsExactly("1", "2");
    assertThat(web.aliases()).containsExactly("live");
    assertThat(web.policies())
        .containsExactlyInAnyOrder(
            new LambdaFacts.ResourcePolicy(null, policy("apigateway.amazonaws.com")),
            new LambdaFacts.ResourcePolicy("live", policy("*")));
    assertThat(web.urls())
        .containsExactly(
            new LambdaFacts.Url(
                null, "https://abcdefghij.lambda-url.us-east-1.on.aws/", "AWS_IAM", null),
            new LambdaFacts.Url(
                "live",
                "https://klmnopqrst.lambda-url.us-east-1.on.aws/",
                "NONE",
                new LambdaFacts.Cors(List.of("*"), List.of("GET", "POST"), false)));
    assertThat(fns.get("signed").codeSigningConfigArn()).isEqualTo(CSC_ARN);
    assertThat(web.codeSigningConfigArn()).isNull();
    assertThat(region.codeSigningConfigs())
        .containsExactly(new LambdaFacts.CodeSigningConfig(CSC_ARN, "Enforce", List.of(PROFILE)));
    assertThat(fns.get("idle").lastInvoked()).isEqualTo("2025-02-10T00:00:00Z");
    assertThat(web.lastInvoked()).isNull();
    assertThat(region.alarms())
        .containsExactly(
            new SupportFacts.Alarm(
                "arn:aws:cloudwatch:us-east-1:123456789012:alarm:web-errors",
                "web-errors",
                List.of(
                    new SupportFacts.Metric("AWS/Lambda", "Errors", Map.of("FunctionName", "web"))),
                true,
                List.of("arn:aws:sns:us-east-1:123456789012:oncall")));
    assertThat(snapshot.gaps()).extracting(Gap::facet).containsExactly(NOT_COLLECTED_CONCURRENCY);

    Map<String, Long> calls = stats.byAction();
    // the function, its alias and its two versions: four policies asked, two exist
    assertThat(calls).containsEntry("lambda:GetPolicy", 4L + 1 + 1);
    assertThat(calls).containsEntry("lambda:ListAliases", 1L);
    // probe, then web (two pages), signed, idle
    assertThat(calls).containsEntry("lambda:ListFunctionUrlConfigs", 1L + 2 + 1 + 1);
    assertThat(calls).containsEntry("lambda:ListFunctionsByCodeSigningConfig", 1L);
    assertThat(calls).containsEntry("cloudwatch:GetMetricData", 1L);
    assertThat(calls)
        .doesNotContainKeys(
            "lambda:GetFunctionUrlConfig",
            "lambda:GetFunctionCodeSigningConfig",
            "lambda:ListTags");
  }

  @Test
  void aDeepCollectionAsksEachFunctionWhereTheEndpointLacksTheListings() throws Exception {
    seedOlderEndpoint();

    Snapshot snapshot = wire.collectDeep(stats);

    Map<String, LambdaFacts.Function> fns =
        snapshot.accounts().get(0).regions().get(0).functions().stream()
            .collect(Collectors.toMap(LambdaFacts.Function::name, Function.identity()));
    assertThat(fns.get("signed").codeSigningConfigArn()).isEqualTo(CSC_ARN);
    assertThat(fns.get("web").codeSigningConfigArn()).isNull();
    assertThat(fns.get("web").urls())
        .containsExactly(
            new LambdaFacts.Url(
                "live", "https://klmnopqrst.lambda-url.us-east-1.on.aws/", "NONE", null));
    assertThat(fns.get("idle").urls()).isEmpty();
    assertThat(snapshot.gaps()).isEmpty();
    assertThat(snapshot.complete()).isTrue();
    Map<String, Long> calls = stats.byAction();
    assertThat(calls).containsEntry("lambda:GetFunctionCodeSigningConfig", 3L);
    // web and its alias, signed, idle
    assertThat(calls).containsEntry("lambda:GetFunctionUrlConfig", 4L);
    assertThat(calls).containsEntry("lambda:ListFunctionUrlConfigs", 1L);
    assertThat(calls).containsEntry("lambda:ListAliases", 3L);
    assertThat(calls).containsEntry("lambda:GetFunctionConcurrency", 3L);
    assertThat(calls).containsEntry("lambda:GetFunctionEventInvokeConfig", 3L);
    assertThat(new ArrayList<>(calls.keySet()))
        .doesNotContain("lambda:ListFunctionsByCodeSigningConfig");
  }

  @Test
  void withoutDeepALackingCodeSigningListingLeavesCodeSigningUnknown() throws Exception {
    seedOlderEndpoint();

    Snapshot snapshot = wire.collect(stats);

    assertThat(snapshot.accounts().get(0).regions().get(0).functions())
        .extracting(LambdaFacts.Function::codeSigningConfigArn)
        .containsOnlyNulls();
    assertThat(snapshot.complete()).isFalse();
    assertThat(snapshot.gaps())
        .containsExactlyInAnyOrder(
            new Gap(
                AwsWire.ACCOUNT,
                AwsWire.REGION,
                NOT_COLLECTED_CONCURRENCY,
                null,
                GapKind.NOT_COLLECTED,
                "lambda:GetFunctionConcurrency",
                "reserved concurrency needs one lambda:GetFunctionConcurrency call per function;"
                    + " collect with --deep"),
            new Gap(
                AwsWire.ACCOUNT,
                AwsWire.REGION,
                "codeSigning",
                null,
                GapKind.UNSUPPORTED,
                "lambda:ListCodeSigningConfigs",
                "the endpoint does not offer lambda:ListCodeSigningConfigs in us-east-1"));
    assertThat(stats.byAction()).doesNotContainKey("lambda:GetFunctionCodeSigningConfig");
    var signed =
        new dev.lambdasec.source.aws.map.SnapshotMapper(
                dev.lambdasec.secrets.SecretDetector.bundled())
            .map(snapshot).application().functions().stream()
                .filter(f -> f.meta().key().id().equals(fnArn("signed")))
                .findFirst()
                .orElseThrow();
    assertThat(signed.codeSigningConfig().isUnresolved()).isTrue();
    assertThat(signed.codeSigningConfig().reason())
        .isEqualTo("the endpoint does not offer lambda:ListCodeSigningConfigs");
  }

  /**
   * An endpoint without {@code ListCodeSigningConfigs} and {@code ListFunctionUrlConfigs} (an older
   * region, or an emulator), where each function is asked.
   */
  private void seedOlderEndpoint() {
    seedUrlsAndSigning();
    wire.server.stubFor(
        get(urlPathEqualTo("/2020-04-22/code-signing-configs"))
            .willReturn(restError(404, "UnknownOperationException", "Unknown operation")));
    wire.server.stubFor(
        get(urlPathMatching("/2021-10-31/functions/[^/]+/urls"))
            .willReturn(restError(404, "UnknownOperationException", "Unknown operation")));
    wire.server.stubFor(
        get(urlPathMatching("/2020-06-30/functions/[^/]+/code-signing-config"))
            .willReturn(json("{\"CodeSigningConfigArn\":\"\",\"FunctionName\":\"web\"}")));
    wire.server.stubFor(
        lambdaOn("/2020-06-30", "signed", "/code-signing-config")
            .willReturn(
                json(
                    "{\"CodeSigningConfigArn\":\"" + CSC_ARN + "\",\"FunctionName\":\"signed\"}")));
    wire.server.stubFor(
        get(urlPathMatching("/2021-10-31/functions/[^/]+/url"))
            .willReturn(
                restError(
                    404,
                    "ResourceNotFoundException",
                    "The resource you requested does not exist.")));
    wire.server.stubFor(
        get(urlPathEqualTo("/2021-10-31/functions/web/url"))
            .withQueryParam("Qualifier", equalTo("live"))
            .willReturn(
                json(
                    "{\"FunctionUrl\":\"https://klmnopqrst.lambda-url.us-east-1.on.aws/\","
                        + "\"FunctionArn\":\""
                        + fnArn("web")
                        + ":live\",\"AuthType\":\"NONE\",\"CreationTime\":\"2025-01-02T00:00:00.000Z\","
                        + "\"LastModifiedTime\":\"2025-01-02T00:00:00.000Z\","
                        + "\"InvokeMode\":\"BUFFERED\"}")));
  }
}
