# The user pool lives in its own stack; its outputs are read from that stack's state.
data "terraform_remote_state" "cognito" {
  backend = "s3"

  config = {
    bucket = var.cognito_state_bucket
    key    = var.cognito_state_key
    region = var.region
  }
}

module "chatbot" {
  source = "../.."

  project     = var.project
  environment = var.environment

  bedrock_model_id = var.bedrock_model_id
  bedrock_api      = "converse"

  cognito_user_pool_id = data.terraform_remote_state.cognito.outputs.user_pool_id
  cognito_client_id    = data.terraform_remote_state.cognito.outputs.user_pool_client_id
  cognito_token_use    = "id"

  allowed_origins    = var.allowed_origins
  log_retention_days = 14
  price_class        = "PriceClass_100"
}
