variable "project" {
  type        = string
  description = "Short project name; with `environment` it prefixes every resource name."

  validation {
    # Lambda, IAM role and OAC names are limited to 64 characters; these caps keep the
    # longest derived name (`<project>-<environment>-function`) inside that.
    condition     = can(regex("^[a-z][a-z0-9-]{0,31}$", var.project))
    error_message = "project must be 1-32 characters: lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "environment" {
  type        = string
  description = "Environment name (for example dev, staging, prod); part of every resource name."

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,15}$", var.environment))
    error_message = "environment must be 1-16 characters: lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "tags" {
  type        = map(string)
  description = "Tags added to every resource that takes tags."
  default     = {}
}

variable "bedrock_model_id" {
  type        = string
  description = "Bedrock foundation model id (anthropic.claude-...) or system-defined cross-Region inference profile id (us./eu./apac./global. prefix). The IAM policy is scoped to it."

  validation {
    # A wildcard or an ARN here would widen the IAM policy beyond one model.
    condition     = can(regex("^[a-z0-9][a-zA-Z0-9._:-]*$", var.bedrock_model_id))
    error_message = "bedrock_model_id must be a model or inference profile id (no ARN, no wildcard)."
  }
}

variable "bedrock_api" {
  type        = string
  description = "Which Bedrock streaming API the handler calls: converse (ConverseStream) or invoke (InvokeModelWithResponseStream)."
  default     = "converse"

  validation {
    condition     = contains(["converse", "invoke"], var.bedrock_api)
    error_message = "bedrock_api must be converse or invoke."
  }
}

variable "lambda_runtime" {
  type        = string
  description = "Lambda Node.js runtime. nodejs20.x and older can no longer be used to create or update functions."
  default     = "nodejs24.x"

  validation {
    condition     = contains(["nodejs24.x", "nodejs22.x"], var.lambda_runtime)
    error_message = "lambda_runtime must be nodejs24.x or nodejs22.x; nodejs20.x and older are blocked by AWS for create and update."
  }
}

variable "lambda_architecture" {
  type        = string
  description = "Instruction set of the function and its layer. The server and its dependencies are plain JavaScript, so arm64 (cheaper) is the default."
  default     = "arm64"

  validation {
    condition     = contains(["arm64", "x86_64"], var.lambda_architecture)
    error_message = "lambda_architecture must be arm64 or x86_64."
  }
}

variable "lambda_handler" {
  type        = string
  description = "Handler of the function code, as file.export."
  default     = "index.handler"

  validation {
    condition     = can(regex("^[^.]+[.][^.]+$", var.lambda_handler))
    error_message = "lambda_handler must look like file.export, for example index.handler."
  }
}

variable "function_source_dir" {
  type        = string
  description = "Folder zipped as the function code. null means the server package's build output, ../server/dist/lambda next to this module."
  default     = null
}

variable "layer_source_dir" {
  type        = string
  description = "Folder zipped as the dependencies layer; it must contain nodejs/node_modules. null means ../server/dist/layer next to this module."
  default     = null
}

variable "memory_size" {
  type        = number
  description = "Function memory in MB (CPU scales with it)."
  default     = 512

  validation {
    condition     = var.memory_size >= 128 && var.memory_size <= 10240
    error_message = "memory_size must be between 128 and 10240 MB."
  }
}

variable "timeout" {
  type        = number
  description = "Function timeout in seconds; long answers stream for minutes."
  default     = 300

  validation {
    condition     = var.timeout >= 1 && var.timeout <= 900
    error_message = "timeout must be between 1 and 900 seconds."
  }
}

variable "reserved_concurrency" {
  type        = number
  description = "Reserved concurrent executions, which also caps them (a cost guard). null leaves the function on the account's unreserved pool."
  default     = null

  validation {
    condition     = var.reserved_concurrency == null ? true : var.reserved_concurrency >= 0
    error_message = "reserved_concurrency must be null or a whole number >= 0."
  }
}

variable "log_retention_days" {
  type        = number
  description = "How many days CloudWatch keeps the function's logs."
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be one of the values CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ... 3653)."
  }
}

variable "cognito_user_pool_id" {
  type        = string
  description = "Cognito user pool whose tokens the handler accepts (region_id, for example eu-west-1_AbC123); the issuer and JWKS URL are derived from it."

  validation {
    condition     = can(regex("^[a-z0-9-]+_[A-Za-z0-9]+$", var.cognito_user_pool_id))
    error_message = "cognito_user_pool_id must look like <region>_<id>, for example eu-west-1_AbC123."
  }
}

variable "cognito_client_id" {
  type        = string
  description = "Cognito app client id the tokens must be issued to."

  validation {
    condition     = length(var.cognito_client_id) > 0
    error_message = "cognito_client_id must not be empty."
  }
}

variable "cognito_token_use" {
  type        = string
  description = "Which Cognito token the browser sends in x-chatbot-token: id or access."
  default     = "id"

  validation {
    condition     = contains(["id", "access"], var.cognito_token_use)
    error_message = "cognito_token_use must be id or access."
  }
}

variable "allowed_origins" {
  type        = list(string)
  description = "Browser origins (scheme://host[:port]) allowed by the handler's CORS answer. Empty allows none."
  default     = []

  validation {
    condition     = alltrue([for origin in var.allowed_origins : can(regex("^https?://[^/,*]+$", origin))])
    error_message = "allowed_origins entries must be origins like https://app.example.com: no path, comma or wildcard."
  }
}

variable "price_class" {
  type        = string
  description = "CloudFront price class: which edge locations serve the endpoint."
  default     = "PriceClass_100"

  validation {
    condition     = contains(["PriceClass_100", "PriceClass_200", "PriceClass_All"], var.price_class)
    error_message = "price_class must be PriceClass_100, PriceClass_200 or PriceClass_All."
  }
}

variable "web_acl_id" {
  type        = string
  description = "ARN of a WAFv2 web ACL (scope CLOUDFRONT, created in us-east-1) to attach to the distribution; null for none."
  default     = null
}

variable "origin_read_timeout" {
  type        = number
  description = "Seconds CloudFront waits for the first byte and then between chunks of the streamed answer."
  default     = 60

  validation {
    # Above 60 needs a CloudFront quota increase; 180 is the hard ceiling.
    condition     = var.origin_read_timeout >= 1 && var.origin_read_timeout <= 180
    error_message = "origin_read_timeout must be between 1 and 180 seconds."
  }
}

variable "origin_keepalive_timeout" {
  type        = number
  description = "Seconds CloudFront keeps an idle connection to the Function URL open for reuse."
  default     = 5

  validation {
    condition     = var.origin_keepalive_timeout >= 1 && var.origin_keepalive_timeout <= 60
    error_message = "origin_keepalive_timeout must be between 1 and 60 seconds."
  }
}
