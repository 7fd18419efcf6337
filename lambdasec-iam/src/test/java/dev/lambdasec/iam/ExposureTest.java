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
        "{\"Service\":\"s3.amazonaws.com\"}| |false"
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
}
