package dev.lambdasec.source.iac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.lambdasec.model.InputError;
import dev.lambdasec.model.Suppression;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inline suppressions: CloudFormation {@code Metadata} and {@code # lambdasec:ignore} comments on
 * or above a resource, in CloudFormation, SAM and Serverless Framework files.
 */
class InlineSuppressionsTest {

  private static List<Suppression> suppressions(SourceResult result) {
    return result.application().suppressions();
  }

  @Test
  void cloudFormationMetadataAndCommentsTargetTheirResource() {
    SourceResult result =
        Fixtures.read(
            """
            # lambdasec:ignore LAMBDA-008 a header comment belongs to no resource
            Resources:
              # lambdasec:ignore LAMBDA-001 public webhook, signed by the partner
              Webhook:
                Type: AWS::Lambda::Url
                Metadata:
                  lambdasec:
                    skip:
                      - id: lambda-002
                        reason: partner calls from browsers
                      - id: LAMBDA-003
                Properties:
                  AuthType: NONE # lambdasec:ignore APIGW-001,LAMBDA-009 - shared reason
                  TargetFunctionArn: arn:aws:lambda:us-east-1:123456789012:function:x
                # lambdasec:ignore IAM-001 indented under Webhook, so it belongs to it
              Other:
                Type: AWS::S3::Bucket # lambdasec:ignore S3-001
                # lambdasec:skip nothing
            """);
    assertThat(suppressions(result))
        .extracting(s -> s.target().id(), Suppression::ruleId, Suppression::reason)
        .containsExactlyInAnyOrder(
            tuple("Webhook", "LAMBDA-001", "public webhook, signed by the partner"),
            tuple("Webhook", "LAMBDA-002", "partner calls from browsers"),
            tuple("Webhook", "LAMBDA-003", null),
            tuple("Webhook", "APIGW-001", "shared reason"),
            tuple("Webhook", "LAMBDA-009", "shared reason"),
            tuple("Webhook", "IAM-001", "indented under Webhook, so it belongs to it"),
            tuple("Other", "S3-001", null));
    assertThat(suppressions(result))
        .filteredOn(s -> s.ruleId().equals("LAMBDA-001"))
        .singleElement()
        .satisfies(s -> {
          assertThat(s.origin().line()).isEqualTo(3);
          assertThat(s.target().scope()).isEqualTo(Fixtures.FILE);
        });
    assertThat(result.errors())
        .extracting(InputError::line, InputError::message)
        .containsExactly(
            tuple(1, "lambdasec:ignore is not on or above a resource; ignored"),
            tuple(18, "unknown lambdasec comment directive; only lambdasec:ignore is read"));
  }

  @Test
  void samCommentsTargetTheFunctionWhichCoversWhatItGenerates() {
    SourceResult result =
        Fixtures.read(
            """
            Transform: AWS::Serverless-2016-10-31
            Resources:
              Fn: # lambdasec:ignore LAMBDA-001 demo endpoint
                Type: AWS::Serverless::Function
                Properties:
                  Runtime: python3.12
                  Handler: app.handler
                  CodeUri: src/
                  FunctionUrlConfig:
                    AuthType: NONE
            """);
    assertThat(suppressions(result))
        .extracting(s -> s.target().id(), Suppression::ruleId)
        .containsExactly(tuple("Fn", "LAMBDA-001"));
    assertThat(result.errors()).isEmpty();
  }

  @Test
  void serverlessCommentsTargetFunctionsResourcesLayersAndTheProvider() {
    SourceResult result =
        Fixtures.read(
            """
            service: shop
            provider:
              name: aws
              # lambdasec:ignore IAM-004 one role for this tiny service
              runtime: nodejs20.x
            layers:
              deps: # lambdasec:ignore LAMBDA-009 vendored
                path: layer
            functions:
              # lambdasec:ignore LAMBDA-008 upgraded next sprint
              api:
                handler: a.handler
                events:
                  - http: GET /health # lambdasec:ignore APIGW-001 health check is public
              worker:
                handler: w.handler # lambdasec:ignore LAMBDA-015
            resources:
              Resources:
                ApiLambdaFunction: # lambdasec:ignore LAMBDA-007 signing later
                  Properties:
                    Description: x
                Queue:
                  Type: AWS::SQS::Queue
                  Metadata:
                    lambdasec:
                      skip: [{id: SQS-001, reason: test queue}]
            """);
    assertThat(suppressions(result))
        .extracting(s -> s.target().id(), Suppression::ruleId, Suppression::reason)
        .containsExactlyInAnyOrder(
            tuple("provider", "IAM-004", "one role for this tiny service"),
            tuple("DepsLambdaLayer", "LAMBDA-009", "vendored"),
            tuple("api", "LAMBDA-008", "upgraded next sprint"),
            tuple("api", "APIGW-001", "health check is public"),
            tuple("worker", "LAMBDA-015", null),
            tuple("api", "LAMBDA-007", "signing later"),
            tuple("Queue", "SQS-001", "test queue"));
    assertThat(result.errors()).isEmpty();
  }

  @Test
  void jsonTemplatesHaveMetadataOnly() {
    SourceResult result =
        Fixtures.read(
            """
            {"Resources": {"Fn": {"Type": "AWS::Lambda::Function",
              "Metadata": {"lambdasec": {"skip": [{"id": "LAMBDA-011", "reason": "no tracing in dev"}]}},
              "Properties": {"Runtime": "python3.12"}}}}
            """);
    assertThat(suppressions(result))
        .extracting(Suppression::ruleId, Suppression::hasReason)
        .containsExactly(tuple("LAMBDA-011", true));
  }
}
