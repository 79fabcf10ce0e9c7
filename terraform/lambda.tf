locals {
  # Variable defaults cannot use path.module, so the server build output is resolved here.
  function_source_dir = coalesce(var.function_source_dir, "${path.module}/../server/dist/lambda")
  function_name       = "${local.name}-chatbot"

  # The server would derive the issuer from the function's own Region; the pool id carries the
  # pool's Region, so a pool in another Region still works.
  cognito_issuer = "https://cognito-idp.${split("_", var.cognito_user_pool_id)[0]}.${data.aws_partition.current.dns_suffix}/${var.cognito_user_pool_id}"
}

data "archive_file" "function" {
  type        = "zip"
  source_dir  = local.function_source_dir
  output_path = "${path.module}/.build/${local.name}-function.zip"
}

# Created before the function so Lambda does not create it first without a retention.
resource "aws_cloudwatch_log_group" "function" {
  name              = "/aws/lambda/${local.function_name}"
  retention_in_days = var.log_retention_days
  tags              = var.tags
}

resource "aws_lambda_function" "chatbot" {
  function_name    = local.function_name
  description      = "Streams Amazon Bedrock answers as server-sent events behind CloudFront."
  role             = aws_iam_role.function.arn
  runtime          = var.lambda_runtime
  handler          = var.lambda_handler
  architectures    = [var.lambda_architecture]
  filename         = data.archive_file.function.output_path
  source_code_hash = data.archive_file.function.output_base64sha256
  layers           = [aws_lambda_layer_version.dependencies.arn]
  memory_size      = var.memory_size
  timeout          = var.timeout

  reserved_concurrent_executions = var.reserved_concurrency

  # The names are the server's (server/src/lambda/environment-variables.ts); the tests keep
  # them in step. COGNITO_JWKS_URL is left to the server: <issuer>/.well-known/jwks.json.
  environment {
    variables = {
      COGNITO_USER_POOL_ID = var.cognito_user_pool_id
      COGNITO_ISSUER       = local.cognito_issuer
      COGNITO_CLIENT_ID    = var.cognito_client_id
      COGNITO_TOKEN_USE    = var.cognito_token_use
      BEDROCK_MODEL_ID     = var.bedrock_model_id
      BEDROCK_API          = var.bedrock_api
      ALLOWED_ORIGINS      = join(",", var.allowed_origins)
    }
  }

  tags = var.tags

  depends_on = [
    aws_cloudwatch_log_group.function,
    aws_iam_role_policy_attachment.basic_execution,
  ]
}

# Only CloudFront may call it: AWS_IAM plus the OAC signature. RESPONSE_STREAM lets the
# handler write each token as it arrives instead of buffering the whole answer.
resource "aws_lambda_function_url" "chatbot" {
  function_name      = aws_lambda_function.chatbot.function_name
  authorization_type = "AWS_IAM"
  invoke_mode        = "RESPONSE_STREAM"
}
