package dev.lambdasec.report;

import static dev.lambdasec.engine.api.Control.AUDIT;
import static dev.lambdasec.engine.api.Control.AUTH;
import static dev.lambdasec.engine.api.Control.DEPS;
import static dev.lambdasec.engine.api.Control.ENC;
import static dev.lambdasec.engine.api.Control.INPUT;
import static dev.lambdasec.engine.api.Control.LOG;
import static dev.lambdasec.engine.api.Control.LP;
import static dev.lambdasec.engine.api.Control.NET;
import static dev.lambdasec.engine.api.Control.SECRET;
import static dev.lambdasec.engine.api.Severity.CRITICAL;
import static dev.lambdasec.engine.api.Severity.HIGH;
import static dev.lambdasec.engine.api.Severity.LOW;
import static dev.lambdasec.engine.api.Severity.MEDIUM;
import static dev.lambdasec.engine.api.Status.FAIL;
import static dev.lambdasec.engine.api.Status.PASS;
import static dev.lambdasec.engine.api.Status.UNKNOWN;

import dev.lambdasec.engine.ChecklistEntry;
import dev.lambdasec.engine.ChecklistStatus;
import dev.lambdasec.engine.Finding;
import dev.lambdasec.engine.Fingerprints;
import dev.lambdasec.engine.Report;
import dev.lambdasec.engine.RuleDescriptor;
import dev.lambdasec.engine.api.Control;
import dev.lambdasec.engine.api.Severity;
import dev.lambdasec.engine.api.Status;
import dev.lambdasec.engine.api.Subject;
import dev.lambdasec.model.InputError;
import dev.lambdasec.model.Origin;
import dev.lambdasec.model.ResourceKey;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.SourceUnit;
import dev.lambdasec.model.Suppression;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A fixed, realistic report: two templates, a Terraform configuration and a live account region;
 * failures of every severity but INFO, passes and unknowns; a SAM-generated role, an environment
 * variable as the part of a function, a rule serving two controls, a live finding without a file, a
 * failure accepted by an inline suppression with its reason, and an input error.
 */
public final class SampleReport {

  static final String ORDERS = "templates/orders.yaml";
  static final String PAYMENTS = "templates/payments.json";
  static final String REPORTS = "infra/reports";
  static final String ACCOUNT = "123456789012/eu-west-1";
  public static final String LEGACY_ARN =
      "arn:aws:lambda:eu-west-1:123456789012:function:legacy-export";

  static final RuleDescriptor APIGW_001 =
      rule("APIGW-001", "API validates request bodies", MEDIUM, List.of(INPUT));
  static final RuleDescriptor AUTH_001 =
      rule("AUTH-001", "Function URL requires IAM authentication", CRITICAL, List.of(AUTH));
  static final RuleDescriptor DEPS_001 =
      rule("DEPS-001", "Function runtime is supported", HIGH, List.of(DEPS));
  static final RuleDescriptor ENC_001 =
      rule(
          "ENC-001",
          "Environment variables are encrypted with a customer managed key",
          LOW,
          List.of(ENC, SECRET));
  static final RuleDescriptor IAM_001 =
      rule("IAM-001", "Execution role grants no wildcard actions", HIGH, List.of(LP));
  static final RuleDescriptor IAM_002 =
      rule("IAM-002", "Each function has a dedicated execution role", MEDIUM, List.of(LP));
  static final RuleDescriptor LOG_001 =
      rule("LOG-001", "Function log group has a retention period", LOW, List.of(LOG));
  static final RuleDescriptor LOG_002 =
      rule("LOG-002", "CloudTrail records Lambda data events", MEDIUM, List.of(AUDIT, LOG));
  static final RuleDescriptor NET_001 =
      rule("NET-001", "Functions that reach private resources run in a VPC", MEDIUM, List.of(NET));
  static final RuleDescriptor SECRET_001 =
      rule("SECRET-001", "Environment variables hold no plaintext secrets", HIGH, List.of(SECRET));

  private SampleReport() {}

