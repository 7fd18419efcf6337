package dev.lambdasec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lambdasec.source.aws.emulator.AccountSeeder;
import dev.lambdasec.source.aws.emulator.Emulators;
import dev.lambdasec.source.aws.emulator.MotoServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * A scan whose credentials lack two permissions, against moto enforcing IAM: it does not crash, the
 * checks that need the denied calls are UNKNOWN and name the permission, and the snapshot is still
 * written, marked incomplete.
 */
class AwsAccessDeniedIT {

  private static MotoServer moto;
  private static String endpoint;

  @BeforeAll
  static void startMotoWithAnAuditorLackingTwoPermissions() throws Exception {
    assumeTrue(
        MotoServer.executable().isPresent(),
        "moto_server is not on the PATH: install moto[server] 5.2 to run the live-account tests");
    moto = MotoServer.start();
    endpoint = moto.endpoint().toString();
    AwsBasicCredentials auditor;
    try (AccountSeeder seeder = new AccountSeeder(moto.endpoint())) {
      seeder.seedOrdersApp();
      auditor = seeder.auditorDenied("lambda:GetPolicy", "cloudtrail:GetEventSelectors");
    }
    moto.enforceIam();
    Emulators.useTestCredentials();
    System.setProperty("aws.accessKeyId", auditor.accessKeyId());
    System.setProperty("aws.secretAccessKey", auditor.secretAccessKey());
  }

  @AfterAll
  static void stop() {
    Emulators.useTestCredentials();
    if (moto != null) {
      moto.close();
    }
  }

  @Test
  void deniedCallsBecomeUnknownResultsNamingThePermission() throws Exception {
    Cli cli =
        Cli.run(
            "scan",
            "--aws",
            "--endpoint-url",
            endpoint,
            "--regions",
            "us-east-1",
            "-f",
            "json",
            "--rules",
            "LAMBDA-003,ACCOUNT-002,LAMBDA-001");

    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.FINDINGS);
    JsonNode report = new ObjectMapper().readTree(cli.out());
    List<String> unknown = new ArrayList<>();
    for (JsonNode f : report.path("findings")) {
      if (f.path("status").asText().equals("UNKNOWN")) {
        unknown.add(f.path("ruleId").asText() + " " + f.path("message").asText());
      }
    }
    assertThat(unknown)
        .filteredOn(u -> u.startsWith("LAMBDA-003 "))
        .isNotEmpty()
        .allSatisfy(u -> assertThat(u).contains("lambdasec was denied lambda:GetPolicy"));
    assertThat(unknown)
        .filteredOn(u -> u.startsWith("ACCOUNT-002 "))
        .singleElement()
        .satisfies(
            u -> assertThat(u).contains("lambdasec was denied cloudtrail:GetEventSelectors"));
    // no permission could be read, so none is judged; what the denied calls do not touch still is
    assertThat(report.path("findings"))
        .filteredOn(f -> f.path("ruleId").asText().equals("LAMBDA-003"))
        .extracting(f -> f.path("status").asText())
        .containsOnly("UNKNOWN");
    assertThat(report.path("findings"))
        .filteredOn(f -> f.path("ruleId").asText().equals("LAMBDA-001"))
        .extracting(f -> f.path("status").asText())
        .containsOnly("PASS", "FAIL");
    assertThat(report.path("errors").findValuesAsText("message"))
        .anySatisfy(m -> assertThat(m).startsWith("lambdasec was denied lambda:GetPolicy"));
    // moto also denies a few operations it files under lambda:GetPolicy; AWS would not
    assertThat(cli.err())
        .contains("the snapshot is incomplete")
        .containsPattern("permissions missing: cloudtrail:GetEventSelectors, .*lambda:GetPolicy");
  }

  @Test
  void thePartialSnapshotIsWrittenAndMarkedIncomplete(@TempDir Path dir) throws Exception {
    Path snapshot = dir.resolve("partial.json");
    Cli cli =
        Cli.run(
            "aws",
            "collect",
            "--endpoint-url",
            endpoint,
            "--regions",
            "us-east-1",
            "-o",
            snapshot.toString());

    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.OK);
    JsonNode json = new ObjectMapper().readTree(Files.readString(snapshot));
    assertThat(json.path("complete").asBoolean(true)).isFalse();
    assertThat(json.path("gaps"))
        .filteredOn(g -> g.path("kind").asText().equals("ACCESS_DENIED"))
        .extracting(g -> g.path("operation").asText())
        .contains("lambda:GetPolicy", "cloudtrail:GetEventSelectors");
    assertThat(json.path("accounts").get(0).path("regions").get(0).path("functions")).hasSize(5);
  }
}
