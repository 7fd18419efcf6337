package dev.lambdasec.source.iac.terraform;

import static dev.lambdasec.source.iac.terraform.Tf.app;
import static dev.lambdasec.source.iac.terraform.Tf.get;
import static dev.lambdasec.source.iac.terraform.Tf.ids;
import static dev.lambdasec.source.iac.terraform.Tf.to;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdasec.model.Api;
import dev.lambdasec.model.ApiRoute;
import dev.lambdasec.model.Application;
import dev.lambdasec.model.Authorizer;
import dev.lambdasec.model.CodeSigningConfig;
import dev.lambdasec.model.EventSourceMapping;
import dev.lambdasec.model.FunctionUrl;
import dev.lambdasec.model.IamGroup;
import dev.lambdasec.model.IamUser;
import dev.lambdasec.model.KmsKey;
import dev.lambdasec.model.LambdaFunction;
import dev.lambdasec.model.LogGroup;
import dev.lambdasec.model.ManagedPolicy;
import dev.lambdasec.model.Permission;
import dev.lambdasec.model.Ref;
import dev.lambdasec.model.RequestValidator;
import dev.lambdasec.model.Role;
import dev.lambdasec.model.SecurityGroup;
import dev.lambdasec.model.ServiceNotification;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.SourceUnit;
import dev.lambdasec.model.Subnet;
import dev.lambdasec.model.Trail;
import dev.lambdasec.model.Value;
import dev.lambdasec.source.iac.cfn.Nodes;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerraformMappingTest {

  @Test
  void functionsMapEveryProperty() {
    Application app =
        app(
            """
            resource "aws_kms_key" "k" {}
            resource "aws_sqs_queue" "dlq" {}
            resource "aws_lambda_layer_version" "common" { layer_name = "common" }
            resource "aws_lambda_code_signing_config" "signing" {
              allowed_publishers { signing_profile_version_arns = ["arn:aws:signer:::p/v1"] }
              policies { untrusted_artifact_on_deployment = "Enforce" }
            }
            resource "aws_cloudwatch_log_group" "logs" { name = "/app/orders" }
            resource "aws_lambda_function" "fn" {
              function_name                  = "orders"
              runtime                        = "python3.12"
              handler                        = "app.handler"
              architectures                  = ["arm64"]
              memory_size                    = 512
              timeout                        = 30
              role                           = "arn:aws:iam::123456789012:role/external"
              kms_key_arn                    = aws_kms_key.k.arn
              reserved_concurrent_executions = 5
              layers                         = [aws_lambda_layer_version.common.arn]
              code_signing_config_arn        = aws_lambda_code_signing_config.signing.arn
              s3_bucket                      = "artifacts"
              s3_key                         = "fn.zip"
              environment {
                variables = { TABLE = "orders" }
              }
              vpc_config {
                subnet_ids         = ["subnet-1", "subnet-2"]
                security_group_ids = ["sg-1"]
              }
              tracing_config { mode = "Active" }
              logging_config {
                log_format = "JSON"
                log_group  = aws_cloudwatch_log_group.logs.name
              }
              dead_letter_config { target_arn = aws_sqs_queue.dlq.arn }
              tags = { team = "payments" }
            }
            resource "aws_lambda_function_event_invoke_config" "invoke" {
              function_name = aws_lambda_function.fn.function_name
              destination_config {
                on_failure { destination = aws_sqs_queue.dlq.arn }
              }
            }
            resource "aws_lambda_function" "unreserved" {
              function_name                  = "plain"
              runtime                        = "nodejs22.x"
              handler                        = "index.handler"
              role                           = "arn:aws:iam::123456789012:role/external"
              reserved_concurrent_executions = -1
              filename                       = "build/plain.zip"
            }
            """);
    LambdaFunction fn = get(app, LambdaFunction.class, "aws_lambda_function.fn");
    assertThat(fn.name().get()).isEqualTo("orders");
    assertThat(fn.architectures().get()).extracting(Value::get).containsExactly("arm64");
    assertThat(fn.memorySize().get()).isEqualTo(512);
    assertThat(fn.timeout().get()).isEqualTo(30);
    assertThat(fn.role().get()).isEqualTo(Ref.literal("arn:aws:iam::123456789012:role/external"));
    assertThat(fn.kmsKey().get()).isEqualTo(to("aws_kms_key.k"));
    assertThat(fn.environment().get().get("TABLE").get()).isEqualTo("orders");
    assertThat(fn.vpc().get().subnets()).hasSize(2);
    assertThat(fn.tracingMode().get()).isEqualTo("Active");
    assertThat(fn.logGroup().get()).isEqualTo(to("aws_cloudwatch_log_group.logs"));
    assertThat(fn.deadLetterTarget().get()).isEqualTo(to("aws_sqs_queue.dlq"));
    assertThat(fn.onFailureDestination().get()).isEqualTo(to("aws_sqs_queue.dlq"));
    assertThat(fn.reservedConcurrency().get()).isEqualTo(5);
    assertThat(fn.layers())
        .extracting(Value::get)
        .containsExactly(to("aws_lambda_layer_version.common"));
    assertThat(fn.codeSigningConfig().get())
        .isEqualTo(to("aws_lambda_code_signing_config.signing"));
    assertThat(fn.tags().get().get("team").get()).isEqualTo("payments");
    assertThat(fn.codeLocation().get()).isEqualTo("s3://artifacts/fn.zip");
    assertThat(
            get(app, CodeSigningConfig.class, "aws_lambda_code_signing_config.signing")
                .untrustedArtifactOnDeployment()
                .get())
        .isEqualTo("Enforce");
    LambdaFunction plain = get(app, LambdaFunction.class, "aws_lambda_function.unreserved");
    assertThat(plain.reservedConcurrency().isAbsent()).isTrue();
    assertThat(plain.tracingMode()).isEqualTo(Value.defaulted("PassThrough", plain.origin()));
    assertThat(plain.codeLocation().get()).isEqualTo("build/plain.zip");
    assertThat(app.sources()).containsExactly(new SourceUnit(Tf.FILE, SourceKind.TERRAFORM));
  }

  @Test
  void rolesUsersAndGroupsCollectTheirPolicies() {
    Application app =
        app(
            """
            resource "aws_iam_role" "r" {
              name               = "orders"
              assume_role_policy = jsonencode({Statement = [{Effect = "Allow", Action = "sts:AssumeRole", Principal = {Service = "lambda.amazonaws.com"}}]})
              managed_policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
              inline_policy {
                name   = "inline"
                policy = jsonencode({Statement = []})
              }
            }
            resource "aws_iam_policy" "custom" {
              name   = "custom"
              policy = jsonencode({Statement = []})
            }
            resource "aws_iam_role_policy_attachment" "basic" {
              role       = aws_iam_role.r.name
              policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
            }
            resource "aws_iam_policy_attachment" "shared" {
              name       = "shared"
              roles      = [aws_iam_role.r.name]
              users      = [aws_iam_user.u.name]
              groups     = [aws_iam_group.g.name]
              policy_arn = aws_iam_policy.custom.arn
            }
            resource "aws_iam_user" "u" { name = "ci" }
            resource "aws_iam_user_policy" "up" {
              user   = aws_iam_user.u.name
              policy = jsonencode({Statement = []})
            }
            resource "aws_iam_group" "g" { name = "devs" }
            resource "aws_iam_group_policy" "gp" {
              group  = aws_iam_group.g.id
              policy = jsonencode({Statement = []})
            }
            """);
    Role role = get(app, Role.class, "aws_iam_role.r");
    assertThat(role.name().get()).isEqualTo("orders");
    assertThat(role.trustPolicy().isPresent()).isTrue();
    assertThat(role.inlinePolicies()).extracting(p -> p.name()).containsExactly("inline");
    assertThat(role.managedPolicies())
        .extracting(Value::get)
        .containsExactly(
            Ref.literal("arn:aws:iam::aws:policy/ReadOnlyAccess"),
            Ref.literal("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"),
            to("aws_iam_policy.custom"));
    IamUser user = get(app, IamUser.class, "aws_iam_user.u");
    assertThat(user.inlinePolicies()).hasSize(1);
    assertThat(user.managedPolicies())
        .extracting(Value::get)
        .containsExactly(to("aws_iam_policy.custom"));
    IamGroup group = get(app, IamGroup.class, "aws_iam_group.g");
    assertThat(group.inlinePolicies()).hasSize(1);
    assertThat(group.managedPolicies()).hasSize(1);
  }

  @Test
  void aPolicyDocumentNoExpressionUsesIsJudgedOnItsOwn() {
    Application app =
        app(
            """
            data "aws_iam_policy_document" "used" {
              statement {
                actions   = ["s3:GetObject"]
                resources = ["arn:aws:s3:::reports/*"]
              }
            }
            data "aws_iam_policy_document" "base" {
              statement {
                actions   = ["sqs:SendMessage"]
                resources = ["*"]
              }
            }
            data "aws_iam_policy_document" "combined" {
              source_policy_documents = [data.aws_iam_policy_document.base.json]
            }
            data "aws_iam_policy_document" "trust" {
              statement {
                actions = ["sts:AssumeRole"]
                principals {
                  type        = "Service"
                  identifiers = ["lambda.amazonaws.com"]
                }
              }
            }
            data "aws_iam_policy_document" "for_a_module" {
              count = 2
              statement {
                actions   = ["iam:*"]
                resources = ["*"]
              }
            }
            resource "aws_iam_policy" "p" {
              name   = "reports"
              policy = data.aws_iam_policy_document.used.json
            }
            """);
    assertThat(app.managedPolicies())
        .extracting(ManagedPolicy::id)
        .containsExactlyInAnyOrder(
            "aws_iam_policy.p",
            "data.aws_iam_policy_document.combined",
            "data.aws_iam_policy_document.for_a_module[0]",
            "data.aws_iam_policy_document.for_a_module[1]");
    ManagedPolicy combined = get(app, ManagedPolicy.class, "data.aws_iam_policy_document.combined");
    assertThat(combined.document().document().toString()).contains("sqs:SendMessage");
  }

  @Test
  void permissionsBecomeTheStatementLambdaStores() {
    Application app =
        app(
            """
            resource "aws_lambda_function" "fn" {
              function_name = "orders"
              runtime       = "python3.12"
              handler       = "app.handler"
              role          = "arn:aws:iam::123456789012:role/r"
            }
            resource "aws_lambda_alias" "live" {
              name             = "live"
              function_name    = aws_lambda_function.fn.function_name
              function_version = "1"
            }
            resource "aws_lambda_permission" "s3" {
              statement_id   = "AllowS3"
              action         = "lambda:InvokeFunction"
              function_name  = aws_lambda_function.fn.function_name
              principal      = "s3.amazonaws.com"
              source_arn     = "arn:aws:s3:::uploads"
              source_account = "123456789012"
            }
            resource "aws_lambda_permission" "alias" {
              action        = "lambda:InvokeFunction"
              function_name = aws_lambda_alias.live.arn
              principal     = "*"
            }
            resource "aws_lambda_permission" "qualified" {
              action        = "lambda:InvokeFunction"
              function_name = aws_lambda_function.fn.function_name
              qualifier     = "beta"
              principal     = "111122223333"
            }
            """);
    Permission s3 = get(app, Permission.class, "aws_lambda_permission.s3");
    assertThat(s3.target().get()).isEqualTo(to("aws_lambda_function.fn"));
    assertThat(s3.qualifier().isAbsent()).isTrue();
    var statement = Nodes.items(Nodes.get(s3.policy().document(), "Statement")).getFirst();
    assertThat(Nodes.text(statement, "Sid")).contains("AllowS3");
    assertThat(Nodes.text(Nodes.at(statement, "Principal", "Service")))
        .contains("s3.amazonaws.com");
    assertThat(Nodes.text(Nodes.at(statement, "Condition", "ArnLike", "AWS:SourceArn")))
        .contains("arn:aws:s3:::uploads");
    assertThat(Nodes.text(Nodes.at(statement, "Condition", "StringEquals", "AWS:SourceAccount")))
        .contains("123456789012");
    Permission alias = get(app, Permission.class, "aws_lambda_permission.alias");
    assertThat(alias.target().get()).isEqualTo(to("aws_lambda_function.fn"));
    assertThat(alias.qualifier().get()).isEqualTo("live");
    Permission qualified = get(app, Permission.class, "aws_lambda_permission.qualified");
    assertThat(qualified.qualifier().get()).isEqualTo("beta");
    var principal =
        Nodes.at(
            Nodes.items(Nodes.get(qualified.policy().document(), "Statement")).getFirst(),
            "Principal",
            "AWS");
    assertThat(Nodes.text(principal)).contains("arn:aws:iam::111122223333:root");
  }

  @Test
  void urlsAndEventSourceMappingsMap() {
    Application app =
        app(
            """
            resource "aws_lambda_function" "fn" {
              function_name = "orders"
              runtime       = "python3.12"
              handler       = "app.handler"
              role          = "arn:aws:iam::123456789012:role/r"
            }
            resource "aws_lambda_function_url" "url" {
              function_name      = aws_lambda_function.fn.function_name
              authorization_type = "NONE"
              cors {
                allow_origins = ["*"]
                allow_methods = ["GET"]
              }
            }
            resource "aws_sqs_queue" "q" {}
            resource "aws_lambda_event_source_mapping" "sqs" {
              event_source_arn = aws_sqs_queue.q.arn
              function_name    = aws_lambda_function.fn.arn
            }
            resource "aws_lambda_event_source_mapping" "stream" {
              event_source_arn  = "arn:aws:kinesis:us-east-1:123456789012:stream/s"
              function_name     = aws_lambda_function.fn.arn
              starting_position = "LATEST"
              destination_config {
                on_failure { destination_arn = aws_sqs_queue.q.arn }
              }
            }
            """);
    FunctionUrl url = get(app, FunctionUrl.class, "aws_lambda_function_url.url");
    assertThat(url.function().get()).isEqualTo(to("aws_lambda_function.fn"));
    assertThat(url.authType().get()).isEqualTo("NONE");
    assertThat(url.cors().get().allowOrigins().get()).extracting(Value::get).containsExactly("*");
    EventSourceMapping sqs =
        get(app, EventSourceMapping.class, "aws_lambda_event_source_mapping.sqs");
    assertThat(sqs.sourceType().get()).isEqualTo("sqs");
    assertThat(sqs.eventSourceArn().get()).isEqualTo("${aws_sqs_queue.q.arn}");
    EventSourceMapping stream =
        get(app, EventSourceMapping.class, "aws_lambda_event_source_mapping.stream");
    assertThat(stream.sourceType().get()).isEqualTo("kinesis");
    assertThat(stream.onFailureDestination().get()).isEqualTo(to("aws_sqs_queue.q"));
  }

  @Test
  void restApisMapMethodsWithTheirPathsIntegrationsAndStages() {
    Application app =
        app(
            """
            resource "aws_lambda_function" "fn" {
              function_name = "orders"
              runtime       = "python3.12"
              handler       = "app.handler"
              role          = "arn:aws:iam::123456789012:role/r"
            }
            resource "aws_api_gateway_rest_api" "api" {
              name = "orders"
              endpoint_configuration { types = ["REGIONAL"] }
            }
            resource "aws_api_gateway_resource" "orders" {
              rest_api_id = aws_api_gateway_rest_api.api.id
              parent_id   = aws_api_gateway_rest_api.api.root_resource_id
              path_part   = "orders"
            }
            resource "aws_api_gateway_resource" "one" {
              rest_api_id = aws_api_gateway_rest_api.api.id
              parent_id   = aws_api_gateway_resource.orders.id
              path_part   = "{id}"
            }
            resource "aws_api_gateway_authorizer" "auth" {
              name           = "auth"
              rest_api_id    = aws_api_gateway_rest_api.api.id
              authorizer_uri = aws_lambda_function.fn.invoke_arn
            }
            resource "aws_api_gateway_request_validator" "body" {
              name                  = "body"
              rest_api_id           = aws_api_gateway_rest_api.api.id
              validate_request_body = true
            }
            resource "aws_api_gateway_method" "get" {
              rest_api_id          = aws_api_gateway_rest_api.api.id
              resource_id          = aws_api_gateway_resource.one.id
              http_method          = "GET"
              authorization        = "CUSTOM"
              authorizer_id        = aws_api_gateway_authorizer.auth.id
              request_validator_id = aws_api_gateway_request_validator.body.id
              request_parameters   = { "method.request.path.id" = true }
            }
            resource "aws_api_gateway_integration" "get" {
              rest_api_id             = aws_api_gateway_rest_api.api.id
              resource_id             = aws_api_gateway_method.get.resource_id
              http_method             = aws_api_gateway_method.get.http_method
              integration_http_method = "POST"
              type                    = "AWS_PROXY"
              uri                     = aws_lambda_function.fn.invoke_arn
            }
            resource "aws_api_gateway_stage" "prod" {
              rest_api_id   = aws_api_gateway_rest_api.api.id
              deployment_id = "d"
              stage_name    = "prod"
              access_log_settings {
                destination_arn = "arn:aws:logs:us-east-1:123456789012:log-group:api"
                format          = "$context.requestId"
              }
            }
            """);
    Api api = get(app, Api.class, "aws_api_gateway_rest_api.api");
    assertThat(api.kind()).isEqualTo(Api.Kind.REST);
    assertThat(api.endpointType().get()).isEqualTo("REGIONAL");
    assertThat(api.accessLogging().get()).isTrue();
    ApiRoute get = get(app, ApiRoute.class, "aws_api_gateway_method.get");
    assertThat(get.label()).isEqualTo("GET /orders/{id}");
    assertThat(get.api().get()).isEqualTo(to("aws_api_gateway_rest_api.api"));
    assertThat(get.authorizationType().get()).isEqualTo("CUSTOM");
    assertThat(get.authorizer().get()).isEqualTo(to("aws_api_gateway_authorizer.auth"));
    assertThat(get.requestValidator().get())
        .isEqualTo(to("aws_api_gateway_request_validator.body"));
    assertThat(get.requestModel().get()).isTrue();
    assertThat(get.integration().get()).isEqualTo(to("aws_lambda_function.fn"));
    Authorizer auth = get(app, Authorizer.class, "aws_api_gateway_authorizer.auth");
    assertThat(auth.type().get()).isEqualTo("TOKEN");
    assertThat(auth.function().get()).isEqualTo(to("aws_lambda_function.fn"));
    assertThat(
            get(app, RequestValidator.class, "aws_api_gateway_request_validator.body")
                .validateBody()
                .get())
        .isTrue();
  }

  @Test
  void httpApisMapRoutesAuthorizersAndTheQuickCreateRoute() {
    Application app =
        app(
            """
            resource "aws_lambda_function" "fn" {
              function_name = "orders"
              runtime       = "python3.12"
              handler       = "app.handler"
              role          = "arn:aws:iam::123456789012:role/r"
            }
            resource "aws_apigatewayv2_api" "api" {
              name          = "orders"
              protocol_type = "HTTP"
              cors_configuration {
                allow_origins = ["https://shop.example"]
              }
            }
            resource "aws_apigatewayv2_api" "quick" {
              name          = "quick"
              protocol_type = "HTTP"
              target        = aws_lambda_function.fn.arn
            }
            resource "aws_apigatewayv2_integration" "fn" {
              api_id           = aws_apigatewayv2_api.api.id
              integration_type = "AWS_PROXY"
              integration_uri  = aws_lambda_function.fn.invoke_arn
            }
            resource "aws_apigatewayv2_authorizer" "jwt" {
              api_id          = aws_apigatewayv2_api.api.id
              authorizer_type = "JWT"
              name            = "jwt"
              identity_sources = ["$request.header.Authorization"]
              jwt_configuration {
                audience = ["orders"]
                issuer   = "https://issuer.example"
              }
            }
            resource "aws_apigatewayv2_route" "open" {
              api_id    = aws_apigatewayv2_api.api.id
              route_key = "GET /health"
              target    = "integrations/${aws_apigatewayv2_integration.fn.id}"
            }
            resource "aws_apigatewayv2_route" "secured" {
              api_id             = aws_apigatewayv2_api.api.id
              route_key          = "POST /orders"
              authorization_type = "JWT"
              authorizer_id      = aws_apigatewayv2_authorizer.jwt.id
              target             = "integrations/${aws_apigatewayv2_integration.fn.id}"
            }
            resource "aws_apigatewayv2_stage" "default" {
              api_id      = aws_apigatewayv2_api.api.id
              name        = "$default"
              auto_deploy = true
            }
            """);
    Api api = get(app, Api.class, "aws_apigatewayv2_api.api");
    assertThat(api.kind()).isEqualTo(Api.Kind.HTTP);
    assertThat(api.cors().get().allowOrigins().get())
        .extracting(Value::get)
        .containsExactly("https://shop.example");
    assertThat(api.accessLogging().get()).isFalse();
    ApiRoute open = get(app, ApiRoute.class, "aws_apigatewayv2_route.open");
    assertThat(open.label()).isEqualTo("GET /health");
    assertThat(open.authorizationType()).isEqualTo(Value.defaulted("NONE", open.origin()));
    assertThat(open.integration().get()).isEqualTo(to("aws_lambda_function.fn"));
    ApiRoute secured = get(app, ApiRoute.class, "aws_apigatewayv2_route.secured");
    assertThat(secured.authorizer().get()).isEqualTo(to("aws_apigatewayv2_authorizer.jwt"));
    assertThat(get(app, Authorizer.class, "aws_apigatewayv2_authorizer.jwt").type().get())
        .isEqualTo("JWT");
    ApiRoute quick = get(app, ApiRoute.class, "aws_apigatewayv2_api.quick ANY $default");
    assertThat(quick.integration().get()).isEqualTo(to("aws_lambda_function.fn"));
    assertThat(quick.meta().definedBy()).isEqualTo("aws_apigatewayv2_api.quick");
  }

  @Test
  void pushTriggersBecomeServiceNotifications() {
    Application app =
        app(
            """
            resource "aws_lambda_function" "fn" {
              function_name = "orders"
              runtime       = "python3.12"
              handler       = "app.handler"
              role          = "arn:aws:iam::123456789012:role/r"
            }
            resource "aws_s3_bucket" "b" { bucket = "uploads" }
            resource "aws_s3_bucket_notification" "n" {
              bucket = aws_s3_bucket.b.id
              lambda_function {
                lambda_function_arn = aws_lambda_function.fn.arn
                events              = ["s3:ObjectCreated:*"]
              }
            }
            resource "aws_sns_topic" "t" {}
            resource "aws_sns_topic_subscription" "sub" {
              topic_arn = aws_sns_topic.t.arn
              protocol  = "lambda"
              endpoint  = aws_lambda_function.fn.arn
            }
            resource "aws_sns_topic_subscription" "mail" {
              topic_arn = aws_sns_topic.t.arn
              protocol  = "email"
              endpoint  = "ops@example.com"
            }
            resource "aws_cloudwatch_event_rule" "r" { schedule_expression = "rate(1 hour)" }
            resource "aws_cloudwatch_event_target" "t" {
              rule = aws_cloudwatch_event_rule.r.name
              arn  = aws_lambda_function.fn.arn
            }
            """);
    List<ServiceNotification> all = app.notifications();
    assertThat(all)
        .extracting(ServiceNotification::id, ServiceNotification::service)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "aws_s3_bucket_notification.n.lambda_function[0]", "s3"),
            org.assertj.core.groups.Tuple.tuple("aws_sns_topic_subscription.sub", "sns"),
            org.assertj.core.groups.Tuple.tuple("aws_cloudwatch_event_target.t", "events"));
    assertThat(all).allMatch(n -> n.function().get().equals(to("aws_lambda_function.fn")));
    assertThat(all.getFirst().source().get()).isEqualTo(to("aws_s3_bucket.b"));
  }

  @Test
  void supportingResourcesMap() {
    Application app =
        app(
            """
            resource "aws_kms_key" "k" { enable_key_rotation = true }
            resource "aws_kms_alias" "a" {
              name          = "alias/logs"
              target_key_id = aws_kms_key.k.key_id
            }
            resource "aws_cloudwatch_log_group" "kept" {
              name              = "/app/kept"
              retention_in_days = 0
              kms_key_id        = aws_kms_alias.a.arn
            }
            resource "aws_subnet" "s" {
              vpc_id            = "vpc-1"
              cidr_block        = "10.0.1.0/24"
              availability_zone = "eu-west-1a"
            }
            resource "aws_security_group" "closed" { name = "closed" }
            resource "aws_security_group" "open" {
              egress {
                from_port   = 0
                to_port     = 0
                protocol    = "-1"
                cidr_blocks = ["0.0.0.0/0"]
              }
            }
            resource "aws_vpc_security_group_egress_rule" "extra" {
              security_group_id = aws_security_group.closed.id
              cidr_ipv4         = "10.0.0.0/8"
              ip_protocol       = "tcp"
            }
            resource "aws_cloudtrail" "t" {
              name                       = "audit"
              s3_bucket_name             = "trail"
              is_multi_region_trail      = true
              enable_log_file_validation = true
              kms_key_id                 = aws_kms_key.k.arn
              event_selector {
                read_write_type = "All"
                data_resource {
                  type   = "AWS::Lambda::Function"
                  values = ["arn:aws:lambda"]
                }
              }
            }
            """);
    assertThat(ids(app))
        .doesNotContain("aws_kms_alias.a", "aws_vpc_security_group_egress_rule.extra");
    assertThat(get(app, KmsKey.class, "aws_kms_key.k").rotationEnabled().get()).isTrue();
    LogGroup kept = get(app, LogGroup.class, "aws_cloudwatch_log_group.kept");
    assertThat(kept.retentionDays().isAbsent()).isTrue();
    assertThat(kept.kmsKey().get()).isEqualTo(to("aws_kms_key.k"));
    assertThat(get(app, Subnet.class, "aws_subnet.s").availabilityZone().get())
        .isEqualTo("eu-west-1a");
    assertThat(get(app, SecurityGroup.class, "aws_security_group.closed").egressCidrs().get())
        .extracting(Value::get)
        .containsExactly("10.0.0.0/8");
    assertThat(get(app, SecurityGroup.class, "aws_security_group.open").egressCidrs().get())
        .extracting(Value::get)
        .containsExactly("0.0.0.0/0");
    Trail trail = get(app, Trail.class, "aws_cloudtrail.t");
    assertThat(trail.multiRegion().get()).isTrue();
    assertThat(trail.logFileValidation().get()).isTrue();
    assertThat(trail.logging()).isEqualTo(Value.defaulted(true, trail.origin()));
    assertThat(trail.lambdaDataEvents().get()).isTrue();
  }
}
