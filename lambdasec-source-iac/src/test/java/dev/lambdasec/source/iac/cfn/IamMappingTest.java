package dev.lambdasec.source.iac.cfn;

import static dev.lambdasec.source.iac.Fixtures.app;
import static dev.lambdasec.source.iac.Fixtures.assertJsonParity;
import static dev.lambdasec.source.iac.Fixtures.at;
import static dev.lambdasec.source.iac.Fixtures.get;
import static dev.lambdasec.source.iac.Fixtures.pos;
import static dev.lambdasec.source.iac.Fixtures.to;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.IamGroup;
import dev.lambdasec.model.IamUser;
import dev.lambdasec.model.ManagedPolicy;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.PolicyDocument;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.Value;
import org.junit.jupiter.api.Test;

class IamMappingTest {

  private static final String TEMPLATE =
      """
      Resources:
        Role:
          Type: AWS::IAM::Role
          Properties:
            RoleName: app-role
            AssumeRolePolicyDocument:
              Version: "2012-10-17"
              Statement:
                - Effect: Allow
                  Principal: {Service: lambda.amazonaws.com}
                  Action: sts:AssumeRole
            Policies:
              - PolicyName: read
                PolicyDocument:
                  Statement:
                    - Effect: Allow
                      Action: s3:GetObject
                      Resource: !Sub "arn:aws:s3:::${Bucket}/*"
            ManagedPolicyArns:
              - arn:aws:iam::aws:policy/ReadOnlyAccess
              - !Ref Custom
            PermissionsBoundary: arn:aws:iam::123456789012:policy/boundary
            Tags:
              - {Key: owner, Value: team-a}
        Bucket:
          Type: AWS::S3::Bucket
        Custom:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            ManagedPolicyName: custom
            PolicyDocument:
              Statement:
                - {Effect: Allow, Action: "sqs:*", Resource: "*"}
        Attached:
          Type: AWS::IAM::Policy
          Properties:
            PolicyName: extra
            Roles: [!Ref Role, app-role, someone-else]
            PolicyDocument:
              Statement:
                - {Effect: Allow, Action: "dynamodb:*", Resource: "*"}
        ByName:
          Type: AWS::IAM::RolePolicy
          Properties:
            RoleName: app-role
            PolicyName: by-name
            PolicyDocument:
              Statement:
                - {Effect: Allow, Action: "kms:Decrypt", Resource: "*"}
        AttachedManaged:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            Roles: [!Ref Role]
            PolicyDocument:
              Statement:
                - {Effect: Allow, Action: "sns:Publish", Resource: "*"}
      """;

  @Test
  void roleKeepsItsPoliciesAsTreesWithOrigins() {
    Application app = app(TEMPLATE);
    Role role = get(app, Role.class, "Role");
    assertThat(role.name().get()).isEqualTo("app-role");
    PolicyDocument trust = role.trustPolicy().get();
    assertThat(trust.name()).isEqualTo("AssumeRolePolicyDocument");
    assertThat(Nodes.text(at(trust.document(), "Version"))).contains("2012-10-17");
    assertThat(role.inlinePolicies())
        .extracting(PolicyDocument::name)
        .containsExactly("read", "extra", "extra", "by-name");
    Node resource =
        at(
            ((Node.ListNode) at(role.inlinePolicies().getFirst().document(), "Statement"))
                .items()
                .getFirst(),
            "Resource");
    assertThat(Nodes.text(resource)).contains("arn:aws:s3:::${Bucket}/*");
    assertThat(pos(resource)).isEqualTo("18:27");
    assertThat(role.managedPolicies())
        .extracting(Value::get)
        .containsExactly(
            Ref.literal("arn:aws:iam::aws:policy/ReadOnlyAccess"),
            to("Custom"),
            to("AttachedManaged"));
    assertThat(pos(role.managedPolicies().get(2))).isEqualTo("53:15");
    assertThat(role.permissionsBoundary().get())
        .isEqualTo(Ref.literal("arn:aws:iam::123456789012:policy/boundary"));
    assertThat(role.tags().get()).containsOnlyKeys("owner");
  }

  @Test
  void managedPoliciesAreResources() {
    Application app = app(TEMPLATE);
    ManagedPolicy custom = get(app, ManagedPolicy.class, "Custom");
    assertThat(custom.name().get()).isEqualTo("custom");
    assertThat(custom.document().name()).isEqualTo("custom");
    assertThat(Nodes.content(at(custom.document().document(), "Statement")))
        .isEqualTo("[{Effect=STRING:Allow,Action=STRING:sqs:*,Resource=STRING:*,},]");
    assertThat(get(app, ManagedPolicy.class, "AttachedManaged").document().name())
        .isEqualTo("AttachedManaged");
  }

