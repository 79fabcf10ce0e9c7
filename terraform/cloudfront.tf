# AWS-managed policies, looked up by name: the name says what each one does, an id does not.
data "aws_cloudfront_cache_policy" "caching_disabled" {
  name = "Managed-CachingDisabled"
}

# Forwards every viewer header except Host: a Function URL answers 403 to a Host that is not its
# own. It still includes the viewer's Authorization, which OAC then overwrites with its
# signature; that is why the user's token travels in x-chatbot-token.
data "aws_cloudfront_origin_request_policy" "all_viewer_except_host_header" {
  name = "Managed-AllViewerExceptHostHeader"
}

resource "aws_cloudfront_origin_access_control" "function_url" {
  name                              = "${local.name}-function-url"
  description                       = "Signs requests from CloudFront to the ${local.name} Function URL."
  origin_access_control_origin_type = "lambda"
  signing_behavior                  = "always"
  signing_protocol                  = "sigv4"
}

locals {
  function_url_origin_id = "function-url"
  # The origin wants a bare host name; the Function URL is https://<host>/.
  function_url_host = trimsuffix(trimprefix(aws_lambda_function_url.chatbot.function_url, "https://"), "/")
}

resource "aws_cloudfront_distribution" "chatbot" {
  enabled         = true
  comment         = "${local.name} chatbot streaming endpoint"
  is_ipv6_enabled = true
  price_class     = var.price_class
  web_acl_id      = var.web_acl_id
  tags            = var.tags

  origin {
    origin_id                = local.function_url_origin_id
    domain_name              = local.function_url_host
    origin_access_control_id = aws_cloudfront_origin_access_control.function_url.id

    custom_origin_config {
      http_port                = 80
      https_port               = 443
      origin_protocol_policy   = "https-only"
      origin_ssl_protocols     = ["TLSv1.2"]
      origin_read_timeout      = var.origin_read_timeout
      origin_keepalive_timeout = var.origin_keepalive_timeout
    }
  }

  default_cache_behavior {
    target_origin_id       = local.function_url_origin_id
    viewer_protocol_policy = "https-only"
    # CloudFront has no POST-only set: POST needs all seven methods.
    allowed_methods          = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"]
    cached_methods           = ["GET", "HEAD"]
    cache_policy_id          = data.aws_cloudfront_cache_policy.caching_disabled.id
    origin_request_policy_id = data.aws_cloudfront_origin_request_policy.all_viewer_except_host_header.id
    # Compressing a streamed response makes CloudFront buffer it and answer 502.
    compress = false
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    cloudfront_default_certificate = true
  }
}
