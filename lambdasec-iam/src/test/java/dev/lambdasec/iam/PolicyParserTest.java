package dev.lambdasec.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.iam.policy.Condition;
import dev.lambdasec.iam.policy.Effect;
import dev.lambdasec.iam.policy.Policy;
import dev.lambdasec.iam.policy.PolicyIssue;
import dev.lambdasec.iam.policy.PolicyParser;
import dev.lambdasec.iam.policy.Statement;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.PolicyDocument;
import org.junit.jupiter.api.Test;

class PolicyParserTest {

  @Test
  void readsStatementObjectAndStringElements() {
    Policy p =
        Policies.parse(
            """
            {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}}
            """);
    assertThat(p.statements()).hasSize(1);
    Statement s = p.statements().get(0);
    assertThat(s.effect().get()).isEqualTo(Effect.ALLOW);
    assertThat(s.action().known()).containsExactly("s3:GetObject");
    assertThat(s.appliesToAllResources()).isTrue();
    assertThat(p.issues()).isEmpty();
  }

  @Test
  void readsListsPrincipalsAndConditionOperators() {
    Policy p =
        Policies.parse(
            """
            {"Version":"2012-10-17","Statement":[{"Sid":"S3","Effect":"Allow",
             "Principal":{"Service":["s3.amazonaws.com"],"AWS":"arn:aws:iam::111122223333:root"},
             "NotAction":["iam:*","sts:*"],"NotResource":"arn:aws:s3:::secret/*",
             "Condition":{"ForAnyValue:StringLikeIfExists":{"aws:SourceArn":["arn:aws:s3:::b"]},
                          "Bool":{"aws:SecureTransport":"true"}}}]}
            """);
    Statement s = p.statements().get(0);
    assertThat(s.sid()).isEqualTo("S3");
    assertThat(s.principal()).isNotNull();
    assertThat(s.principal().services()).containsExactly("s3.amazonaws.com");
    assertThat(s.notAction().known()).containsExactly("iam:*", "sts:*");
    assertThat(s.notResource().present()).isTrue();
    Condition c = s.conditions().get(0);
    assertThat(c.base()).isEqualTo("StringLike");
    assertThat(c.qualifier()).isEqualTo(Condition.SetQualifier.FOR_ANY_VALUE);
    assertThat(c.ifExists()).isTrue();
    assertThat(s.conditions().get(1).base()).isEqualTo("Bool");
  }

  @Test
  void reportsMissingVersionLowercaseEffectUnknownAndDuplicateKeys() {
    Policy p =
        Policies.parse(
            """
            {"Statement":[{"Effect":"allow","Action":"s3:*","Resource":"*","Resources":"x"}]}
            """);
    assertThat(p.issues())
        .extracting(PolicyIssue::kind)
        .containsExactlyInAnyOrder(
            PolicyIssue.Kind.MISSING_VERSION,
            PolicyIssue.Kind.INVALID_EFFECT,
            PolicyIssue.Kind.UNKNOWN_KEY);
    assertThat(p.statements().get(0).isAllow()).isTrue();

    Origin o = Origin.ofResource("dup");
    Node.MapNode statement =
        new Node.MapNode(
            java.util.List.of(
                new Node.Entry("Effect", o, Node.Scalar.string("Allow", o)),
                new Node.Entry("Action", o, Node.Scalar.string("s3:GetObject", o)),
                new Node.Entry("Action", o, Node.Scalar.string("s3:*", o)),
                new Node.Entry("Resource", o, Node.Scalar.string("*", o))),
            o);
    Node.MapNode doc =
        new Node.MapNode(
            java.util.List.of(
                new Node.Entry("Version", o, Node.Scalar.string("2012-10-17", o)),
                new Node.Entry("Statement", o, statement)),
            o);
    Policy dup = PolicyParser.parse(new PolicyDocument("dup", doc));
    assertThat(dup.issues())
        .extracting(PolicyIssue::kind)
        .containsExactly(PolicyIssue.Kind.DUPLICATE_KEY);
    assertThat(dup.statements().get(0).action().known()).containsExactly("s3:*");
  }

  @Test
  void keepsReferencesAsPlaceholdersAndUnresolvedAsUnresolved() {
    Origin o = Origin.ofResource("r");
    Node.MapNode statement =
        new Node.MapNode(
            java.util.List.of(
                new Node.Entry("Effect", o, Node.Scalar.string("Allow", o)),
                new Node.Entry("Action", o, Node.Scalar.string("dynamodb:GetItem", o)),
                new Node.Entry(
                    "Resource",
                    o,
                    new Node.ListNode(
                        java.util.List.of(
                            new Node.Reference("Table", "Arn", o),
                            new Node.Unresolved("Fn::ImportValue", o)),
                        o))),
            o);
    Policy p =
        PolicyParser.parse(
            new PolicyDocument(
                "refs",
                new Node.MapNode(
                    java.util.List.of(
                        new Node.Entry("Version", o, Node.Scalar.string("2012-10-17", o)),
                        new Node.Entry("Statement", o, statement)),
                    o)));
    Statement s = p.statements().get(0);
    assertThat(s.resource().known()).containsExactly("${Table.Arn}");
    assertThat(s.resource().hasUnresolved()).isTrue();
  }

