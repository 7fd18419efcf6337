package dev.lambdasec.source.iac.cfn;

import static dev.lambdasec.source.iac.Fixtures.app;
import static dev.lambdasec.source.iac.Fixtures.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Permission;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.ServiceNotification;
import dev.lambdasec.model.Value;
import org.junit.jupiter.api.Test;

/**
 * Architectures, permission qualifiers, custom-resource triggers and JSON-text policy documents.
 */
class AdditionsMappingTest {

  private static final String TEMPLATE =
      """
      Resources:
        Fn:
          Type: AWS::Lambda::Function
          Properties:
            Runtime: python3.12
            Architectures: [arm64]
        Other:
          Type: AWS::Lambda::Function
          Properties:
            Runtime: python3.12
        Live:
          Type: AWS::Lambda::Alias
          Properties:
            FunctionName: !Ref Fn
            FunctionVersion: "1"
            Name: live
        OnAlias:
          Type: AWS::Lambda::Permission
          Properties:
            FunctionName: !Ref Live
            Action: lambda:InvokeFunction
            Principal: "111122223333"
        OnQualifiedArn:
          Type: AWS::Lambda::Permission
          Properties:
            FunctionName: arn:aws:lambda:us-east-1:123456789012:function:other:beta
            Action: lambda:InvokeFunction
            Principal: "111122223333"
        Unqualified:
          Type: AWS::Lambda::Permission
          Properties:
            FunctionName: !Ref Fn
            Action: lambda:InvokeFunction
            Principal: "111122223333"
        Cleanup:
          Type: Custom::BucketCleanup
          Properties:
            ServiceToken: !GetAtt Other.Arn
        JsonTrust:
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument:
              |
              {
                "Statement": [
                  {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}
                ]
              }
        BrokenJsonTrust:
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument: '{"Statement": ['
      """;

  @Test
  void readsArchitecturesWithX86AsTheDefault() {
    Application app = app(TEMPLATE);
    assertThat(get(app, LambdaFunction.class, "Fn").architectures().get())
        .extracting(Value::get)
        .containsExactly("arm64");
    LambdaFunction other = get(app, LambdaFunction.class, "Other");
    assertThat(other.architectures().state()).isEqualTo(Value.State.DEFAULTED);
    assertThat(other.architectures().get()).extracting(Value::get).containsExactly("x86_64");
  }

  @Test
  void permissionsOnAnAliasOrQualifiedArnKeepTheQualifier() {
    Application app = app(TEMPLATE);
    assertThat(get(app, Permission.class, "OnAlias").qualifier().get()).isEqualTo("live");
    assertThat(get(app, Permission.class, "OnQualifiedArn").qualifier().get()).isEqualTo("beta");
    assertThat(get(app, Permission.class, "Unqualified").qualifier().isAbsent()).isTrue();
  }

  @Test
  void aCustomResourceIsAnAsynchronousTriggerOfItsFunction() {
    ServiceNotification n = get(app(TEMPLATE), ServiceNotification.class, "Cleanup");
    assertThat(n.service()).isEqualTo("cloudformation");
    assertThat(n.function().get().key().id()).isEqualTo("Other");
  }

  @Test
  void policyDocumentsWrittenAsJsonTextAreReadAsTreesPositionedInTheTemplate() {
    Application app = app(TEMPLATE);
    Node trust = get(app, Role.class, "JsonTrust").trustPolicy().get().document();
    assertThat(trust).isInstanceOf(Node.MapNode.class);
    Node statement =
        ((Node.ListNode) ((Node.MapNode) trust).get("Statement").orElseThrow()).items().get(0);
    assertThat(statement.origin().file()).isEqualTo("template.yaml");
    assertThat(statement.origin().line()).as("the statement line of the JSON text").isEqualTo(46);
    Node broken = get(app, Role.class, "BrokenJsonTrust").trustPolicy().get().document();
    assertThat(broken).isInstanceOf(Node.Unresolved.class);
    assertThat(((Node.Unresolved) broken).reason())
        .startsWith("the policy document text is not valid JSON");
  }
}
