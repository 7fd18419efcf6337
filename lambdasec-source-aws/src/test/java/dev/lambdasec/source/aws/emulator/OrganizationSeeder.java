package dev.lambdasec.source.aws.emulator;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * An organization in moto, created the way an administrator would: the management account {@link
 * AccountSeeder#ACCOUNT} creates two member accounts, each with an access role of the given name,
 * and deploys a function into each by assuming that role; an {@code auditor} user that may assume
 * roles (and nothing else), and an audit role in the management account that it may assume with an
 * external id only, which may read everything but is denied {@code sts:AssumeRole} into the second
 * member (a member whose role cannot be assumed).
 */
public final class OrganizationSeeder implements AutoCloseable {

  /** The audit role of the management account. */
  public static final String AUDIT_ROLE = "arn:aws:iam::" + AccountSeeder.ACCOUNT + ":role/audit";

  /** The external id the audit role's trust policy requires. */
  public static final String EXTERNAL_ID = "audit-7f3a";

  /** What was created: the member accounts and the auditor's access key. */
  public record Organization(String member, String locked, AwsBasicCredentials auditor) {}

  private static final String LAMBDA_TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
          + "{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  private final SdkHttpClient http = Apache5HttpClient.builder().build();
  private final URI endpoint;
  private final List<SdkAutoCloseable> clients = new ArrayList<>();
  private final StaticCredentialsProvider root =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing"));

  public OrganizationSeeder(URI endpoint) {
    this.endpoint = endpoint;
  }

  private <
          B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkAutoCloseable>
      C client(B builder, StaticCredentialsProvider credentials, Region region) {
    C c =
        builder
            .httpClient(http)
            .region(region)
            .endpointOverride(endpoint)
            .credentialsProvider(credentials)
            .build();
    clients.add(c);
    return c;
  }

  /**
   * Creates the organization; {@code memberRole} is the role each member account gets for the
   * management account ({@code OrganizationAccountAccessRole} unless named otherwise).
   */
  public Organization seed(String memberRole) {
    OrganizationsClient org = client(OrganizationsClient.builder(), root, Region.US_EAST_1);
    org.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    String member = account(org, "orders-prod", memberRole);
    String locked = account(org, "payments-prod", memberRole);
    IamClient iam = client(IamClient.builder(), root, Region.AWS_GLOBAL);
    iam.createUser(r -> r.userName("auditor"));
    iam.putUserPolicy(r ->
        r.userName("auditor")
            .policyName("assume-roles")
            .policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                    + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}"));
    var key = iam.createAccessKey(r -> r.userName("auditor")).accessKey();
    iam.createRole(r ->
        r.roleName("audit")
            .assumeRolePolicyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                    + "{\"AWS\":\"arn:aws:iam::"
                    + AccountSeeder.ACCOUNT
                    + ":user/auditor\"},\"Action\":\"sts:AssumeRole\",\"Condition\":"
                    + "{\"StringEquals\":{\"sts:ExternalId\":\""
                    + EXTERNAL_ID
                    + "\"}}}]}"));
    iam.putRolePolicy(r ->
        r.roleName("audit")
            .policyName("read-and-assume")
            .policyDocument(
                "{\"Version\":\"2012-10-17\",\"Statement\":["
                    + "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"},"
                    + "{\"Effect\":\"Deny\",\"Action\":\"sts:AssumeRole\",\"Resource\":"
                    + "\"arn:aws:iam::"
                    + locked
                    + ":role/*\"}]}"));
    return new Organization(
        member, locked, AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey()));
  }

  /** A member account with its access role, and a function deployed through that role. */
  private String account(OrganizationsClient org, String name, String memberRole) {
    String id =
        org.createAccount(
                r -> r.accountName(name).email(name + "@example.com").roleName(memberRole))
            .createAccountStatus()
            .accountId();
    StsClient sts = client(StsClient.builder(), root, Region.US_EAST_1);
    Credentials c =
        sts.assumeRole(r ->
                r.roleArn("arn:aws:iam::" + id + ":role/" + memberRole).roleSessionName("deploy"))
            .credentials();
    AwsCredentials session =
        AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    StaticCredentialsProvider in = StaticCredentialsProvider.create(session);
    IamClient iam = client(IamClient.builder(), in, Region.AWS_GLOBAL);
    // real member accounts attach AdministratorAccess to the access role
    iam.attachRolePolicy(
        r -> r.roleName(memberRole).policyArn("arn:aws:iam::aws:policy/AdministratorAccess"));
    iam.createRole(r -> r.roleName(name + "-fn").assumeRolePolicyDocument(LAMBDA_TRUST));
    LambdaClient lambda = client(LambdaClient.builder(), in, Region.of(AccountSeeder.REGION));
    lambda.createFunction(r ->
        r.functionName(name + "-api")
            .runtime(Runtime.PYTHON3_12)
            .role("arn:aws:iam::" + id + ":role/" + name + "-fn")
            .handler("index.handler")
            .code(z -> z.zipFile(AccountSeeder.code())));
    return id;
  }

  @Override
  public void close() {
    clients.forEach(SdkAutoCloseable::close);
    http.close();
  }
}
