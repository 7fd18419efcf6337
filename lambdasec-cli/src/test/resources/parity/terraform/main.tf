# Parity app, Terraform

data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

locals {
  prefix    = "orders-prod"
  log_group = "arn:${data.aws_partition.current.partition}:logs:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:log-group:/aws/lambda/${local.prefix}*"
}

resource "aws_iam_role" "shared" {
  name = "orders-shared-role"
  path = "/"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = ["lambda.amazonaws.com"] }
      Action    = ["sts:AssumeRole"]
    }]
  })
}

resource "aws_iam_role_policy" "shared" {
  name = "prod-orders-lambda"
  role = aws_iam_role.shared.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:CreateLogGroup", "logs:TagResource"]
        Resource = ["${local.log_group}:*"]
      },
      {
        Effect   = "Allow"
        Action   = ["logs:PutLogEvents"]
        Resource = ["${local.log_group}:*:*"]
      },
      {
        Effect   = "Allow"
        Action   = ["dynamodb:GetItem", "dynamodb:PutItem"]
        Resource = "arn:aws:dynamodb:eu-west-1:123456789012:table/orders"
      },
    ]
  })
}

resource "aws_lambda_function" "api" {
  function_name = "${local.prefix}-api"
  runtime       = "python3.12"
  handler       = "api.handler"
  s3_bucket     = "orders-artifacts"
  s3_key        = "api.zip"
  memory_size   = 256
  timeout       = 10
  role          = aws_iam_role.shared.arn
  environment {
    variables = {
      TABLE = "orders"
    }
  }
}

resource "aws_lambda_function" "webhook" {
  function_name = "${local.prefix}-webhook"
  runtime       = "nodejs16.x"
  handler       = "webhook.handler"
  s3_bucket     = "orders-artifacts"
  s3_key        = "webhook.zip"
  memory_size   = 256
  timeout       = 10
  role          = aws_iam_role.shared.arn
  environment {
    variables = {
      TABLE         = "orders"
      PARTNER_TOKEN = "sk_live_51Hx9fQ2eZvKYlo2C8vN3qRtP"
    }
  }
}

resource "aws_lambda_function_url" "webhook" {
  function_name      = aws_lambda_function.webhook.function_name
  authorization_type = "NONE"
}

resource "aws_lambda_permission" "webhook_url" {
  function_name          = aws_lambda_function.webhook.arn
  action                 = "lambda:InvokeFunctionUrl"
  principal              = "*"
  function_url_auth_type = "NONE"
}

resource "aws_lambda_permission" "webhook_invoke_via_url" {
  function_name            = aws_lambda_function.webhook.arn
  action                   = "lambda:InvokeFunction"
  principal                = "*"
  invoked_via_function_url = true
}

resource "aws_apigatewayv2_api" "http" {
  name          = "${local.prefix}-http"
  protocol_type = "HTTP"
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true
}

resource "aws_apigatewayv2_integration" "api" {
  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_function.api.arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "health" {
  api_id    = aws_apigatewayv2_api.http.id
  route_key = "GET /health"
  target    = "integrations/${aws_apigatewayv2_integration.api.id}"
}

resource "aws_apigatewayv2_route" "create_order" {
  api_id             = aws_apigatewayv2_api.http.id
  route_key          = "POST /orders"
  authorization_type = "AWS_IAM"
  target             = "integrations/${aws_apigatewayv2_integration.api.id}"
}

resource "aws_lambda_permission" "api" {
  function_name = aws_lambda_function.api.arn
  action        = "lambda:InvokeFunction"
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.http.execution_arn}/*"
}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/aws/lambda/${local.prefix}-api"
  retention_in_days = 14
}

resource "aws_cloudwatch_log_group" "webhook" {
  name              = "/aws/lambda/${local.prefix}-webhook"
  retention_in_days = 14
}
