package dev.lambdasec.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.iam.policy.Condition;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Value;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionEvaluatorTest {

  private static Condition condition(String operator, String key, String values) {
    List<Value<String>> v =
        Arrays.stream(values.split("\\|")).map(s -> Value.set(s, Origin.NONE)).toList();
    return Condition.of(operator, key, v, Origin.NONE);
  }

  private static RequestContext request(String key, String values) {
    return values.equals("<absent>")
        ? RequestContext.of(Map.of())
        : RequestContext.of(Map.of(key, Arrays.asList(values.split("\\|"))));
  }

  @ParameterizedTest(name = "{0} {1}={2} vs {3} -> {4}")
  @CsvSource(
      delimiter = ';',
      value = {
        "StringEquals; aws:SourceAccount; 111122223333; 111122223333; YES",
        "StringEquals; aws:SourceAccount; 111122223333; 444455556666; NO",
        "StringEquals; aws:SourceAccount; 111122223333; <absent>; NO",
        "StringNotEquals; aws:SourceAccount; 111122223333; 444455556666; YES",
        "StringNotEquals; aws:SourceAccount; 111122223333; <absent>; YES",
        "StringEqualsIfExists; aws:SourceAccount; 111122223333; <absent>; YES",
        "StringEqualsIgnoreCase; aws:username; Bob; bob; YES",
        "StringLike; aws:SourceArn; arn:aws:s3:::logs-*; arn:aws:s3:::logs-prod; YES",
        "StringNotLike; aws:SourceArn; arn:aws:s3:::logs-*; arn:aws:s3:::logs-prod; NO",
        "ArnLike; aws:SourceArn; arn:aws:sns:*:111122223333:*; arn:aws:sns:us-east-1:111122223333:t; YES",
        "ArnEquals; aws:SourceArn; arn:aws:sns:us-east-1:111122223333:t; arn:aws:sns:us-east-1:111122223333:u; NO",
        "NumericLessThan; s3:max-keys; 10; 9; YES",
        "NumericLessThan; s3:max-keys; 10; 10; NO",
        "NumericGreaterThanEquals; s3:max-keys; 10; 10; YES",
        "DateLessThan; aws:CurrentTime; 2030-01-01T00:00:00Z; 2026-11-22T00:00:00Z; YES",
        "DateGreaterThan; aws:CurrentTime; 2030-01-01; 1700000000; NO",
        "Bool; aws:SecureTransport; true; false; NO",
        "Bool; aws:SecureTransport; true; TRUE; YES",
        "IpAddress; aws:SourceIp; 10.0.0.0/8; 10.1.2.3; YES",
        "IpAddress; aws:SourceIp; 10.0.0.0/8; 192.168.0.1; NO",
        "NotIpAddress; aws:SourceIp; 10.0.0.0/8; 192.168.0.1; YES",
        "IpAddress; aws:SourceIp; 2001:db8::/32; 2001:db8::1; YES",
        "BinaryEquals; k; QmluYXJ5; QmluYXJ5; YES",
        "Null; aws:TokenIssueTime; true; <absent>; YES",
        "Null; aws:TokenIssueTime; false; <absent>; NO",
        "Null; aws:TokenIssueTime; true; 2026-01-01; NO",
        "ForAnyValue:StringEquals; aws:TagKeys; env|team; team|owner; YES",
        "ForAnyValue:StringEquals; aws:TagKeys; env; <absent>; NO",
        "ForAllValues:StringEquals; aws:TagKeys; env|team; team|owner; NO",
        "ForAllValues:StringEquals; aws:TagKeys; env|team; team|env; YES",
        "ForAllValues:StringEquals; aws:TagKeys; env; <absent>; YES",
        "ForAllValues:StringNotEquals; aws:TagKeys; secret; env|team; YES",
        "StringEquals; aws:username; ${aws:userid}; bob; MAYBE",
        "StringEquals; AWS:SOURCEACCOUNT; 111122223333; 111122223333; YES"
      })
  void evaluatesLikeIam(String op, String key, String values, String request, Match expected) {
    assertThat(
            ConditionEvaluator.evaluate(
                condition(op, key, values), request(key.toLowerCase(), request)))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"StringEquals, aws:SourceAccount", "NoSuchOperator, aws:SourceAccount"})
  void unknownKeysAndOperatorsStayConditions(String op, String key) {
    Condition c = condition(op, key, "111122223333");
    assertThat(ConditionEvaluator.evaluate(c, RequestContext.unknown())).isEqualTo(Match.MAYBE);
    assertThat(
            ConditionEvaluator.evaluate(
                c, RequestContext.partial(Map.of("aws:PrincipalOrgID", List.of("o-1")), Set.of())))
        .isEqualTo(Match.MAYBE);
  }
}