  @Test
  void anUnresolvedDocumentIsAnUnresolvedPolicy() {
    Policy p =
        PolicyParser.parse(
            new PolicyDocument("x", new Node.Unresolved("Fn::ImportValue", Origin.NONE)));
    assertThat(p.isResolved()).isFalse();
    assertThat(p.unresolvedReason()).isEqualTo("Fn::ImportValue");
  }

  @Test
  void keepsVersionIdAndEveryOperatorFamily() {
    Policy p =
        Policies.parse(
            """
            {"Version":"2012-10-17","Id":"doc","Statement":[{"Effect":"Allow","Action":"s3:GetObject",
             "Resource":"*","Condition":{
               "StringEqualsIgnoreCase":{"aws:username":"Bob"},
               "ArnNotLike":{"aws:SourceArn":"arn:aws:s3:::x"},
               "NumericLessThanEquals":{"s3:max-keys":"10"},
               "DateGreaterThan":{"aws:CurrentTime":"2020-01-01T00:00:00Z"},
               "Bool":{"aws:SecureTransport":true},
               "BinaryEquals":{"k":"QmluYXJ5"},
               "NotIpAddress":{"aws:SourceIp":["10.0.0.0/8","2001:db8::/32"]},
               "Null":{"aws:TokenIssueTime":"true"},
               "ForAllValues:StringLike":{"aws:TagKeys":["env*"]}}}]}
            """);
    assertThat(p.version()).isEqualTo("2012-10-17");
    assertThat(p.id()).isEqualTo("doc");
    assertThat(p.issues()).isEmpty();
    assertThat(p.statements().get(0).conditions())
        .extracting(Condition::op)
        .containsExactly(
            dev.lambdasec.iam.policy.Operator.STRING_EQUALS_IGNORE_CASE,
            dev.lambdasec.iam.policy.Operator.ARN_NOT_LIKE,
            dev.lambdasec.iam.policy.Operator.NUMERIC_LESS_THAN_EQUALS,
            dev.lambdasec.iam.policy.Operator.DATE_GREATER_THAN,
            dev.lambdasec.iam.policy.Operator.BOOL,
            dev.lambdasec.iam.policy.Operator.BINARY_EQUALS,
            dev.lambdasec.iam.policy.Operator.NOT_IP_ADDRESS,
            dev.lambdasec.iam.policy.Operator.NULL,
            dev.lambdasec.iam.policy.Operator.STRING_LIKE);
    assertThat(p.statements().get(0).conditions().get(8).qualifier())
        .isEqualTo(Condition.SetQualifier.FOR_ALL_VALUES);
  }

  @Test
  void reportsOperatorValueSidAndActionProblemsWithTheirLines() {
    Policy p =
        Policies.parse(
            """
            {"Version":"2012-10-17","Statement":[
             {"Sid":"A","Effect":"Allow","Action":"s3GetObject","Resource":"*"},
             {"Sid":"A","Effect":"Allow","Action":"s3:GetObject","Resource":"*",
              "Condition":{"StringEqualz":{"aws:username":"x"},
                           "stringequals":{"aws:username":"x"},
                           "NumericEquals":{"s3:max-keys":"ten"},
                           "IpAddress":{"aws:SourceIp":"example.com"},
                           "NullIfExists":{"aws:TokenIssueTime":"true"},
                           "DateLessThan":{"aws:CurrentTime":"yesterday"}}}]}
            """);
    assertThat(p.issues())
        .extracting(PolicyIssue::kind)
        .containsExactlyInAnyOrder(
            PolicyIssue.Kind.MALFORMED_ACTION,
            PolicyIssue.Kind.DUPLICATE_SID,
            PolicyIssue.Kind.UNKNOWN_OPERATOR,
            PolicyIssue.Kind.UNKNOWN_OPERATOR,
            PolicyIssue.Kind.MALFORMED_CONDITION,
            PolicyIssue.Kind.MALFORMED_CONDITION,
            PolicyIssue.Kind.MALFORMED_CONDITION,
            PolicyIssue.Kind.MALFORMED_CONDITION);
    PolicyIssue action =
        p.issues().stream()
            .filter(i -> i.kind() == PolicyIssue.Kind.MALFORMED_ACTION)
            .findFirst()
            .orElseThrow();
    assertThat(action.origin().line()).isEqualTo(2);
    assertThat(action.origin().file()).isEqualTo("test.json");
  }

  @Test
  void reportsEmptyAndConflictingElements() {
    Policy p =
        Policies.parse(
            """
            {"Version":"2008-10-17","Statement":[
             {"Effect":"Deny","Action":[],"NotAction":"s3:*","Resource":"*","NotResource":"x",
              "Principal":"*","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"}},
             {"Effect":"Maybe","Resource":"*"}]}
            """);
    assertThat(p.issues())
        .extracting(PolicyIssue::kind)
        .contains(
            PolicyIssue.Kind.OLD_VERSION,
            PolicyIssue.Kind.MALFORMED,
            PolicyIssue.Kind.CONFLICTING_ELEMENTS,
            PolicyIssue.Kind.MISSING_ELEMENT,
            PolicyIssue.Kind.INVALID_EFFECT);
    assertThat(p.statements().get(1).effect().isUnresolved()).isTrue();
  }
}
