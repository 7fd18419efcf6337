package dev.lambdasec.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    "s3:GetObject, s3:GetObject, YES",
    "s3:getobject, S3:GetObject, YES",
    "s3:Get*, s3:GetObject, YES",
    "s3:Get*, s3:PutObject, NO",
    "*, iam:PassRole, YES",
    "*:Describe*, ec2:DescribeInstances, YES",
    "s3:?etObject, s3:GetObject, YES",
    "iam:*, iam:PassRole, YES",
    "iam:*, sts:AssumeRole, NO"
  })
  void matchesActionsCaseInsensitively(String pattern, String action, Match expected) {
    assertThat(Glob.action(pattern, action)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
    "*, arn:aws:s3:::bucket/key, YES",
    "arn:aws:s3:::bucket/*, arn:aws:s3:::bucket/a/b, YES",
    "arn:aws:s3:::bucket/*, arn:aws:s3:::other/a, NO",
    "arn:aws:s3:::Bucket/*, arn:aws:s3:::bucket/a, NO",
    "arn:aws:logs:*:*:*, arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/f:log-stream:x, YES",
    "arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/f:*,"
        + " arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/f:log-stream:x, YES",
    "arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/f:*,"
        + " arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/${Fn}:log-stream:x, MAYBE",
    "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:*,"
        + " arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/f:log-stream:x, MAYBE",
    "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/f:*,"
        + " arn:aws:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/g:log-stream:x, NO",
    "${Table.Arn}, ${Table.Arn}, YES",
    "${Table.Arn}, ${Other.Arn}, MAYBE",
    "arn:aws:s3:::a$b/*, arn:aws:s3:::a$b/c, YES",
    "arn:aws:s3:::a${b/*, arn:aws:s3:::a${b/c, YES",
    "arn:aws:s3:::a$b/*, arn:aws:s3:::a$c/c, NO"
  })
  void matchesResourcesWithPlaceholders(String pattern, String arn, Match expected) {
    assertThat(Glob.resource(pattern, arn)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"${A}, true", "x${A.Arn}y, true", "a$b, false", "a${b, false", "a}${b, false"})
  void knowsPlaceholders(String text, boolean expected) {
    assertThat(Glob.hasPlaceholder(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"*, true", "*:*, true", "s3:*, false", "?, true", "'', false"})
  void knowsWildcardOnlyPatterns(String text, boolean expected) {
    assertThat(Glob.isWildcardOnly(text)).isEqualTo(expected);
  }
}
