data "aws_iam_policy_document" "orders" {
  statement {
    actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query"]
    resources = [local.table_arn, "${local.table_arn}/index/*"]
  }
}

module "orders" {
  source               = "./modules/function"
  name                 = "${local.name}-api"
  handler              = "api.handler"
  package_key          = "api.zip"
  artifacts_bucket     = var.artifacts_bucket
  kms_key_arn          = aws_kms_key.functions.arn
  code_signing_config  = aws_lambda_code_signing_config.release.arn
  log_retention_days   = var.log_retention_days
  reserved_concurrency = 20
  policy_json          = data.aws_iam_policy_document.orders.json
  environment = {
    TABLE_NAME = aws_dynamodb_table.orders.name
  }
}

data "aws_iam_policy_document" "receipts" {
  statement {
    actions   = ["dynamodb:PutItem"]
    resources = [local.table_arn]
  }
}

module "receipts" {
  source              = "./modules/function"
  name                = "${local.name}-receipts"
  handler             = "receipts.handler"
  package_key         = "receipts.zip"
  artifacts_bucket    = var.artifacts_bucket
  kms_key_arn         = aws_kms_key.functions.arn
  code_signing_config = aws_lambda_code_signing_config.release.arn
  log_retention_days  = var.log_retention_days
  policy_json         = data.aws_iam_policy_document.receipts.json
  # Deliberate weakness: a runtime that AWS has deprecated.
  runtime = "nodejs18.x"
  # Deliberate weakness: far broader than "read one bucket, write one table".
  managed_policy_arns = ["arn:aws:iam::aws:policy/AmazonS3FullAccess"]
  environment = {
    TABLE_NAME = aws_dynamodb_table.orders.name
  }
}

# Deliberate weakness: asynchronous S3 events and no dead-letter queue or destination for receipts.
resource "aws_s3_bucket_notification" "receipts" {
  bucket = aws_s3_bucket.receipts.id
  lambda_function {
    lambda_function_arn = module.receipts.arn
    events              = ["s3:ObjectCreated:*"]
  }
}

resource "aws_lambda_permission" "receipts_from_bucket" {
  action         = "lambda:InvokeFunction"
  function_name  = module.receipts.function_name
  principal      = "s3.amazonaws.com"
  source_arn     = aws_s3_bucket.receipts.arn
  source_account = data.aws_caller_identity.current.account_id
}

data "aws_iam_policy_document" "reports" {
  statement {
    actions   = ["dynamodb:Query", "dynamodb:Scan"]
    resources = [local.table_arn]
  }
  statement {
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.failed_events.arn]
  }
}

module "reports" {
  source               = "./modules/function"
  name                 = "${local.name}-reports"
  handler              = "reports.handler"
  package_key          = "reports.zip"
  artifacts_bucket     = var.artifacts_bucket
  kms_key_arn          = aws_kms_key.functions.arn
  code_signing_config  = aws_lambda_code_signing_config.release.arn
  log_retention_days   = var.log_retention_days
  reserved_concurrency = 1
  dead_letter_arn      = aws_sqs_queue.failed_events.arn
  policy_json          = data.aws_iam_policy_document.reports.json
  environment = {
    TABLE_NAME = aws_dynamodb_table.orders.name
  }
}

resource "aws_cloudwatch_event_rule" "nightly" {
  name                = "${local.name}-nightly-report"
  schedule_expression = "cron(0 3 * * ? *)"
  state               = var.stage == "prod" ? "ENABLED" : "DISABLED"
}

resource "aws_cloudwatch_event_target" "nightly" {
  rule = aws_cloudwatch_event_rule.nightly.name
  arn  = module.reports.arn
}

resource "aws_lambda_permission" "reports_from_schedule" {
  action        = "lambda:InvokeFunction"
  function_name = module.reports.function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.nightly.arn
}
