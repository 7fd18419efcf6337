package dev.lambdasec.iam;

import static dev.lambdasec.iam.TestApps.allow;
import static dev.lambdasec.iam.TestApps.permissions;
import static dev.lambdasec.iam.TestApps.role;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.iam.catalog.ActionCatalog;
import dev.lambdasec.iam.catalog.ActionInfo;
import dev.lambdasec.iam.policy.PolicyWriter;
import dev.lambdasec.iam.policy.Statement;
import dev.lambdasec.iam.suggest.LeastPrivilege;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeastPrivilegeTest {

  private final ActionCatalog catalog = ActionCatalog.bundled();

  @Test
  void keepsOnlyNeededActionsOnTheResourcesTheSourceAllowed() {
    EffectivePermissions p =
        permissions(
            role(
                "R",
                List.of("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
                allow("\"s3:*\"", "\"arn:aws:s3:::reports/*\""),
                allow("[\"dynamodb:*\"]", "[\"${Table.Arn}\",\"${Table.Arn}/index/*\"]")));
    LeastPrivilege.Result r =
        LeastPrivilege.analyze(
            p,
            List.of(
                "s3:GetObject",
                "dynamodb:Query",
                "logs:PutLogEvents",
                "sqs:SendMessage",
                "s3:Nope"));
    assertThat(r.unknownNeeds()).containsExactly("s3:Nope");
    assertThat(catalog.actions(r.missing()).map(ActionInfo::fullName))
        .containsExactly("sqs:SendMessage");
    assertThat(r.unneeded().contains(catalog.find("s3:DeleteObject").orElseThrow())).isTrue();
    assertThat(r.unneeded().contains(catalog.find("s3:GetObject").orElseThrow())).isFalse();
    List<Statement> statements = r.suggestion().statements();
    assertThat(statements)
        .extracting(s -> s.sid() + " " + s.action().known() + " " + s.resource().known())
        .containsExactly(
            "Dynamodb [dynamodb:Query] [${Table.Arn}, ${Table.Arn}/index/*]",
            "Logs [logs:PutLogEvents] [*]",
            "S3 [s3:GetObject] [arn:aws:s3:::reports/*]");
    assertThat(r.broad()).containsExactly("logs:PutLogEvents");
    assertThat(PolicyWriter.write(r.suggestion())).contains("\"Version\" : \"2012-10-17\"");
  }

  @Test
  void keepsTheConditionsOfConditionalGrants() {
    EffectivePermissions p =
        permissions(
            role(
                "R",
                List.of(),
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\","
                    + "\"Condition\":{\"StringEquals\":{\"kms:ViaService\":\"secretsmanager.us-east-1.amazonaws.com\"}}}}"));
    LeastPrivilege.Result r = LeastPrivilege.analyze(p, List.of("kms:Decrypt"));
    assertThat(r.suggestion().statements().get(0).conditions())
        .extracting(c -> c.key())
        .containsExactly("kms:ViaService");
    assertThat(r.unneeded().isEmpty()).isTrue();
  }
}
