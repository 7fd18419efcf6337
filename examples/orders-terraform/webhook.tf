data "aws_iam_policy_document" "webhook" {
  statement {
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.failed_events.arn]
  }
}

module "webhook" {
  source               = "./modules/function"
  name                 = "${local.name}-partner-webhook"
  handler              = "notify.handler"
  package_key          = "notify.zip"
  artifacts_bucket     = var.artifacts_bucket
  kms_key_arn          = aws_kms_key.functions.arn
  code_signing_config  = aws_lambda_code_signing_config.release.arn
  log_retention_days   = var.log_retention_days
  reserved_concurrency = 5
  policy_json          = data.aws_iam_policy_document.webhook.json
  environment = {
    PARTNER_ENDPOINT = "${var.partner_origin}/hooks/orders"
    # Deliberate weakness: a plaintext token in the environment (a fake value).
    PARTNER_API_TOKEN = "pt-demo-4fQ9x2LmZ8rT6vW1yB3k"
  }
}

# Deliberate weakness: a public function URL with CORS open to every origin.
resource "aws_lambda_function_url" "webhook" {
  function_name      = module.webhook.function_name
  authorization_type = "NONE"
  cors {
    allow_origins = ["*"]
    allow_methods = ["POST"]
  }
}

resource "aws_lambda_permission" "webhook_url" {
  action                 = "lambda:InvokeFunctionUrl"
  function_name          = module.webhook.function_name
  principal              = "*"
  function_url_auth_type = "NONE"
}

output "webhook_url" {
  value = aws_lambda_function_url.webhook.function_url
}

output "api_url" {
  value = aws_apigatewayv2_stage.default.invoke_url
}
