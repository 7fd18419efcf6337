package dev.lambdasec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan --aws-snapshot} without an account: options, errors and locations. */
class AwsSnapshotScanTest {

  private static final String SNAPSHOT =
      """
      {"version": 1, "accounts": [{"accountId": "123456789012", "regions": [{"region": "us-east-1",
        "functions": [{"arn": "arn:aws:lambda:us-east-1:123456789012:function:open", "name": "open",
          "runtime": "python3.12", "urls": [{"authType": "NONE"}]}]}]}]}
      """;

  @Test
  void aSnapshotIsScannedWithArnsAsLocations(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("snap.json");
    Files.writeString(file, SNAPSHOT);

    Cli cli =
        Cli.run("scan", "--aws-snapshot", file.toString(), "-f", "sarif", "--rules", "LAMBDA-001");

    assertThat(cli.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(cli.out())
        .contains("arn:aws:lambda:us-east-1:123456789012:function:open#url")
        .contains("logicalLocations");
  }

  @Test
  void theConsoleSummaryCountsTheAccountAndItsRegions(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("snap.json");
    Files.writeString(file, SNAPSHOT);

    Cli cli = Cli.run("scan", "--aws-snapshot", file.toString(), "--rules", "LAMBDA-001");

    assertThat(cli.out()).contains("1 AWS account, 1 account region, 1 function");
  }

  @Test
  void aMissingOrMalformedSnapshotExitsWithThree(@TempDir Path dir) throws Exception {
    assertThat(Cli.run("scan", "--aws-snapshot", dir.resolve("none.json").toString()).exitCode())
        .isEqualTo(ExitCodes.INPUT);
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"version\": 99}");
    Cli cli = Cli.run("scan", "--aws-snapshot", bad.toString());
    assertThat(cli.exitCode()).isEqualTo(ExitCodes.INPUT);
    assertThat(cli.err()).contains("version 99 is not supported");
  }

  @Test
  void awsAndASnapshotTogetherAreAUsageError(@TempDir Path dir) {
    assertThat(
            Cli.run("scan", "--aws", "--aws-snapshot", dir.resolve("s.json").toString()).exitCode())
        .isEqualTo(ExitCodes.USAGE);
  }
}
