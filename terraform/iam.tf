data "aws_partition" "current" {}

data "aws_region" "current" {}

data "aws_caller_identity" "current" {}

locals {
  # System-defined cross-Region inference profiles are a foundation model id with a geography
  # prefix. They route each call to the model in any Region of that geography, so the policy
  # must allow the profile and the model in every Region it may pick.
  inference_profile_prefixes = ["us", "us-gov", "eu", "apac", "jp", "au", "ca", "global"]

  model_id_prefix        = split(".", var.bedrock_model_id)[0]
  uses_inference_profile = contains(local.inference_profile_prefixes, local.model_id_prefix)
  foundation_model_id    = local.uses_inference_profile ? trimprefix(var.bedrock_model_id, "${local.model_id_prefix}.") : var.bedrock_model_id

  bedrock_arn_prefix = "arn:${data.aws_partition.current.partition}:bedrock"

  inference_profile_arns = [
    "${local.bedrock_arn_prefix}:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:inference-profile/${var.bedrock_model_id}",
    "${local.bedrock_arn_prefix}:*::foundation-model/${local.foundation_model_id}",
  ]

  # Global profiles are authorised against a foundation-model ARN with an empty Region.
  global_profile_arns = local.model_id_prefix == "global" ? ["${local.bedrock_arn_prefix}:::foundation-model/${local.foundation_model_id}"] : []

  bedrock_resource_arns = local.uses_inference_profile ? concat(local.inference_profile_arns, local.global_profile_arns) : [
    "${local.bedrock_arn_prefix}:${data.aws_region.current.region}::foundation-model/${var.bedrock_model_id}",
  ]
}

data "aws_iam_policy_document" "lambda_assume_role" {
  statement {
    sid     = "LambdaAssumesRole"
    effect  = "Allow"
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "function" {
  name               = "${local.name}-function"
  description        = "Execution role of the ${local.name} chatbot streaming function."
  assume_role_policy = data.aws_iam_policy_document.lambda_assume_role.json
  tags               = var.tags
}

resource "aws_iam_role_policy_attachment" "basic_execution" {
  role       = aws_iam_role.function.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
}

data "aws_iam_policy_document" "bedrock_invoke" {
  statement {
    sid    = "InvokeConfiguredModel"
    effect = "Allow"
    # ConverseStream is authorised as InvokeModelWithResponseStream; InvokeModel covers the
    # non-streaming fallback of the invoke API.
    actions = [
      "bedrock:InvokeModel",
      "bedrock:InvokeModelWithResponseStream",
    ]
    resources = local.bedrock_resource_arns
  }
}

resource "aws_iam_role_policy" "bedrock_invoke" {
  name   = "bedrock-invoke"
  role   = aws_iam_role.function.id
  policy = data.aws_iam_policy_document.bedrock_invoke.json
}
