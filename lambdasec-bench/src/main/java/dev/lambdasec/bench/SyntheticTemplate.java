package dev.lambdasec.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/**
 * Writes a large, realistic SAM template for throughput benchmarks: functions with policies, API
 * and queue events, environments, some function URLs, VPC attachments and explicit roles, in fixed
 * proportions so runs are comparable.
 */
public final class SyntheticTemplate {

  private SyntheticTemplate() {}

  public static void write(Writer out, int functions) throws IOException {
    out.write("AWSTemplateFormatVersion: '2010-09-09'\n");
    out.write("Transform: AWS::Serverless-2016-10-31\n");
    out.write("Description: synthetic benchmark application with " + functions + " functions\n");
    out.write(
        "Globals:\n  Function:\n    Runtime: python3.12\n    Timeout: 10\n    Tracing: Active\n");
    out.write("Resources:\n");
    out.write("  Table:\n    Type: AWS::DynamoDB::Table\n    Properties:\n");
    out.write("      BillingMode: PAY_PER_REQUEST\n");
    out.write("      AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]\n");
    out.write("      KeySchema: [{AttributeName: pk, KeyType: HASH}]\n");
    out.write("  Queue:\n    Type: AWS::SQS::Queue\n");
    out.write("  SubnetA:\n    Type: AWS::EC2::Subnet\n    Properties:\n");
    out.write("      VpcId: vpc-0123456789abcdef0\n      CidrBlock: 10.0.1.0/24\n");
    out.write("      AvailabilityZone: !Select [0, !GetAZs '']\n");
    out.write("  Api:\n    Type: AWS::Serverless::Api\n    Properties:\n      StageName: prod\n");
    for (int i = 0; i < functions; i++) {
      String name = "Function" + i;
      out.write("  " + name + ":\n    Type: AWS::Serverless::Function\n    Properties:\n");
      out.write("      Handler: app.handler\n      CodeUri: src/f" + i + "/\n");
      out.write("      Environment:\n        Variables:\n");
      out.write("          TABLE_NAME: !Ref Table\n          STAGE: prod\n");
      if (i % 10 == 3) {
        out.write("          DB_PASSWORD: Sup3rSecretValue" + i + "\n");
      }
      if (i % 7 == 0) {
        out.write("      Role: !GetAtt SharedRole.Arn\n");
      } else {
        out.write(
            "      Policies:\n        - DynamoDBReadPolicy:\n            TableName: !Ref Table\n");
        if (i % 5 == 0) {
          out.write(
              "        - Statement:\n            - Effect: Allow\n              Action: s3:*\n");
          out.write("              Resource: '*'\n");
        }
      }
      if (i % 4 == 0) {
        out.write("      VpcConfig:\n        SubnetIds: [!Ref SubnetA]\n");
        out.write("        SecurityGroupIds: [sg-0123456789abcdef0]\n");
      }
      if (i % 9 == 0) {
        out.write("      FunctionUrlConfig:\n        AuthType: NONE\n");
      }
      out.write("      Events:\n");
      if (i % 2 == 0) {
        out.write("        Get:\n          Type: Api\n          Properties:\n");
        out.write(
            "            RestApiId: !Ref Api\n            Path: /f"
                + i
                + "\n            Method: get\n");
      } else {
        out.write("        Work:\n          Type: SQS\n          Properties:\n");
        out.write("            Queue: !GetAtt Queue.Arn\n");
      }
    }
    out.write("  SharedRole:\n    Type: AWS::IAM::Role\n    Properties:\n");
    out.write(
        "      AssumeRolePolicyDocument:\n        Version: '2012-10-17'\n        Statement:\n");
    out.write(
        "          - Effect: Allow\n            Principal: {Service: lambda.amazonaws.com}\n");
    out.write("            Action: sts:AssumeRole\n");
    out.write("      ManagedPolicyArns:\n");
    out.write("        - arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole\n");
  }

  /** {@code lambdasec-bench synth}. */
  @picocli.CommandLine.Command(
      name = "synth",
      mixinStandardHelpOptions = true,
      description = "Writes a synthetic SAM template with many functions.")
  static final class Command implements Callable<Integer> {
    @Option(
        names = "--functions",
        defaultValue = "5000",
        description = "Number of functions (default ${DEFAULT-VALUE}).")
    int functions = 5000;

    @Option(
        names = {"-o", "--output"},
        required = true,
        paramLabel = "FILE",
        description = "Where to write the template.")
    Path output = Path.of("synthetic.yaml");

    @Override
    public Integer call() throws IOException {
      try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
        write(w, functions);
      }
      return 0;
    }
  }
}