  public static Report create() {
    Subject ordersFn =
        subject(ORDERS, "OrdersApiFunction", "AWS::Serverless::Function", "orders-api", null);
    Subject ordersRole =
        subject(ORDERS, "OrdersApiFunctionRole", "AWS::IAM::Role", null, "OrdersApiFunction");
    Subject implicitApi =
        subject(ORDERS, "ServerlessRestApi", "AWS::Serverless::Api", null, "OrdersApiFunction");
    Subject ordersLogs =
        subject(
            ORDERS,
            "OrdersApiFunctionLogGroup",
            "AWS::Logs::LogGroup",
            "/aws/lambda/orders-api",
            null);
    Subject paymentsFn =
        subject(PAYMENTS, "PaymentsFunction", "AWS::Lambda::Function", "payments", null);
    Subject paymentsLogs =
        subject(PAYMENTS, "PaymentsLogGroup", "AWS::Logs::LogGroup", "/aws/lambda/payments", null);
    Subject paymentsRole =
        subject(PAYMENTS, "PaymentsFunctionRole", "AWS::IAM::Role", "payments-role", null);
    Subject reportBuilder =
        subject(REPORTS, "aws_lambda_function.report_builder", "aws_lambda_function", null, null);
    Subject legacy = subject(ACCOUNT, LEGACY_ARN, "AWS::Lambda::Function", "legacy-export", null);
    Subject trail =
        subject(
            ACCOUNT,
            "arn:aws:cloudtrail:eu-west-1:123456789012:trail/management",
            "AWS::CloudTrail::Trail",
            "management",
            null);

    List<Finding> findings =
        List.of(
            finding(
                AUTH_001,
                FAIL,
                ordersFn,
                at(ORDERS, 24, 9, ordersFn),
                "Function OrdersApiFunction has a function URL with AuthType NONE: anyone on the"
                    + " internet can invoke it",
                Map.of("authType", "NONE")),
            finding(
                DEPS_001,
                FAIL,
                legacy,
                Origin.ofResource(LEGACY_ARN),
                "Function legacy-export runs on python3.8, deprecated since 2024-10-14",
                Map.of("runtime", "python3.8", "deprecatedOn", "2024-10-14")),
            finding(
                IAM_001,
                FAIL,
                ordersRole,
                at(ORDERS, 31, 11, ordersFn),
                "Role OrdersApiFunctionRole, generated for OrdersApiFunction, allows `dynamodb:*`"
                    + " on `*`",
                Map.of("action", "dynamodb:*", "resource", "*")),
            finding(
                SECRET_001,
                FAIL,
                paymentsFn.part("Environment.STRIPE_API_KEY"),
                at(PAYMENTS, 48, 17, paymentsFn),
                "Environment variable STRIPE_API_KEY of PaymentsFunction looks like a Stripe"
                    + " secret key",
                Map.of("detector", "stripe-secret-key")),
            finding(
                IAM_002,
                FAIL,
                reportBuilder,
                at(REPORTS + "/main.tf", 12, 1, reportBuilder),
                "Function aws_lambda_function.report_builder shares role aws_iam_role.shared with"
                    + " 2 other functions",
                Map.of()),
            finding(
                ENC_001,
                FAIL,
                paymentsFn,
                at(PAYMENTS, 40, 9, paymentsFn),
                "Environment variables of PaymentsFunction are encrypted with the AWS managed key",
                Map.of("keySource", "AWS_MANAGED")),
            suppressed(
                finding(
                    LOG_001,
                    FAIL,
                    paymentsLogs,
                    at(PAYMENTS, 72, 5, paymentsLogs),
                    "Log group PaymentsLogGroup has no RetentionInDays, so its events are kept"
                        + " forever",
                    Map.of()),
                new Suppression(
                    "LOG-001",
                    new ResourceKey(PAYMENTS, "PaymentsLogGroup"),
                    "Payment logs are kept for the 10-year audit duty (RISK-31)",
                    new Origin(
                        PAYMENTS, 70, 5, "PaymentsLogGroup", "/Resources/PaymentsLogGroup"))),
            finding(
                DEPS_001,
                UNKNOWN,
                reportBuilder,
                at(REPORTS + "/main.tf", 15, 13, reportBuilder),
                "Runtime of aws_lambda_function.report_builder comes from var.runtime, which has"
                    + " no value",
                Map.of()),
            finding(
                LOG_002,
                UNKNOWN,
                trail,
                Origin.ofResource(trail.id()),
                "Event selectors of trail management could not be read (AccessDenied)",
                Map.of()),
            finding(
                APIGW_001,
                PASS,
                implicitApi,
                at(ORDERS, 27, 13, ordersFn),
                "API ServerlessRestApi validates the body of POST /orders",
                Map.of()),
            finding(
                AUTH_001,
                PASS,
                reportBuilder,
                at(REPORTS + "/main.tf", 30, 15, reportBuilder),
                "Function URL of aws_lambda_function.report_builder uses AuthType AWS_IAM",
                Map.of()),
            finding(
                DEPS_001,
                PASS,
                ordersFn,
                at(ORDERS, 20, 16, ordersFn),
                "Function OrdersApiFunction runs on nodejs22.x, which is supported",
                Map.of()),
            finding(
                DEPS_001,
                PASS,
                paymentsFn,
                at(PAYMENTS, 36, 20, paymentsFn),
                "Function PaymentsFunction runs on java21, which is supported",
                Map.of()),
            finding(
                IAM_001,
                PASS,
                paymentsRole,
                at(PAYMENTS, 60, 5, paymentsRole),
                "Role PaymentsFunctionRole grants only listed actions",
                Map.of()),
            finding(
                LOG_001,
                PASS,
                ordersLogs,
                at(ORDERS, 52, 7, ordersLogs),
                "Log group /aws/lambda/orders-api keeps events for 30 days",
                Map.of()),
            finding(
                SECRET_001,
                PASS,
                ordersFn.part("Environment.TABLE_NAME"),
                at(ORDERS, 22, 13, ordersFn),
                "Environment variable TABLE_NAME of OrdersApiFunction holds no secret",
                Map.of()));

    List<ChecklistEntry> checklist =
        List.of(
            entry(LP, ChecklistStatus.NOT_MET, 2, 1, 0, "IAM-001", "IAM-002"),
            new ChecklistEntry(
                LOG, ChecklistStatus.UNKNOWN, 0, 1, 1, 1, List.of("LOG-001", "LOG-002")),
            entry(Control.CRED, ChecklistStatus.NOT_APPLICABLE, 0, 0, 0),
            entry(Control.ASSET, ChecklistStatus.NOT_APPLICABLE, 0, 0, 0),
            entry(Control.ISMS, ChecklistStatus.NOT_APPLICABLE, 0, 0, 0),
            entry(AUTH, ChecklistStatus.NOT_MET, 1, 1, 0, "AUTH-001"),
            entry(SECRET, ChecklistStatus.NOT_MET, 2, 1, 0, "ENC-001", "SECRET-001"),
            entry(NET, ChecklistStatus.NOT_APPLICABLE, 0, 0, 0, "NET-001"),
            entry(INPUT, ChecklistStatus.MET, 0, 1, 0, "APIGW-001"),
            entry(ENC, ChecklistStatus.NOT_MET, 1, 0, 0, "ENC-001"),
            entry(DEPS, ChecklistStatus.NOT_MET, 1, 2, 1, "DEPS-001"),
            entry(AUDIT, ChecklistStatus.UNKNOWN, 0, 0, 1, "LOG-002"));

    return new Report(
        new Report.ToolInfo("lambdasec", "0.1.0", "https://github.com/lambdasec/lambdasec"),
        Instant.parse("2025-05-14T09:30:00Z"),
        List.of(
            new SourceUnit(ORDERS, SourceKind.SAM),
            new SourceUnit(PAYMENTS, SourceKind.CLOUDFORMATION),
            new SourceUnit(REPORTS, SourceKind.TERRAFORM),
            new SourceUnit(ACCOUNT, SourceKind.AWS)),
        List.of(
            APIGW_001,
            AUTH_001,
            DEPS_001,
            ENC_001,
            IAM_001,
            IAM_002,
            LOG_001,
            LOG_002,
            NET_001,
            SECRET_001),
        findings,
        checklist,
        List.of(
            new InputError(
                "templates/inventory.yaml",
                7,
                3,
                "Could not parse YAML: a mapping value is not allowed here"),
            InputError.note(
                "templates/orders.yaml",
                41,
                7,
                "API OrdersApi definition is not read: its DefinitionUri is a file outside the"
                    + " template")),
        List.of(
            new Report.RuleError(
                "NET-001", "internal error in rule NET-001: java.lang.IllegalStateException")),
        Map.of("functions", 5, "roles", 3, "apiRoutes", 2));
  }

