package dev.lambdasec.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.iam.catalog.ActionCatalog;
import dev.lambdasec.iam.catalog.ActionInfo;
import dev.lambdasec.iam.catalog.ActionSet;
import dev.lambdasec.iam.policy.Policy;
import dev.lambdasec.iam.policy.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of evaluation and expansion that must hold for every policy, not just examples. */
class IamPropertiesTest {

  private static final ActionCatalog CATALOG = ActionCatalog.bundled();

  private static final List<String> ACTIONS =
      List.of(
          "s3:GetObject",
          "s3:Get*",
          "s3:*",
          "*",
          "iam:PassRole",
          "iam:*",
          "lambda:Invoke*",
          "lambda:InvokeFunction",
          "dynamodb:GetItem",
          "*:Describe*",
          "s3:?etObject");
  private static final List<String> RESOURCES =
      List.of(
          "*",
          "arn:aws:s3:::bucket/*",
          "arn:aws:s3:::bucket/key",
          "arn:aws:s3:::other/*",
          "arn:aws:iam::111122223333:role/*",
          "${Table.Arn}",
          "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${Fn}");
  private static final List<String> REQUEST_ACTIONS =
      List.of(
          "s3:GetObject",
          "s3:PutObject",
          "iam:PassRole",
          "lambda:InvokeFunction",
          "ec2:DescribeInstances",
          "dynamodb:GetItem");
  private static final List<String> REQUEST_RESOURCES =
      List.of(
          "arn:aws:s3:::bucket/key",
          "arn:aws:s3:::other/x",
          "arn:aws:iam::111122223333:role/admin",
          "${Table.Arn}",
          "arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:${Fn}",
          "*");

