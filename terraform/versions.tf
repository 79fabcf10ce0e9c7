terraform {
  # 1.5.7 is the last release many pipelines pin; nothing here needs newer language features.
  required_version = ">= 1.5.7"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 6.29 added `invoked_via_function_url` on aws_lambda_permission, without which CloudFront
      # gets 403 from a Function URL (the second permission AWS has required since October 2025).
      version = ">= 6.29"
    }
    archive = {
      source  = "hashicorp/archive"
      version = ">= 2.4"
    }
  }
}
