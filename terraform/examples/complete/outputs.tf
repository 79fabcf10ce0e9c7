output "chatbot_endpoint" {
  description = "Put this in VITE_CHATBOT_ENDPOINT (Vite) or NEXT_PUBLIC_CHATBOT_API_ENDPOINT (Next.js)."
  value       = module.chatbot.chatbot_endpoint
}

output "cloudfront_distribution_id" {
  description = "Id of the CloudFront distribution."
  value       = module.chatbot.cloudfront_distribution_id
}

output "function_name" {
  description = "Name of the Lambda function, for its logs."
  value       = module.chatbot.function_name
}
