package dev.lambdasec.source.aws.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lambdasec.secrets.SecretDetector;
import dev.lambdasec.source.aws.emulator.AccountSeeder;
import dev.lambdasec.source.aws.emulator.Emulators;
import dev.lambdasec.source.aws.emulator.MotoServer;
import dev.lambdasec.source.aws.snapshot.LambdaFacts;
import dev.lambdasec.source.aws.snapshot.LambdaFacts.EnvKind;
import dev.lambdasec.source.aws.snapshot.Snapshot;
import dev.lambdasec.source.aws.snapshot.SnapshotJson;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The collector against moto, with an account created through the SDK. */
class MotoCollectionIT {

  private static MotoServer moto;
  private static Snapshot snapshot;
  private static ApiStats stats;

  @BeforeAll
  static void collectTheOrdersAccount() throws Exception {
    assumeTrue(
        MotoServer.executable().isPresent(),
        "moto_server is not on the PATH: install moto[server] 5.2 to run the live-collector tests");
    moto = MotoServer.start();
    try (AccountSeeder seeder = new AccountSeeder(moto.endpoint())) {
      seeder.seedOrdersApp();
    }
    Emulators.useTestCredentials();
    stats = new ApiStats();
    snapshot =
        new AwsCollector(SecretDetector.bundled(), Clock.systemUTC(), "test")
            .collect(Emulators.options(moto.endpoint()), Progress.NONE, stats);
    java.nio.file.Files.writeString(
        java.nio.file.Path.of("target/moto-orders-snapshot.json"), SnapshotJson.toJson(snapshot));
  }

  @AfterAll
  static void stop() {
    if (moto != null) {
      moto.close();
    }
  }

  private static Map<String, LambdaFacts.Function> functions() {
    return snapshot.accounts().get(0).regions().get(0).functions().stream()
        .collect(Collectors.toMap(LambdaFacts.Function::name, Function.identity()));
  }

  @Test
  void collectsEveryFunctionWithItsPoliciesUrlsAndAliases() {
    assertThat(snapshot.accounts())
        .singleElement()
        .extracting(Snapshot.Account::accountId)
        .isEqualTo(AccountSeeder.ACCOUNT);
    Map<String, LambdaFacts.Function> fns = functions();
    assertThat(fns)
        .containsOnlyKeys(
            "orders-api", "public-webhook", "legacy-report", "admin-task", "stream-worker");
    assertThat(fns.get("orders-api").urls())
        .extracting(LambdaFacts.Url::authType)
        .containsExactly("AWS_IAM");
    assertThat(fns.get("public-webhook").urls())
        .extracting(LambdaFacts.Url::authType)
        .containsExactly("NONE");
    assertThat(fns.get("public-webhook").policies())
        .singleElement()
        .satisfies(p -> assertThat(p.document()).contains("PublicUrl"));
    assertThat(fns.get("admin-task").aliases()).containsExactly("live");
    assertThat(fns.get("admin-task").policies())
        .extracting(LambdaFacts.ResourcePolicy::qualifier)
        .contains("live");
    assertThat(fns.get("orders-api").tags()).containsEntry("data-classification", "confidential");
    // moto does not return KMSKeyArn in ListFunctions: keys are covered by the WireMock tests
    assertThat(fns.get("legacy-report").vpc()).isNotNull();
    assertThat(fns.get("legacy-report").runtime()).isEqualTo("python3.7");
  }

  @Test
  void keepsNoSecretInClear() {
    LambdaFacts.Function webhook = functions().get("public-webhook");
    assertThat(webhook.environment())
        .allSatisfy(v -> {
          assertThat(v.kind()).isEqualTo(EnvKind.SECRET);
          assertThat(v.value()).isNull();
          assertThat(v.fingerprint()).startsWith("hmac-sha256:");
        });
    Map<String, EnvKind> orders =
        functions().get("orders-api").environment().stream()
            .collect(Collectors.toMap(LambdaFacts.EnvVar::name, LambdaFacts.EnvVar::kind));
    assertThat(orders)
        .containsEntry("TABLE_NAME", EnvKind.WITHHELD)
        .containsEntry("DB_SECRET_ARN", EnvKind.REFERENCE);
    String json = SnapshotJson.toJson(snapshot);
    assertThat(json)
        .doesNotContain(AccountSeeder.FAKE_KEY_ID)
        .doesNotContain(AccountSeeder.FAKE_SECRET);
  }

  @Test
  void collectsIamApisTrailsAndSupportingResources() {
    Snapshot.Account account = snapshot.accounts().get(0);
    assertThat(account.iam().roles())
        .extracting(r -> r.name())
        .contains("orders-fn-role", "admin-fn-role", "shared-role", "worker-role");
    assertThat(account.iam().policies()).extracting(p -> p.name()).contains("wildcard-s3");
    Snapshot.Region region = account.regions().get(0);
    assertThat(region.apis()).extracting(a -> a.kind()).containsExactlyInAnyOrder("REST", "HTTP");
    assertThat(
            region.apis().stream()
                .flatMap(a -> a.routes().stream())
                .map(r -> r.method() + " " + r.path()))
        .contains("GET /orders", "POST /orders", "GET /items");
    assertThat(region.trails())
        .singleElement()
        .satisfies(t -> {
          assertThat(t.multiRegion()).isFalse();
          assertThat(t.logging()).isTrue();
        });
    assertThat(region.logGroups()).extracting(g -> g.name()).contains("/aws/lambda/orders-api");
    assertThat(region.alarms()).extracting(a -> a.name()).containsExactly("orders-api-errors");
    assertThat(region.eventSourceMappings()).hasSize(1);
    assertThat(region.subnets())
        .singleElement()
        .satisfies(s -> assertThat(s.availabilityZone()).isEqualTo("us-east-1a"));
  }

  @Test
  void staysWithinTheCallBudgetAndRecordsItsGaps() {
    assertThat(snapshot.calls()).isNotNull();
    assertThat(stats.calls()).isPositive();
    assertThat(snapshot.gaps()).extracting(Snapshot.Gap::facet).contains("reservedConcurrency");
    List<String> denied =
        snapshot.gaps().stream()
            .filter(g -> g.kind() == Snapshot.GapKind.ACCESS_DENIED)
            .map(Snapshot.Gap::operation)
            .toList();
    assertThat(denied).isEmpty();
  }

  @Test
  void everyActionUsedIsInTheShippedReadOnlyPolicy() throws Exception {
    assertThat(stats.actions())
        .contains("lambda:ListFunctions", "iam:GetAccountAuthorizationDetails");
    assertThat(ReadOnlyPolicy.actions()).containsAll(stats.actions());
  }

  @Test
  void everyActionOfADeepCollectionIsInTheShippedReadOnlyPolicy() throws Exception {
    CollectOptions o = Emulators.options(moto.endpoint());
    CollectOptions deep =
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
            o.maxAttempts());
    ApiStats deepStats = new ApiStats();
    new AwsCollector(SecretDetector.bundled(), Clock.systemUTC(), "test")
        .collect(deep, Progress.NONE, deepStats);

    assertThat(deepStats.actions())
        .contains("lambda:GetFunctionConcurrency", "lambda:ListAliases")
        .containsAll(stats.actions());
    assertThat(ReadOnlyPolicy.actions()).containsAll(deepStats.actions());
  }
}
