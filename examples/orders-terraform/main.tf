# Orders service: an HTTP API behind a Cognito JWT authorizer, a receipt generator fed by S3 uploads,
# a nightly report and a partner webhook. Shipped with lambdasec as a demo; it contains deliberate
# weaknesses (see README.md).

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

locals {
  name = "orders-${var.stage}"
  tags = {
    team                  = "orders"
    "data-classification" = "confidential"
  }
  table_arn = aws_dynamodb_table.orders.arn
}

resource "aws_kms_key" "functions" {
  description         = "Encrypts the orders functions' environment and logs"
  enable_key_rotation = true
  policy              = data.aws_iam_policy_document.key.json
}

data "aws_iam_policy_document" "key" {
  statement {
    sid       = "AccountAdmin"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }
  statement {
    sid       = "CloudWatchLogs"
    actions   = ["kms:Encrypt*", "kms:Decrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
    resources = ["*"]
    principals {
      type        = "Service"
      identifiers = ["logs.${data.aws_region.current.name}.amazonaws.com"]
    }
  }
}

resource "aws_signer_signing_profile" "release" {
  platform_id = "AWSLambda-SHA384-ECDSA"
}

resource "aws_lambda_code_signing_config" "release" {
  description = "Only code signed by the orders team deploys"
  allowed_publishers {
    signing_profile_version_arns = [aws_signer_signing_profile.release.version_arn]
  }
  policies {
    untrusted_artifact_on_deployment = "Enforce"
  }
}

resource "aws_dynamodb_table" "orders" {
  name         = "${local.name}-orders"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  attribute {
    name = "pk"
    type = "S"
  }
  server_side_encryption {
    enabled = true
  }
}

resource "aws_s3_bucket" "receipts" {
  bucket = "${local.name}-receipts-${data.aws_caller_identity.current.account_id}"
}

resource "aws_sqs_queue" "failed_events" {
  name              = "${local.name}-failed-events"
  kms_master_key_id = "alias/aws/sqs"
}

resource "aws_cognito_user_pool" "users" {
  name = local.name
}
