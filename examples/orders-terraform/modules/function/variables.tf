variable "name" {
  type = string
}

variable "handler" {
  type = string
}

variable "runtime" {
  type    = string
  default = "nodejs24.x"
}

variable "artifacts_bucket" {
  type = string
}

variable "package_key" {
  type = string
}

variable "environment" {
  type    = map(string)
  default = {}
}

variable "kms_key_arn" {
  type = string
}

variable "code_signing_config" {
  type = string
}

variable "policy_json" {
  description = "The function's own permissions, as a policy document"
  type        = string
}

variable "managed_policy_arns" {
  type    = list(string)
  default = []
}

variable "reserved_concurrency" {
  type    = number
  default = -1
}

variable "dead_letter_arn" {
  type    = string
  default = null
}

variable "log_retention_days" {
  type = number
}
