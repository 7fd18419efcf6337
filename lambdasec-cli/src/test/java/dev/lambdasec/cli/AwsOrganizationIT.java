package dev.lambdasec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lambdasec.source.aws.emulator.AccountSeeder;
import dev.lambdasec.source.aws.emulator.Emulators;
import dev.lambdasec.source.aws.emulator.MotoServer;
import dev.lambdasec.source.aws.emulator.OrganizationSeeder;
import dev.lambdasec.source.aws.snapshot.LambdaFacts;
import dev.lambdasec.source.aws.snapshot.Snapshot;
import dev.lambdasec.source.aws.snapshot.SnapshotJson;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --assume-role} with {@code --external-id}, and {@code --org} with {@code --org-role-name},
 * against an organization in moto enforcing IAM: an auditor user assumes the audit role of the
 * management account, which assumes the named role in each member account; credentials of an
 * assumed role act in the account of the role's ARN.
 */
class AwsOrganizationIT {

  private static final String MEMBER_ROLE = "LambdasecAudit";

  private static MotoServer moto;
  private static String endpoint;
  private static OrganizationSeeder.Organization org;

  @BeforeAll
  static void startMotoWithAnOrganization() throws Exception {
    assumeTrue(
        MotoServer.executable().isPresent(),
        "moto_server is not on the PATH: install moto[server] 5.2 to run the live-account tests");
    moto = MotoServer.start();
    endpoint = moto.endpoint().toString();
    try (OrganizationSeeder seeder = new OrganizationSeeder(moto.endpoint())) {
      org = seeder.seed(MEMBER_ROLE);
    }
    moto.enforceIam();
    Emulators.useTestCredentials();
    System.setProperty("aws.accessKeyId", org.auditor().accessKeyId());
    System.setProperty("aws.secretAccessKey", org.auditor().secretAccessKey());
  }

  @AfterAll
  static void stop() {
    Emulators.useTestCredentials();
    if (moto != null) {
      moto.close();
    }
  }

  private static Cli collect(Path out, String... options) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "aws",
                "collect",
                "--endpoint-url",
                endpoint,
                "--regions",
                AccountSeeder.REGION,
                "-o",
                out.toString()));
    args.addAll(List.of(options));
    return Cli.run(args.toArray(String[]::new));
  }

  private static List<String> functionArns(Snapshot.Account account) {
    return account.regions().stream()
        .flatMap(r -> r.functions().stream())
        .map(LambdaFacts.Function::arn)
        .toList();
  }

  @Test
  void collectsEveryMemberThroughTheAuditRoleAndRecordsTheOneItCannotEnter(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("org.json");
    Cli cli =
        collect(
            out,
            "--assume-role",
            OrganizationSeeder.AUDIT_ROLE,
            "--external-id",
            OrganizationSeeder.EXTERNAL_ID,
            "--org",
            "--org-role-name",
            MEMBER_ROLE);

    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.OK);
    Snapshot snapshot = SnapshotJson.read(out);
    assertThat(snapshot.accounts())
        .extracting(Snapshot.Account::accountId)
        .containsExactly(AccountSeeder.ACCOUNT, org.member());
    Snapshot.Account member = snapshot.accounts().get(1);
    assertThat(functionArns(member))
        .containsExactly("arn:aws:lambda:us-east-1:" + org.member() + ":function:orders-prod-api");
    assertThat(member.iam().roles())
        .extracting(r -> r.arn())
        .contains("arn:aws:iam::" + org.member() + ":role/orders-prod-fn");
    assertThat(functionArns(snapshot.accounts().get(0))).isEmpty();
    assertThat(snapshot.complete()).isFalse();
    assertThat(snapshot.gaps())
        .filteredOn(g -> org.locked().equals(g.account()))
        .singleElement()
        .satisfies(g -> {
          assertThat(g.kind()).isEqualTo(Snapshot.GapKind.ACCESS_DENIED);
          assertThat(g.operation()).isEqualTo("sts:AssumeRole");
          assertThat(g.message()).contains(MEMBER_ROLE).contains(org.locked());
        });
    assertThat(cli.err()).contains("the snapshot is incomplete");
  }

  @Test
  void assumesARoleInAMemberAccountAndCollectsThatAccount(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("member.json");
    Cli cli =
        collect(out, "--assume-role", "arn:aws:iam::" + org.member() + ":role/" + MEMBER_ROLE);

    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.OK);
    Snapshot snapshot = SnapshotJson.read(out);
    assertThat(snapshot.accounts())
        .singleElement()
        .satisfies(a -> {
          assertThat(a.accountId()).isEqualTo(org.member());
          assertThat(functionArns(a))
              .containsExactly(
                  "arn:aws:lambda:us-east-1:" + org.member() + ":function:orders-prod-api");
        });
  }

  @Test
  void aWrongExternalIdIsRefusedWithoutACrash(@TempDir Path dir) {
    Path out = dir.resolve("refused.json");
    Cli cli =
        collect(
            out,
            "--assume-role",
            OrganizationSeeder.AUDIT_ROLE,
            "--external-id",
            "not-" + OrganizationSeeder.EXTERNAL_ID);

    assertThat(cli.exitCode()).isNotEqualTo(ExitCodes.OK);
    assertThat(cli.err())
        // AWS answers AccessDenied; moto's STS error carries no code the SDK reads, only the 403
        .containsPattern(
            "cannot assume "
                + java.util.regex.Pattern.quote(OrganizationSeeder.AUDIT_ROLE)
                + " \\((AccessDenied|HTTP 403)\\)")
        .contains("external id");
    assertThat(out).doesNotExist();
  }
}
