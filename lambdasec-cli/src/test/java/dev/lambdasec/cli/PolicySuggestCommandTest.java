package dev.lambdasec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicySuggestCommandTest {

  private static final String TEMPLATE =
      """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Table:
          Type: AWS::DynamoDB::Table
          Properties:
            AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
            KeySchema: [{AttributeName: id, KeyType: HASH}]
            BillingMode: PAY_PER_REQUEST
        SharedRole:
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument: {Version: "2012-10-17", Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
            ManagedPolicyArns: [arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]
            Policies:
              - PolicyName: data
                PolicyDocument:
                  Version: "2012-10-17"
                  Statement:
                    - {Effect: Allow, Action: "dynamodb:*", Resource: !GetAtt Table.Arn}
                    - {Effect: Allow, Action: "s3:*", Resource: "*"}
        Reader:
          Type: AWS::Serverless::Function
          Properties:
            Runtime: python3.12
            Handler: app.handler
            InlineCode: "def handler(e, c): pass"
            Role: !GetAtt SharedRole.Arn
        Writer:
          Type: AWS::Serverless::Function
          Properties:
            Runtime: python3.12
            Handler: app.handler
            InlineCode: "def handler(e, c): pass"
            Role: !GetAtt SharedRole.Arn
      """;

  @Test
  void writesTheSmallestPolicyForTheUnionOfASharedRolesNeeds(@TempDir Path dir) throws IOException {
    Path template = Files.writeString(dir.resolve("template.yaml"), TEMPLATE);
    Path policyFile =
        Files.writeString(
            dir.resolve("lambdasec.yml"),
            "functions:\n  Reader:\n    needs: [dynamodb:GetItem, logs:PutLogEvents]\n");
    Cli cli =
        Cli.run(
            "policy",
            "suggest",
            template.toString(),
            "--function",
            "Reader",
            "--policy-file",
            policyFile.toString(),
            "--needs",
            "Writer=dynamodb:PutItem,s3:PutObject");
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(cli.out())
        .contains("\"dynamodb:GetItem\", \"dynamodb:PutItem\"")
        .contains("\"${Table.Arn}\"")
        .contains("\"s3:PutObject\"")
        .doesNotContain("dynamodb:*");
    assertThat(cli.err())
        .contains("Function Reader runs as SharedRole, shared with Writer")
        .contains("Needed: 4 action(s)")
        .contains("not needed:")
        .contains("Kept on \"*\"")
        .contains("s3:PutObject");
  }

  @Test
  void refusesUnknownFunctionsAndMissingNeeds(@TempDir Path dir) throws IOException {
    Path template = Files.writeString(dir.resolve("template.yaml"), TEMPLATE);
    assertThat(Cli.run("policy", "suggest", template.toString(), "--function", "Nope").exitCode())
        .isEqualTo(ExitCodes.USAGE);
    Cli none = Cli.run("policy", "suggest", template.toString(), "--function", "Reader");
    assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(none.err()).contains("no needs declared for Reader");
    assertThat(
            Cli.run(
                    "policy",
                    "suggest",
                    template.toString(),
                    "--function",
                    "Reader",
                    "--needs",
                    "oops")
                .exitCode())
        .isEqualTo(ExitCodes.USAGE);
  }
}
