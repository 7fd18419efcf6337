stage              = "prod"
artifacts_bucket   = "orders-artifacts-123456789012"
log_retention_days = 90
