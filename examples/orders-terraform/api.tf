resource "aws_apigatewayv2_api" "orders" {
  name          = "${local.name}-http"
  protocol_type = "HTTP"
  cors_configuration {
    allow_origins = [var.partner_origin]
    allow_methods = ["GET", "POST"]
  }
}

resource "aws_apigatewayv2_authorizer" "cognito" {
  api_id           = aws_apigatewayv2_api.orders.id
  name             = "cognito"
  authorizer_type  = "JWT"
  identity_sources = ["$request.header.Authorization"]
  jwt_configuration {
    audience = ["orders"]
    issuer   = "https://cognito-idp.${data.aws_region.current.name}.amazonaws.com/${aws_cognito_user_pool.users.id}"
  }
}

resource "aws_apigatewayv2_integration" "orders" {
  api_id                 = aws_apigatewayv2_api.orders.id
  integration_type       = "AWS_PROXY"
  integration_uri        = module.orders.invoke_arn
  payload_format_version = "2.0"
}

locals {
  routes = {
    create_order = { key = "POST /orders", authorized = true }
    get_order    = { key = "GET /orders/{id}", authorized = true }
    # Deliberate weakness: a status route without the authorizer.
    status = { key = "GET /status", authorized = false }
  }
}

resource "aws_apigatewayv2_route" "orders" {
  for_each           = local.routes
  api_id             = aws_apigatewayv2_api.orders.id
  route_key          = each.value.key
  target             = "integrations/${aws_apigatewayv2_integration.orders.id}"
  authorization_type = each.value.authorized ? "JWT" : "NONE"
  authorizer_id      = each.value.authorized ? aws_apigatewayv2_authorizer.cognito.id : null
}

resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.orders.id
  name        = "$default"
  auto_deploy = true
  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.api_access.arn
    format          = jsonencode({ requestId = "$context.requestId", status = "$context.status" })
  }
}

resource "aws_cloudwatch_log_group" "api_access" {
  name              = "/aws/apigateway/${local.name}-http"
  retention_in_days = var.log_retention_days
  kms_key_id        = aws_kms_key.functions.arn
}

resource "aws_lambda_permission" "orders_from_api" {
  action        = "lambda:InvokeFunction"
  function_name = module.orders.function_name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.orders.execution_arn}/*/*"
}
