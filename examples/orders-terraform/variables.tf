variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "stage" {
  type    = string
  default = "dev"
  validation {
    condition     = contains(["dev", "prod"], var.stage)
    error_message = "stage is dev or prod"
  }
}

variable "artifacts_bucket" {
  description = "Bucket holding the signed deployment packages"
  type        = string
}

variable "partner_origin" {
  type    = string
  default = "https://partner.example.com"
}

variable "log_retention_days" {
  type    = number
  default = 30
}
