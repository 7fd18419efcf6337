package dev.lambdasec.source.iac.terraform;

import static dev.lambdasec.source.iac.terraform.Tf.app;
import static dev.lambdasec.source.iac.terraform.Tf.get;
import static dev.lambdasec.source.iac.terraform.Tf.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.InputError;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.ManagedPolicy;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.ResourceKey;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.Suppression;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.iac.IacOptions;
import dev.lambdasec.source.iac.SourceResult;
import dev.lambdasec.source.iac.cfn.Nodes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformEvaluationTest {

  @TempDir Path dir;

  private static final String FN =
      """
      resource "aws_lambda_function" "fn" {
        function_name = var.name
        runtime       = var.runtime
        handler       = "app.handler"
        role          = "arn:aws:iam::123456789012:role/r"
      }
      """;

  private static final String VARIABLES =
      """
      variable "name" { default = "from-default" }
      variable "runtime" {
        type    = string
        default = "python3.12"
      }
      variable "sizes" {
        type    = list(number)
        default = [128]
      }
      """;

  private static String name(SourceResult r, String scope) {
    return get(r.application(), LambdaFunction.class, scope, "aws_lambda_function.fn")
        .name()
        .orElse("?");
  }

  @Test
  void variablesTakeDefaultsThenTfvarsThenVarFilesThenVar() throws Exception {
    String scope = dir.toString();
    Map<String, String> files = Map.of("main.tf", FN, "variables.tf", VARIABLES);
    assertThat(name(Tf.folder(dir, files, IacOptions.defaults()), scope)).isEqualTo("from-default");

    Tf.folder(dir, Map.of("terraform.tfvars", "name = \"from-tfvars\"\n"), IacOptions.defaults());
    assertThat(name(Tf.folder(dir, Map.of(), IacOptions.defaults()), scope))
        .isEqualTo("from-tfvars");

    Tf.folder(dir, Map.of("b.auto.tfvars", "name = \"from-auto\"\n"), IacOptions.defaults());
    assertThat(name(Tf.folder(dir, Map.of(), IacOptions.defaults()), scope)).isEqualTo("from-auto");

    Path varFile = dir.resolve("../prod.tfvars").normalize();
    java.nio.file.Files.writeString(varFile, "name = \"from-var-file\"\n");
    IacOptions withFile = new IacOptions(Map.of(), Map.of(), List.of(varFile.toString()), 1 << 20);
    assertThat(name(Tf.folder(dir, Map.of(), withFile), scope)).isEqualTo("from-var-file");

    IacOptions withVar =
        new IacOptions(Map.of(), Map.of("name", "from-var"), List.of(varFile.toString()), 1 << 20);
    assertThat(name(Tf.folder(dir, Map.of(), withVar), scope)).isEqualTo("from-var");
  }

  @Test
  void aVariableWithoutValueIsUnresolvedAndLeavesPlaceholdersInText() {
    Application app =
        app(
            """
            variable "env" {}
            resource "aws_lambda_function" "fn" {
              function_name = "${var.env}-orders"
              runtime       = var.env
              handler       = "app.handler"
              role          = "arn:aws:iam::123456789012:role/r"
            }
            """);
    LambdaFunction fn = get(app, LambdaFunction.class, "aws_lambda_function.fn");
    assertThat(fn.name()).isEqualTo(Value.set("${var.env}-orders", fn.name().origin()));
    assertThat(fn.runtime().isUnresolved()).isTrue();
    assertThat(fn.runtime().reason()).contains("var.env has no value");
    assertThat(fn.runtime().origin().line()).isEqualTo(4);
  }

  @Test
  void localsFunctionsAndConditionalsEvaluate() {
    Application app =
        app(
            """
            locals {
              prefix  = lower("Shop")
              runtime = var.legacy ? "python3.8" : "python3.12"
              tags    = merge({team = "a"}, {env = format("%s-%d", "prod", 2)})
            }
            variable "legacy" { default = false }
            resource "aws_lambda_function" "fn" {
              function_name = join("-", [local.prefix, "orders"])
              runtime       = local.runtime
              handler       = "app.handler"
              memory_size   = 64 * 4
              role          = "arn:aws:iam::123456789012:role/r"
              tags          = local.tags
            }
            """);
    LambdaFunction fn = get(app, LambdaFunction.class, "aws_lambda_function.fn");
    assertThat(fn.name().get()).isEqualTo("shop-orders");
    assertThat(fn.runtime().get()).isEqualTo("python3.12");
    assertThat(fn.runtime().origin().line()).isEqualTo(9);
    assertThat(fn.memorySize().get()).isEqualTo(256);
    assertThat(fn.tags().get().get("env").get()).isEqualTo("prod-2");
  }

  @Test
  void countAndForEachInstancesAreAddressedAsTerraformDoes() {
    Application app =
        app(
            """
            resource "aws_cloudwatch_log_group" "by_count" {
              count = 2
              name  = "/app/${count.index}"
            }
            resource "aws_cloudwatch_log_group" "by_key" {
              for_each = {orders = 7, billing = 30}
              name              = "/app/${each.key}"
              retention_in_days = each.value
            }
            resource "aws_cloudwatch_log_group" "none" {
              count = 0
              name  = "/never"
            }
            """);
    assertThat(ids(app))
        .containsExactly(
            "aws_cloudwatch_log_group.by_count[0]",
            "aws_cloudwatch_log_group.by_count[1]",
            "aws_cloudwatch_log_group.by_key[\"orders\"]",
            "aws_cloudwatch_log_group.by_key[\"billing\"]");
    assertThat(
            get(
                    app,
                    dev.lambdasec.model.LogGroup.class,
                    "aws_cloudwatch_log_group.by_key[\"billing\"]")
                .retentionDays()
                .get())
        .isEqualTo(30);
  }

  @Test
  void anUnknownCountReadsAsOneInstanceUnderTheBareAddress() {
    SourceResult r =
        Tf.read(
            """
            variable "n" {}
            resource "aws_cloudwatch_log_group" "g" {
              count = var.n
              name  = "/app/${count.index}"
            }
            """);
    assertThat(ids(r.application())).containsExactly("aws_cloudwatch_log_group.g");
    assertThat(Tf.notes(r)).anyMatch(n -> n.contains("count is not known"));
  }

  @Test
  void aCountThatOnlyDefaultsSwitchOffIsAuditedWhileOneTheUserSwitchesOffIsNot() {
    Map<String, String> files =
        Map.of(
            "main.tf",
            """
            variable "admin_policy" { default = false }
            resource "aws_iam_policy" "admin" {
              count  = var.admin_policy ? 1 : 0
              name   = "admin"
              policy = jsonencode({Statement = [{Effect = "Allow", Action = "*", Resource = "*"}]})
            }
            """);
    SourceResult byDefault = Tf.folder(dir, files, IacOptions.defaults());
    assertThat(ids(byDefault.application())).containsExactly("aws_iam_policy.admin");
    assertThat(Tf.notes(byDefault)).anyMatch(n -> n.contains("potential instance"));

    Tf.folder(dir, Map.of("terraform.tfvars", "admin_policy = false\n"), IacOptions.defaults());
    assertThat(ids(Tf.folder(dir, Map.of(), IacOptions.defaults()).application())).isEmpty();

    IacOptions on = new IacOptions(Map.of(), Map.of("admin_policy", "true"), List.of(), 1 << 20);
    assertThat(ids(Tf.folder(dir, Map.of(), on).application()))
        .containsExactly("aws_iam_policy.admin[0]");
  }

  @Test
  void aModuleCallThatLeavesAnArgumentOutDecidesItsDefault() {
    Map<String, String> files =
        Map.of(
            "main.tf",
            """
            module "plain" {
              source = "./modules/role"
            }
            module "broad" {
              source   = "./modules/role"
              policies = ["arn:aws:iam::aws:policy/AmazonS3FullAccess"]
            }
            """,
            "modules/role/main.tf",
            """
            variable "policies" { default = [] }
            resource "aws_iam_role" "this" {
              name               = "role-${length(var.policies)}"
              assume_role_policy = "{}"
            }
            resource "aws_iam_role_policy_attachment" "each" {
              for_each   = toset(var.policies)
              role       = aws_iam_role.this.name
              policy_arn = each.value
            }
            """);
    SourceResult r = Tf.folder(dir, files, IacOptions.defaults());
    assertThat(Tf.notes(r)).isEmpty();
    assertThat(
            get(r.application(), Role.class, dir.toString(), "module.plain.aws_iam_role.this")
                .managedPolicies())
        .isEmpty();
    assertThat(
            get(r.application(), Role.class, dir.toString(), "module.broad.aws_iam_role.this")
                .managedPolicies())
        .hasSize(1);
  }

  @Test
  void anIdOrArnKnownOnlyAfterApplyIsNeverNull() {
    LambdaFunction fn =
        get(
            app(
                """
                resource "aws_sqs_queue" "dlq" { name = "dlq" }
                locals { dlq = aws_sqs_queue.dlq.arn }
                resource "aws_lambda_function" "fn" {
                  function_name = "fn"
                  runtime       = local.dlq == null ? "python3.11" : "python3.12"
                  handler       = "app.handler"
                  role          = "arn:aws:iam::123456789012:role/r"
                  dynamic "dead_letter_config" {
                    for_each = local.dlq != null ? [local.dlq] : []
                    content { target_arn = dead_letter_config.value }
                  }
                }
                """),
            LambdaFunction.class,
            "aws_lambda_function.fn");
    assertThat(fn.runtime().orElse("?")).isEqualTo("python3.12");
    assertThat(fn.deadLetterTarget().isPresent()).isTrue();
  }

  @Test
  void localModulesAreReadThroughTheirCallerWithPrefixedAddresses() {
    Map<String, String> files =
        Map.of(
            "main.tf",
            """
            module "orders" {
              source  = "./modules/fn"
              name    = "orders"
            }
            module "remote" {
              source = "terraform-aws-modules/lambda/aws"
            }
            resource "aws_lambda_permission" "api" {
              function_name = module.orders.function_name
              principal     = "apigateway.amazonaws.com"
              action        = "lambda:InvokeFunction"
            }
            """,
            "modules/fn/main.tf",
            """
            variable "name" {}
            resource "aws_lambda_function" "this" {
              function_name = var.name
              runtime       = "python3.12"
              handler       = "app.handler"
              role          = "arn:aws:iam::123456789012:role/r"
            }
            output "function_name" { value = aws_lambda_function.this.function_name }
            """);
    SourceResult r = Tf.folder(dir, files, IacOptions.defaults());
    String scope = dir.toString();
    assertThat(ids(r.application()))
        .containsExactly("module.orders.aws_lambda_function.this", "aws_lambda_permission.api");
    LambdaFunction fn =
        get(r.application(), LambdaFunction.class, scope, "module.orders.aws_lambda_function.this");
    assertThat(fn.name().get()).isEqualTo("orders");
    assertThat(fn.origin().file()).isEqualTo(scope + "/modules/fn/main.tf");
    assertThat(
            get(
                    r.application(),
                    dev.lambdasec.model.Permission.class,
                    scope,
                    "aws_lambda_permission.api")
                .target()
                .get())
        .isEqualTo(Ref.to(new ResourceKey(scope, "module.orders.aws_lambda_function.this")));
    assertThat(Tf.notes(r)).anyMatch(n -> n.contains("only local modules"));
    assertThat(r.application().sources()).hasSize(1);
  }

  @Test
  void attributesOfOtherResourcesAreTheirConfiguredValueOrAReference() {
    Application app =
        app(
            """
            resource "aws_iam_role" "r" {
              name               = "orders-role"
              assume_role_policy = "{}"
            }
            resource "aws_iam_role" "unnamed" {
              assume_role_policy = "{}"
            }
            resource "aws_iam_role_policy" "by_name" {
              role   = aws_iam_role.r.name
              policy = jsonencode({Statement = []})
            }
            resource "aws_iam_role_policy" "by_id" {
              role   = aws_iam_role.unnamed.id
              policy = jsonencode({Statement = []})
            }
            resource "aws_lambda_function" "fn" {
              function_name = "orders"
              runtime       = "python3.12"
              handler       = "app.handler"
              role          = aws_iam_role.r.arn
            }
            """);
    assertThat(get(app, LambdaFunction.class, "aws_lambda_function.fn").role().get())
        .isEqualTo(Tf.to("aws_iam_role.r"));
    assertThat(get(app, Role.class, "aws_iam_role.r").inlinePolicies()).hasSize(1);
    assertThat(get(app, Role.class, "aws_iam_role.unnamed").inlinePolicies()).hasSize(1);
  }

  @Test
  void policiesKeepTheLinesWhereTheirStatementsAreWritten() throws Exception {
    String policyJson =
        """
        {
          "Version": "2012-10-17",
          "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]
        }
        """;
    Map<String, String> files =
        Map.of(
            "main.tf",
            """
            resource "aws_iam_policy" "encoded" {
              policy = jsonencode({
                Version   = "2012-10-17"
                Statement = [{
                  Effect   = "Allow"
                  Action   = "s3:*"
                  Resource = "*"
                }]
              })
            }
            resource "aws_iam_policy" "heredoc" {
              policy = <<-EOF
                {
                  "Statement": [{"Effect": "Allow",
                                 "Action": "s3:*", "Resource": "${var.bucket}"}]
                }
              EOF
            }
            resource "aws_iam_policy" "from_file" {
              policy = file("${path.module}/policy.json")
            }
            resource "aws_iam_policy" "from_data" {
              policy = data.aws_iam_policy_document.doc.json
            }
            data "aws_iam_policy_document" "doc" {
              statement {
                actions   = ["s3:*"]
                resources = ["*"]
                principals {
                  type        = "AWS"
                  identifiers = [data.aws_caller_identity.me.account_id]
                }
              }
            }
            data "aws_caller_identity" "me" {}
            variable "bucket" {}
            """,
            "policy.json",
            policyJson);
    SourceResult r = Tf.folder(dir, files, IacOptions.defaults());
    String scope = dir.toString();
    Application app = r.application();
    assertThat(action(app, scope, "aws_iam_policy.encoded").origin().line()).isEqualTo(6);
    Node heredoc = action(app, scope, "aws_iam_policy.heredoc");
    assertThat(heredoc.origin().line()).isEqualTo(15);
    assertThat(Nodes.text(Nodes.at(statement(app, scope, "aws_iam_policy.heredoc"), "Resource")))
        .contains("${var.bucket}");
    Node fromFile = action(app, scope, "aws_iam_policy.from_file");
    assertThat(fromFile.origin().file()).isEqualTo(scope + "/policy.json");
    assertThat(fromFile.origin().line()).isEqualTo(3);
    Node data = statement(app, scope, "aws_iam_policy.from_data");
    assertThat(data.origin().line()).isEqualTo(26);
    assertThat(Nodes.text(data, "Effect")).contains("Allow");
    assertThat(Nodes.content(Nodes.at(data, "Principal", "AWS")))
        .isEqualTo("[ref:${AWS::AccountId},]");
  }

  private static Node statement(Application app, String scope, String address) {
    Node doc = get(app, ManagedPolicy.class, scope, address).document().document();
    return Nodes.items(Nodes.get(doc, "Statement")).getFirst();
  }

  private static Node action(Application app, String scope, String address) {
    return java.util.Objects.requireNonNull(Nodes.get(statement(app, scope, address), "Action"));
  }

  @Test
  void dynamicBlocksExpandAndCommentedOutBlocksAreNotRead() {
    Application app =
        app(
            """
            # resource "aws_lambda_function" "old" {
            #   function_name = "old"
            # }
            /*
            resource "aws_lambda_function" "older" {}
            */
            resource "aws_security_group" "sg" {
              dynamic "egress" {
                for_each = ["10.0.0.0/8", "0.0.0.0/0"]
                content {
                  cidr_blocks = [egress.value]
                }
              }
            }
            """);
    assertThat(ids(app)).containsExactly("aws_security_group.sg");
    assertThat(
            get(app, dev.lambdasec.model.SecurityGroup.class, "aws_security_group.sg")
                .egressCidrs()
                .get()
                .stream()
                .map(Value::get)
                .toList())
        .containsExactly("10.0.0.0/8", "0.0.0.0/0");
  }

  @Test
  void inlineSuppressionsTargetTheBlockTheyAreOnOrAbove() {
    SourceResult r =
        Tf.read(
            """
            # lambdasec:ignore LAMBDA-001 partner webhook, checked by HMAC in the handler
            resource "aws_lambda_function_url" "hook" {
              function_name      = "hook"
              authorization_type = "NONE"
            }
            resource "aws_iam_role" "r" {
              assume_role_policy = "{}"
            }
            resource "aws_iam_role_policy" "p" {
              role   = aws_iam_role.r.id
              // lambdasec:ignore IAM-002
              policy = jsonencode({Statement = []})
            }
            # lambdasec:ignore IAM-001 nothing below

            variable "x" {}
            """);
    List<Suppression> s = r.application().suppressions();
    assertThat(s)
        .extracting(Suppression::ruleId, x -> x.target().id(), Suppression::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "LAMBDA-001",
                "aws_lambda_function_url.hook",
                "partner webhook, checked by HMAC in the handler"),
            org.assertj.core.groups.Tuple.tuple("IAM-002", "aws_iam_role.r", null));
    assertThat(s.getFirst().origin().line()).isEqualTo(1);
    assertThat(Tf.notes(r)).anyMatch(n -> n.contains("applies to nothing"));
  }

  @Test
  void aBrokenFileIsReportedWithItsLineAndTheRestOfTheFolderIsRead() {
    SourceResult r =
        Tf.folder(
            dir,
            Map.of(
                "a.tf",
                "resource \"aws_kms_key\" \"k\" {\n  enable_key_rotation = true\n}\n",
                "b.tf",
                "resource \"aws_kms_key\" \"broken\" {\n  policy = \"unterminated\n}\n"),
            IacOptions.defaults());
    List<InputError> errors = r.errors().stream().filter(e -> !e.isNote()).toList();
    assertThat(errors).hasSize(1);
    assertThat(errors.getFirst().file()).endsWith("/b.tf");
    assertThat(errors.getFirst().line()).isEqualTo(2);
    assertThat(ids(r.application())).containsExactly("aws_kms_key.k");
  }

  @Test
  void hostileConfigurationsEndInAnErrorNotACrash() {
    SourceResult huge =
        Tf.read(
            """
            locals {
              a = range(10000)
              b = [for x in local.a : [for y in local.a : "${x}-${y}"]]
            }
            resource "aws_kms_key" "k" { policy = jsonencode(local.b) }
            """);
    assertThat(huge.errors()).anyMatch(e -> e.message().contains("values; not read"));
    SourceResult cycle =
        Tf.read(
            """
            locals {
              a = local.b
              b = local.a
            }
            resource "aws_cloudwatch_log_group" "g" { name = local.a }
            """);
    assertThat(cycle.errors().stream().filter(e -> !e.isNote())).isEmpty();
    assertThat(
            get(
                    cycle.application(),
                    dev.lambdasec.model.LogGroup.class,
                    "aws_cloudwatch_log_group.g")
                .name()
                .isUnresolved())
        .isTrue();
  }
}
