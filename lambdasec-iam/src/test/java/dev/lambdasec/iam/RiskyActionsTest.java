package dev.lambdasec.iam;

import static dev.lambdasec.iam.TestApps.allow;
import static dev.lambdasec.iam.TestApps.permissions;
import static dev.lambdasec.iam.TestApps.role;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.iam.catalog.ActionCatalog;
import dev.lambdasec.iam.catalog.ActionInfo;
import dev.lambdasec.iam.risk.RiskCatalog;
import dev.lambdasec.iam.risk.RiskyActions;
import dev.lambdasec.iam.risk.RiskyActions.Kind;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskyActionsTest {

  private static final RiskyActions RISKY =
      RiskyActions.of(ActionCatalog.bundled(), RiskCatalog.bundled());

  @ParameterizedTest(name = "{0} on {1}: {2} -> {3}")
  @CsvSource(
      delimiter = ';',
      value = {
        "s3:GetObject; *; DATA_EXFILTRATION; s3:GetObject",
        "s3:GetObject; arn:aws:s3:::reports/*; DATA_EXFILTRATION; ''",
        "secretsmanager:*; *; DATA_EXFILTRATION; secretsmanager:GetSecretValue",
        "iam:CreateAccessKey; *; CREDENTIALS_EXPOSURE; iam:CreateAccessKey",
        "ecr:GetAuthorizationToken; *; CREDENTIALS_EXPOSURE; ''",
        "iam:ChangePassword; *; PERMISSIONS_MANAGEMENT; iam:ChangePassword",
        "s3:PutBucketAcl; *; PERMISSIONS_MANAGEMENT; s3:PutBucketAcl",
        "s3:Get*; *; PERMISSIONS_MANAGEMENT; ''",
        "s3:PutObject; *; WRITE; s3:PutObject",
        "s3:Get*; *; WRITE; ''",
        "logs:PutLogEvents; arn:aws:logs:*:*:log-group:/aws/lambda/*; WRITE; ''"
      })
  void findsRiskyActionsGrantedWithoutScoping(
      String action, String resource, Kind kind, String expected) {
    EffectivePermissions p =
        permissions(role("R", List.of(), allow("\"" + action + "\"", "\"" + resource + "\"")));
    List<String> found = RISKY.unscoped(p, kind).stream().map(g -> g.action().fullName()).toList();
    if (expected.isEmpty()) {
      assertThat(found).isEmpty();
    } else {
      assertThat(found).contains(expected);
    }
  }

  @ParameterizedTest
  @CsvSource({"DATA_EXFILTRATION", "CREDENTIALS_EXPOSURE", "PERMISSIONS_MANAGEMENT", "WRITE"})
  void everyListedActionCanBeScoped(Kind kind) {
    ActionCatalog c = ActionCatalog.bundled();
    assertThat(c.actions(RISKY.of(kind)))
        .isNotEmpty()
        .allMatch(ActionInfo::supportsResourceScoping);
  }
}
