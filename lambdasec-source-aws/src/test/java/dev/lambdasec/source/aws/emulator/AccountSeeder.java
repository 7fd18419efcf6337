package dev.lambdasec.source.aws.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.TracingMode;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Creates accounts in an emulator through the SDK, as a deployment would: a small realistic
 * application with known weaknesses ({@link #seedOrdersApp()}), or a large synthetic one for the
 * benchmark ({@link #seedBulk}). Write calls live here only; the collector is read-only.
 */
public final class AccountSeeder implements AutoCloseable {

  public static final String ACCOUNT = "123456789012";
  public static final String REGION = "us-east-1";

  /** A fake access key pair, in AWS's documented example shape; not a credential. */
  public static final String FAKE_KEY_ID = "AKIAIOSFODNN7EXAMPLE";

  public static final String FAKE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  private static final String TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
          + "{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  private final SdkHttpClient http = Apache5HttpClient.builder().maxConnections(64).build();
  private final URI endpoint;
  final IamClient iam;
  final LambdaClient lambda;
  final KmsClient kms;
  final Ec2Client ec2;
  final SqsClient sqs;
  final S3Client s3;
  final CloudTrailClient cloudtrail;
  final CloudWatchLogsClient logs;
  final CloudWatchClient cloudwatch;
  final ApiGatewayClient apigateway;
  final ApiGatewayV2Client apigatewayv2;
  final GuardDutyClient guardduty;

  public AccountSeeder(URI endpoint) {
    this.endpoint = endpoint;
    iam = build(IamClient.builder(), Region.AWS_GLOBAL);
    lambda = build(LambdaClient.builder(), Region.of(REGION));
    kms = build(KmsClient.builder(), Region.of(REGION));
    ec2 = build(Ec2Client.builder(), Region.of(REGION));
    sqs = build(SqsClient.builder(), Region.of(REGION));
    s3 = build(S3Client.builder().forcePathStyle(true), Region.of(REGION));
    cloudtrail = build(CloudTrailClient.builder(), Region.of(REGION));
    logs = build(CloudWatchLogsClient.builder(), Region.of(REGION));
    cloudwatch = build(CloudWatchClient.builder(), Region.of(REGION));
    apigateway = build(ApiGatewayClient.builder(), Region.of(REGION));
    apigatewayv2 = build(ApiGatewayV2Client.builder(), Region.of(REGION));
    guardduty = build(GuardDutyClient.builder(), Region.of(REGION));
  }

  private <
          B extends
              AwsClientBuilder<B, C>
                  & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, C>,
          C>
      C build(B builder, Region region) {
    return builder
        .httpClient(http)
        .region(region)
        .endpointOverride(endpoint)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
        .build();
  }

  static String fn(String name) {
    return "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + name;
  }

  static String role(String name) {
    return "arn:aws:iam::" + ACCOUNT + ":role/" + name;
  }

  /** A zip with one handler file. */
  static SdkBytes code() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("index.py"));
      zip.write("def handler(event, context):\n    return {}\n".getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return SdkBytes.fromByteArray(bytes.toByteArray());
  }

  private void role(String name, String inlineDocument) {
    iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST));
    if (inlineDocument != null) {
      iam.putRolePolicy(
          r -> r.roleName(name).policyName(name + "-inline").policyDocument(inlineDocument));
    }
  }

  /**
   * The orders application: a scoped API function with a signed URL, encrypted environment,
   * tracing, alarm and log group; a public webhook with AWS keys in its environment and a public
   * URL; a deprecated-runtime report function in one subnet that S3 may invoke from any bucket; an
   * admin task whose alias is public; a queue worker; a REST API and an HTTP API with open routes;
   * a single-region trail without validation; GuardDuty without Lambda Protection.
   */
  public void seedOrdersApp() {
    String logs =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
            + "[\"logs:CreateLogGroup\",\"logs:CreateLogStream\",\"logs:PutLogEvents\"],\"Resource\":\"*\"},"
            + "{\"Effect\":\"Allow\",\"Action\":\"dynamodb:GetItem\",\"Resource\":"
            + "\"arn:aws:dynamodb:us-east-1:123456789012:table/orders\"}]}";
    role("orders-fn-role", logs);
    role("worker-role", logs);
    role("admin-fn-role", null);
    iam.attachRolePolicy(
        r -> r.roleName("admin-fn-role").policyArn("arn:aws:iam::aws:policy/AdministratorAccess"));
    role("shared-role", null);
    String wildcard =
        iam.createPolicy(r ->
                r.policyName("wildcard-s3")
                    .policyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"))
            .policy()
            .arn();
    iam.attachRolePolicy(r -> r.roleName("shared-role").policyArn(wildcard));

    String key = kms.createKey(r -> r.description("orders env")).keyMetadata().arn();
    String vpc = ec2.createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    String subnet =
        ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.0.1.0/24").availabilityZone("us-east-1a"))
            .subnet()
            .subnetId();
    String group =
        ec2.createSecurityGroup(r -> r.vpcId(vpc).groupName("report").description("report"))
            .groupId();

    lambda.createFunction(r ->
        r.functionName("orders-api")
            .runtime(Runtime.PYTHON3_12)
            .role(role("orders-fn-role"))
            .handler("index.handler")
            .code(c -> c.zipFile(code()))
            .kmsKeyArn(key)
            .tracingConfig(t -> t.mode(TracingMode.ACTIVE))
            .environment(e ->
                e.variables(
                    Map.of(
                        "TABLE_NAME", "orders",
                        "DB_SECRET_ARN",
                            "arn:aws:secretsmanager:us-east-1:123456789012:secret:orders-db")))
            .tags(Map.of("data-classification", "confidential")));
    lambda.createFunctionUrlConfig(
        r -> r.functionName("orders-api").authType(FunctionUrlAuthType.AWS_IAM));

    lambda.createFunction(r ->
        r.functionName("public-webhook")
            .runtime(Runtime.NODEJS20_X)
            .role(role("shared-role"))
            .handler("index.handler")
            .code(c -> c.zipFile(code()))
            .environment(e ->
                e.variables(
                    Map.of(
                        "AWS_ACCESS_KEY_ID", FAKE_KEY_ID, "AWS_SECRET_ACCESS_KEY", FAKE_SECRET))));
    lambda.createFunctionUrlConfig(r ->
        r.functionName("public-webhook")
            .authType(FunctionUrlAuthType.NONE)
            .cors(c -> c.allowOrigins("*")));
    lambda.addPermission(r ->
        r.functionName("public-webhook")
            .statementId("PublicUrl")
            .action("lambda:InvokeFunctionUrl")
            .principal("*")
            .functionUrlAuthType(FunctionUrlAuthType.NONE));

    lambda.createFunction(r ->
        r.functionName("legacy-report")
            .runtime(Runtime.PYTHON3_7)
            .role(role("shared-role"))
            .handler("index.handler")
            .code(c -> c.zipFile(code()))
            .vpcConfig(v -> v.subnetIds(subnet).securityGroupIds(group)));
    lambda.addPermission(r ->
        r.functionName("legacy-report")
            .statementId("FromAnyBucket")
            .action("lambda:InvokeFunction")
            .principal("s3.amazonaws.com"));

    lambda.createFunction(r ->
        r.functionName("admin-task")
            .runtime(Runtime.PYTHON3_12)
            .role(role("admin-fn-role"))
            .handler("index.handler")
            .code(c -> c.zipFile(code())));
    String version = lambda.publishVersion(r -> r.functionName("admin-task")).version();
    lambda.createAlias(r -> r.functionName("admin-task").name("live").functionVersion(version));
    lambda.addPermission(r ->
        r.functionName("admin-task")
            .qualifier("live")
            .statementId("AnyoneMayInvokeLive")
            .action("lambda:InvokeFunction")
            .principal("*"));

    lambda.createFunction(r ->
        r.functionName("stream-worker")
            .runtime(Runtime.PYTHON3_12)
            .role(role("worker-role"))
            .handler("index.handler")
            .code(c -> c.zipFile(code())));
    String queue = sqs.createQueue(r -> r.queueName("orders")).queueUrl();
    String queueArn =
        sqs.getQueueAttributes(r -> r.queueUrl(queue).attributeNamesWithStrings("QueueArn"))
            .attributesAsStrings()
            .get("QueueArn");
    lambda.createEventSourceMapping(r -> r.functionName("stream-worker").eventSourceArn(queueArn));

    this.logs.createLogGroup(r -> r.logGroupName("/aws/lambda/orders-api"));
    this.logs.putRetentionPolicy(r -> r.logGroupName("/aws/lambda/orders-api").retentionInDays(30));
    cloudwatch.putMetricAlarm(r ->
        r.alarmName("orders-api-errors")
            .namespace("AWS/Lambda")
            .metricName("Errors")
            .dimensions(d -> d.name("FunctionName").value("orders-api"))
            .statistic("Sum")
            .period(60)
            .evaluationPeriods(1)
            .threshold(1.0)
            .comparisonOperator("GreaterThanOrEqualToThreshold")
            .alarmActions("arn:aws:sns:us-east-1:123456789012:oncall"));

    String rest = apigateway.createRestApi(r -> r.name("orders-rest")).id();
    String root =
        apigateway.getResources(r -> r.restApiId(rest)).items().stream()
            .filter(x -> "/".equals(x.path()))
            .findFirst()
            .orElseThrow()
            .id();
    String orders =
        apigateway.createResource(r -> r.restApiId(rest).parentId(root).pathPart("orders")).id();
    for (String[] m : new String[][] {{"GET", "NONE"}, {"POST", "AWS_IAM"}}) {
      apigateway.putMethod(
          r -> r.restApiId(rest).resourceId(orders).httpMethod(m[0]).authorizationType(m[1]));
      apigateway.putIntegration(r ->
          r.restApiId(rest)
              .resourceId(orders)
              .httpMethod(m[0])
              .type("AWS_PROXY")
              .integrationHttpMethod("POST")
              .uri(
                  "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                      + fn("orders-api")
                      + "/invocations"));
    }
    String httpApi =
        apigatewayv2
            .createApi(r ->
                r.name("orders-http")
                    .protocolType("HTTP")
                    .corsConfiguration(c -> c.allowOrigins("*")))
            .apiId();
    String integration =
        apigatewayv2
            .createIntegration(r ->
                r.apiId(httpApi)
                    .integrationType("AWS_PROXY")
                    .integrationUri(fn("orders-api"))
                    .payloadFormatVersion("2.0"))
            .integrationId();
    apigatewayv2.createRoute(
        r -> r.apiId(httpApi).routeKey("GET /items").target("integrations/" + integration));

    s3.createBucket(r -> r.bucket("audit-trail-logs"));
    cloudtrail.createTrail(r -> r.name("audit-trail").s3BucketName("audit-trail-logs"));
    cloudtrail.startLogging(r -> r.name("audit-trail"));
    guardduty.createDetector(r -> r.enable(true));
  }

  /**
   * An IAM user {@code auditor} allowed every action but {@code denied}, and its access key: the
   * credentials of a scan whose policy lacks those permissions (with {@link
   * MotoServer#enforceIam()}).
   */
  public AwsBasicCredentials auditorDenied(String... denied) {
    String actions = String.join("\",\"", denied);
    iam.createUser(r -> r.userName("auditor"));
    iam.putUserPolicy(r ->
        r.userName("auditor")
            .policyName("all-but")
            .policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":["
                    + "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                    + "{\"Effect\":\"Deny\",\"Action\":[\""
                    + actions
                    + "\"],\"Resource\":\"*\"}]}"));
    var key = iam.createAccessKey(r -> r.userName("auditor")).accessKey();
    return AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey());
  }

  /**
   * A large synthetic account: {@code roles} execution roles with an inline policy each, {@code
   * functions} functions spread over them (every tenth with a URL, every fifth with a service
   * permission), {@code apis} REST APIs with four methods each invoking functions. Creation runs 16
   * calls at a time.
   */
  public void seedBulk(int functions, int roles, int apis) {
    String inline =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":"
            + "[\"logs:CreateLogStream\",\"logs:PutLogEvents\"],\"Resource\":\"*\"}]}";
    parallel(roles, i -> role("bulk-role-" + i, inline));
    SdkBytes zip = code();
    parallel(
        functions,
        i -> {
          String name = "bulk-fn-" + i;
          lambda.createFunction(r ->
              r.functionName(name)
                  .runtime(Runtime.PYTHON3_12)
                  .role(role("bulk-role-" + (i % roles)))
                  .handler("index.handler")
                  .code(c -> c.zipFile(zip))
                  .environment(e -> e.variables(Map.of("STAGE", "prod", "TABLE", "t" + i)))
                  .tags(Map.of("app", "bulk")));
          if (i % 10 == 0) {
            lambda.createFunctionUrlConfig(r ->
                r.functionName(name)
                    .authType(
                        i % 20 == 0 ? FunctionUrlAuthType.NONE : FunctionUrlAuthType.AWS_IAM));
          }
          if (i % 5 == 0) {
            lambda.addPermission(r ->
                r.functionName(name)
                    .statementId("Sns")
                    .action("lambda:InvokeFunction")
                    .principal("sns.amazonaws.com")
                    .sourceArn("arn:aws:sns:us-east-1:123456789012:topic-" + i));
          }
        });
    parallel(
        apis,
        i -> {
          String api = apigateway.createRestApi(r -> r.name("bulk-api-" + i)).id();
          String root = apigateway.getResources(r -> r.restApiId(api)).items().get(0).id();
          for (int m = 0; m < 4; m++) {
            int n = m;
            String res =
                apigateway
                    .createResource(r -> r.restApiId(api).parentId(root).pathPart("r" + n))
                    .id();
            apigateway.putMethod(
                r -> r.restApiId(api).resourceId(res).httpMethod("GET").authorizationType("NONE"));
            apigateway.putIntegration(r ->
                r.restApiId(api)
                    .resourceId(res)
                    .httpMethod("GET")
                    .type("AWS_PROXY")
                    .integrationHttpMethod("POST")
                    .uri(
                        "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                            + fn("bulk-fn-" + ((i * 4 + n) % functions))
                            + "/invocations"));
          }
        });
  }

  /** Runs {@code task(0..n-1)} with 16 in flight; rethrows the first failure. */
  private static void parallel(int n, java.util.function.IntConsumer task) {
    Semaphore slots = new Semaphore(16);
    List<Future<?>> futures = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < n; i++) {
        int k = i;
        futures.add(
            pool.submit(() -> {
              slots.acquireUninterruptibly();
              try {
                task.accept(k);
              } finally {
                slots.release();
              }
            }));
      }
    }
    for (Future<?> f : futures) {
      if (f.state() == Future.State.FAILED) {
        throw new IllegalStateException("seeding failed", f.exceptionNow());
      }
    }
  }

  @Override
  public void close() {
    for (AutoCloseable c :
        List.of(
            iam,
            lambda,
            kms,
            ec2,
            sqs,
            s3,
            cloudtrail,
            logs,
            cloudwatch,
            apigateway,
            apigatewayv2,
            guardduty)) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    http.close();
  }
}
