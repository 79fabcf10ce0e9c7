variable "region" {
  type        = string
  description = "Region of the function and of Bedrock calls (CloudFront itself is global)."
  default     = "eu-west-1"
}

variable "project" {
  type        = string
  description = "Short project name, prefixing every resource name."
  default     = "chatbot"
}

variable "environment" {
  type        = string
  description = "Environment name, part of every resource name."
  default     = "dev"
}

variable "cognito_state_bucket" {
  type        = string
  description = "S3 bucket holding the Cognito stack's state."
  default     = "REPLACE-WITH-STATE-BUCKET"
}

variable "cognito_state_key" {
  type        = string
  description = "Key of the Cognito stack's state in that bucket; the stack must output user_pool_id and user_pool_client_id."
  default     = "cognito/terraform.tfstate"
}

variable "bedrock_model_id" {
  type        = string
  description = "Model or cross-Region inference profile id the chatbot answers with."
  default     = "eu.anthropic.claude-sonnet-4-5-20250929-v1:0"
}

variable "allowed_origins" {
  type        = list(string)
  description = "Origins of the web apps that call the endpoint."
  default     = ["http://localhost:5173"]
}