  private static RuleDescriptor rule(
      String id, String title, Severity severity, List<Control> controls) {
    String doc =
        "## Rationale\n\n"
            + title
            + " is checked because a serverless function is only as safe as the"
            + " configuration around it.\nThis second line belongs to the same paragraph.\n\n"
            + "## Remediation\n\nFix the template or the live resource, then scan again.\n\n"
            + "## References\n\n- https://docs.aws.amazon.com/lambda/latest/dg/lambda-security.html\n";
    return new RuleDescriptor(
        id,
        title,
        severity,
        controls,
        List.of(SourceKind.SAM, SourceKind.CLOUDFORMATION, SourceKind.TERRAFORM, SourceKind.AWS),
        doc);
  }

  private static Subject subject(
      String scope, String id, String type, @Nullable String name, @Nullable String definedBy) {
    return new Subject(new ResourceKey(scope, id), id, type, name, definedBy, null);
  }

  private static Origin at(String file, int line, int column, Subject holder) {
    return new Origin(file, line, column, holder.id(), null);
  }

  private static Finding finding(
      RuleDescriptor rule,
      Status status,
      Subject subject,
      Origin origin,
      String message,
      Map<String, String> evidence) {
    return new Finding(
        rule.id(),
        rule.title(),
        status,
        rule.severity(),
        rule.controls(),
        subject,
        origin,
        message,
        Fingerprints.of(rule.id(), subject),
        evidence,
        null);
  }

  private static Finding suppressed(Finding f, Suppression s) {
    return new Finding(
        f.ruleId(),
        f.title(),
        f.status(),
        f.severity(),
        f.controls(),
        f.subject(),
        f.origin(),
        f.message(),
        f.fingerprint(),
        f.evidence(),
        s);
  }

  private static ChecklistEntry entry(
      Control control,
      ChecklistStatus status,
      int failed,
      int passed,
      int unknown,
      String... rules) {
    return new ChecklistEntry(control, status, failed, passed, unknown, 0, List.of(rules));
  }
}