  /** A generated statement, as JSON text. */
  private record Stmt(
      boolean allow,
      boolean notAction,
      List<String> actions,
      int resourceMode,
      List<String> resources,
      String condition) {
    String json() {
      StringBuilder b =
          new StringBuilder("{\"Effect\":\"").append(allow ? "Allow" : "Deny").append('"');
      b.append(notAction ? ",\"NotAction\":" : ",\"Action\":").append(list(actions));
      if (resourceMode == 1) {
        b.append(",\"Resource\":").append(list(resources));
      } else if (resourceMode == 2) {
        b.append(",\"NotResource\":").append(list(resources));
      }
      if (!condition.isEmpty()) {
        b.append(",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"")
            .append(condition)
            .append("\"}}");
      }
      return b.append('}').toString();
    }

    private static String list(List<String> values) {
      return values.stream()
          .map(v -> "\"" + v + "\"")
          .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }
  }

  @Provide
  Arbitrary<List<Stmt>> statements() {
    Arbitrary<Stmt> stmt =
        Combinators.combine(
                Arbitraries.of(true, false),
                Arbitraries.of(true, false, false, false),
                Arbitraries.of(ACTIONS).list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.of(1, 1, 1, 2),
                Arbitraries.of(RESOURCES).list().ofMinSize(1).ofMaxSize(2),
                Arbitraries.of("", "", "111122223333", "444455556666"))
            .as(Stmt::new);
    return stmt.list().ofMinSize(1).ofMaxSize(6);
  }

  @Provide
  Arbitrary<RequestContext> contexts() {
    return Arbitraries.of(
        RequestContext.unknown(),
        RequestContext.of(Map.of()),
        RequestContext.of(Map.of("aws:SourceAccount", List.of("111122223333"))),
        RequestContext.partial(Map.of("aws:SourceAccount", List.of("444455556666")), Set.of()));
  }

  private static List<Grant> grants(List<Stmt> statements) {
    String json =
        "{\"Version\":\"2012-10-17\",\"Statement\":["
            + String.join(",", statements.stream().map(Stmt::json).toList())
            + "]}";
    return Policies.grants("p", json);
  }

  @Property(tries = 500)
  void anExplicitDenyIsNeverOverridden(
      @ForAll("statements") List<Stmt> statements,
      @ForAll("requestActions") String action,
      @ForAll("requestResources") String resource,
      @ForAll("contexts") RequestContext context) {
    List<Grant> grants = grants(statements);
    Decision d = Evaluator.decide(grants, false, action, resource, context);
    boolean denyApplies =
        grants.stream()
            .map(Grant::statement)
            .anyMatch(s ->
                s.isDeny()
                    && Evaluator.applies(s, action, resource) == Match.YES
                    && ConditionEvaluator.all(s.conditions(), context) == Match.YES);
    boolean denyMayApply =
        grants.stream()
            .map(Grant::statement)
            .anyMatch(s ->
                s.isDeny()
                    && Evaluator.applies(s, action, resource) != Match.NO
                    && ConditionEvaluator.all(s.conditions(), context) != Match.NO);
    if (denyApplies) {
      assertThat(d.outcome()).isEqualTo(Decision.Outcome.DENIED);
    }
    if (d.outcome() == Decision.Outcome.ALLOWED) {
      assertThat(denyMayApply).isFalse();
    }
    if (d.allowed()) {
      assertThat(d.allowedBy()).isNotEmpty();
    }
  }

  @Property(tries = 300)
  void effectivePermissionsNeverKeepAnActionDeniedOnEveryResource(
      @ForAll("statements") List<Stmt> statements) {
    List<Grant> grants = grants(statements);
    PolicySet set =
        new PolicySet(
            TestApps.role("R", List.of()),
            grants.stream().map(Grant::policy).distinct().toList(),
            null,
            List.of());
    EffectivePermissions p = EffectivePermissions.of(set, CATALOG);
    ActionSet deniedEverywhere = CATALOG.none();
    for (Grant g : grants) {
      Statement s = g.statement();
      if (s.isDeny() && s.conditions().isEmpty() && Scope.of(s).everything()) {
        deniedEverywhere = deniedEverywhere.union(ExpandedStatement.of(g, CATALOG).actions());
      }
    }
    assertThat(p.allowed().intersects(deniedEverywhere)).isFalse();
    assertThat(p.unscoped(true).intersects(deniedEverywhere)).isFalse();
  }

  @Provide
  Arbitrary<String> requestActions() {
    return Arbitraries.of(REQUEST_ACTIONS);
  }

  @Provide
  Arbitrary<String> requestResources() {
    return Arbitraries.of(REQUEST_RESOURCES);
  }

  @Provide
  Arbitrary<String> services() {
    return Arbitraries.of(List.copyOf(CATALOG.services()));
  }

  @Property(tries = 300)
  void expandingAServiceWildcardGivesExactlyTheServicesActions(
      @ForAll("services") String service, @ForAll boolean upperCase) {
    String pattern = (upperCase ? service.toUpperCase(Locale.ROOT) : service) + ":*";
    List<String> expanded =
        CATALOG.actions(CATALOG.expand(pattern)).map(ActionInfo::fullName).toList();
    List<String> listed = CATALOG.actionsOf(service).stream().map(ActionInfo::fullName).toList();
    assertThat(expanded).isNotEmpty().containsExactlyElementsOf(listed);
  }

  @Provide
  Arbitrary<List<String>> patterns() {
    Arbitrary<String> fromCatalog =
        Arbitraries.integers()
            .between(0, CATALOG.size() - 1)
            .map(i -> CATALOG.action(i).fullName());
    Arbitrary<String> prefixes =
        Combinators.combine(
                Arbitraries.of(List.copyOf(CATALOG.services())),
                Arbitraries.of("*", "Get*", "List*", "Describe*", "*Policy*", "?et*"))
            .as((s, n) -> s + ":" + n);
    return Arbitraries.oneOf(fromCatalog, prefixes).list().ofMinSize(1).ofMaxSize(4);
  }

  @Property(tries = 200)
  void notActionComplementsAreExact(
      @ForAll("patterns") List<String> patterns, @ForAll("sampleActions") List<Integer> sample) {
    String json =
        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"NotAction\":["
            + String.join(",", patterns.stream().map(p -> "\"" + p + "\"").toList())
            + "],\"Resource\":\"*\"}}";
    Grant g = Policies.grants("p", json).get(0);
    ActionSet granted = ExpandedStatement.of(g, CATALOG).actions();
    ActionSet named = CATALOG.none();
    for (String p : patterns) {
      named = named.union(CATALOG.expand(p));
    }
    assertThat(granted).isEqualTo(named.complement());
    assertThat(granted.size() + named.size()).isEqualTo(CATALOG.size());
    for (int i : sample) {
      ActionInfo a = CATALOG.action(i);
      boolean byEvaluator = Evaluator.actionMatch(g.statement(), a.fullName()) == Match.YES;
      assertThat(granted.contains(a)).as(a.fullName()).isEqualTo(byEvaluator);
    }
  }

  @Provide
  Arbitrary<List<Integer>> sampleActions() {
    return Arbitraries.integers().between(0, CATALOG.size() - 1).list().ofSize(40);
  }

  @Property(tries = 300)
  void randomPoliciesRoundTripThroughTheModel(@ForAll("policies") PolicySpecs.PolicySpec spec)
      throws Exception {
    String json = spec.json();
    Policy parsed = Policies.parse(json);
    assertThat(PolicySpecs.describe(parsed)).isEqualTo(spec.expected());
    String written = dev.lambdasec.iam.policy.PolicyWriter.write(parsed);
    Policy again = Policies.parse(written);
    assertThat(PolicySpecs.describe(again)).isEqualTo(spec.expected());
    assertThat(dev.lambdasec.iam.policy.PolicyWriter.write(again)).isEqualTo(written);
  }

  @Provide
  Arbitrary<PolicySpecs.PolicySpec> policies() {
    return PolicySpecs.policies();
  }
}
