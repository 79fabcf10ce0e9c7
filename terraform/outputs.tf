output "chatbot_endpoint" {
  description = "URL the browser posts to: https://, the distribution domain name, then /. Put it in VITE_CHATBOT_ENDPOINT or NEXT_PUBLIC_CHATBOT_API_ENDPOINT."
  value       = "https://${aws_cloudfront_distribution.chatbot.domain_name}/"
}

output "cloudfront_domain_name" {
  description = "Domain name of the CloudFront distribution (for a CNAME or alias record)."
  value       = aws_cloudfront_distribution.chatbot.domain_name
}

output "cloudfront_distribution_id" {
  description = "Id of the CloudFront distribution (for invalidations and WAF logs)."
  value       = aws_cloudfront_distribution.chatbot.id
}

output "cloudfront_distribution_arn" {
  description = "ARN of the CloudFront distribution; the Lambda permissions name it as source_arn."
  value       = aws_cloudfront_distribution.chatbot.arn
}

output "function_name" {
  description = "Name of the Lambda function (for logs and metrics)."
  value       = aws_lambda_function.chatbot.function_name
}

output "function_role_name" {
  description = "Name of the function's execution role, to attach further policies."
  value       = aws_iam_role.function.name
}

output "function_url" {
  description = "The Lambda Function URL behind CloudFront. Direct calls get 403 (AWS_IAM, only CloudFront is allowed); use chatbot_endpoint."
  value       = aws_lambda_function_url.chatbot.function_url
}