  @Test
  void unresolvedPolicyDocumentsStayVisible() {
    Role role =
        get(
            app(
                """
                Conditions:
                  InUsEast: !Equals [!Ref AWS::Region, us-east-1]
                Resources:
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument: !If [InUsEast, {Statement: []}, {Statement: []}]
                      Policies:
                        - !If [InUsEast, {PolicyName: a, PolicyDocument: {}}, !Ref AWS::NoValue]
                """),
            Role.class,
            "Role");
    assertThat(role.trustPolicy().get().document()).isInstanceOf(Node.Unresolved.class);
    assertThat(role.inlinePolicies()).hasSize(1);
    assertThat(role.inlinePolicies().getFirst().name()).isEqualTo("Policies/0");
    assertThat(role.inlinePolicies().getFirst().document()).isInstanceOf(Node.Unresolved.class);
  }

  private static final String PRINCIPALS =
      """
      Resources:
        Ops:
          Type: AWS::IAM::Group
          Properties:
            GroupName: ops
            Policies:
              - PolicyName: logs
                PolicyDocument: {Statement: [{Effect: Allow, Action: "logs:*", Resource: "*"}]}
        Deployer:
          Type: AWS::IAM::User
          Properties:
            UserName: deployer
            ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
            PermissionsBoundary: arn:aws:iam::123456789012:policy/boundary
        ForUsersAndGroups:
          Type: AWS::IAM::Policy
          Properties:
            PolicyName: deploy
            Users: [!Ref Deployer]
            Groups: [ops]
            PolicyDocument: {Statement: [{Effect: Allow, Action: "cloudformation:*", Resource: "*"}]}
        ByUserName:
          Type: AWS::IAM::UserPolicy
          Properties:
            UserName: deployer
            PolicyName: by-name
            PolicyDocument: {Statement: [{Effect: Allow, Action: "s3:ListBucket", Resource: "*"}]}
        Shared:
          Type: AWS::IAM::ManagedPolicy
          Properties:
            Groups: [!Ref Ops]
            PolicyDocument: {Statement: [{Effect: Allow, Action: "sns:Publish", Resource: "*"}]}
        ForElsewhere:
          Type: AWS::IAM::Policy
          Properties:
            PolicyName: external
            Roles: [role-defined-elsewhere]
            PolicyDocument: {Statement: [{Effect: Allow, Action: "iam:CreateAccessKey", Resource: "*"}]}
      """;

  @Test
  void usersAndGroupsKeepTheirPolicies() {
    Application app = app(PRINCIPALS);
    IamUser user = get(app, IamUser.class, "Deployer");
    assertThat(user.name().get()).isEqualTo("deployer");
    assertThat(user.inlinePolicies())
        .extracting(PolicyDocument::name)
        .containsExactly("deploy", "by-name");
    assertThat(user.managedPolicies())
        .extracting(Value::get)
        .containsExactly(Ref.literal("arn:aws:iam::aws:policy/ReadOnlyAccess"));
    assertThat(user.permissionsBoundary().get())
        .isEqualTo(Ref.literal("arn:aws:iam::123456789012:policy/boundary"));
    IamGroup group = get(app, IamGroup.class, "Ops");
    assertThat(group.inlinePolicies())
        .extracting(PolicyDocument::name)
        .containsExactly("logs", "deploy");
    assertThat(group.managedPolicies()).extracting(Value::get).containsExactly(to("Shared"));
  }

  @Test
  void aPolicyForPrincipalsDefinedElsewhereHoldsItsDocument() {
    Application app = app(PRINCIPALS);
    ManagedPolicy external = get(app, ManagedPolicy.class, "ForElsewhere");
    assertThat(external.resourceType()).isEqualTo("AWS::IAM::Policy");
    assertThat(external.name().get()).isEqualTo("external");
    assertThat(external.arn().isAbsent()).isTrue();
    assertThat(Nodes.content(at(external.document().document(), "Statement")))
        .contains("iam:CreateAccessKey");
    assertThat(app.managedPolicies())
        .extracting(ManagedPolicy::id)
        .containsExactly("Shared", "ForElsewhere");
  }

  @Test
  void jsonGivesTheSameModelForUsersAndGroups() {
    assertJsonParity(PRINCIPALS);
  }

  @Test
  void jsonGivesTheSameModel() {
    assertJsonParity(TEMPLATE);
  }
}
