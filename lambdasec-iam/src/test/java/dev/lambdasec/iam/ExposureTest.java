package dev.lambdasec.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.iam.policy.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExposureTest {

  private static Statement statement(String principal, String condition) {
    return Policies.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Principal\":"
                + principal
                + ",\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"*\""
                + (condition.isEmpty() ? "" : ",\"Condition\":" + condition)
                + "}}")
        .statements()
        .get(0);
  }

  @ParameterizedTest(name = "{0} {1} public={2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "\"*\"| |true",
        "{\"AWS\":\"*\"}| |true",
        "{\"AWS\":[\"arn:aws:iam::111122223333:root\",\"*\"]}| |true",
        "\"*\"|{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-abc123\"}}|false",
        "\"*\"|{\"ArnLike\":{\"AWS:SourceArn\":\"arn:aws:s3:::my-bucket\"}}|false",
        "\"*\"|{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:s3:::*\"}}|true",
        "\"*\"|{\"StringEquals\":{\"aws:SourceAccount\":\"*\"}}|true",
        "\"*\"|{\"StringEqualsIfExists\":{\"aws:SourceAccount\":\"111122223333\"}}|true",
        "\"*\"|{\"StringNotEquals\":{\"aws:SourceAccount\":\"111122223333\"}}|true",
        "\"*\"|{\"StringEquals\":{\"lambda:FunctionUrlAuthType\":\"NONE\"}}|true",
        "{\"Service\":\"s3.amazonaws.com\"}| |false",
        "{\"AWS\":\"arn:aws:iam::*:root\"}| |true",
        "{\"CanonicalUser\":\"*\"}| |true",
        "\"*\"|{\"IpAddress\":{\"aws:SourceIp\":\"203.0.113.0/24\"}}|false",
        "\"*\"|{\"IpAddress\":{\"aws:SourceIp\":\"0.0.0.0/0\"}}|true",
        "\"*\"|{\"ForAllValues:StringEquals\":{\"aws:PrincipalOrgPaths\":\"o-a/r-b/*\"}}|true",
        "\"*\"|{\"ForAnyValue:StringLike\":{\"aws:PrincipalOrgPaths\":\"o-a/r-b/*\"}}|false",
        "\"*\"|{\"StringEquals\":{\"lambda:EventSourceToken\":\"amzn1.ask.skill.1\"}}|false",
        "\"*\"|{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1a2b\"}}|false"
      })
  void decidesPublicAccessFromPrincipalAndConditions(
      String principal, String condition, boolean expected) {
    assertThat(Exposure.of(statement(principal, condition == null ? "" : condition)).isPublic())
        .isEqualTo(expected);
  }

  @Test
  void findsSourceConditionsForServicePrincipals() {
    Statement scoped =
        statement(
            "{\"Service\":\"sns.amazonaws.com\"}",
            "{\"ArnLike\":{\"AWS:SourceArn\":\"arn:aws:sns:us-east-1:111122223333:topic\"}}");
    Statement open = statement("{\"Service\":\"sns.amazonaws.com\"}", "");
    assertThat(Exposure.of(scoped).audience()).isEqualTo(Exposure.Audience.SERVICE);
    assertThat(Exposure.sourceConditions(scoped)).hasSize(1);
    assertThat(Exposure.sourceConditions(open)).isEmpty();
  }

  @Test
  void namesAccountsAndWholeAccountGrants() {
    Exposure e =
        Exposure.of(
            statement(
                "{\"AWS\":[\"111122223333\",\"arn:aws:iam::444455556666:role/ci\","
                    + "\"arn:aws:iam::${AWS::AccountId}:root\"]}",
                ""));
    assertThat(e.audience()).isEqualTo(Exposure.Audience.ACCOUNTS);
    assertThat(e.accounts()).containsExactly("111122223333", "444455556666");
    assertThat(e.wholeAccounts()).containsExactly("111122223333");
    assertThat(e.otherAccounts(java.util.Set.of("444455556666"))).containsExactly("111122223333");
    Exposure viaSource =
        Exposure.of(
            statement(
                "{\"Service\":\"s3.amazonaws.com\"}",
                "{\"StringEquals\":{\"aws:SourceAccount\":\"777788889999\"}}"));
    assertThat(viaSource.accounts()).containsExactly("777788889999");
  }

  @Test
  void unresolvedNarrowingValuesMakeTheAnswerUnknown() {
    dev.lambdasec.model.Origin o = dev.lambdasec.model.Origin.NONE;
    var principal = new dev.lambdasec.iam.policy.Principals(true, java.util.Map.of(), o);
    var condition =
        dev.lambdasec.iam.policy.Condition.of(
            "StringEquals",
            "aws:SourceAccount",
            java.util.List.of(dev.lambdasec.model.Value.unresolved(o, "parameter")),
            o);
    Statement s = statement("\"*\"", "");
    Statement withUnresolved =
        new Statement(
            0,
            null,
            s.effect(),
            principal,
            null,
            s.action(),
            s.notAction(),
            s.resource(),
            s.notResource(),
            java.util.List.of(condition),
            o);
    Exposure e = Exposure.of(withUnresolved);
    assertThat(e.unresolved()).isTrue();
    assertThat(e.restrictions()).isEmpty();
    assertThat(Exposure.sourceConditionsUnresolved(withUnresolved)).isTrue();
  }
}
