locals {
  # Variable defaults cannot use path.module, so the server build output is resolved here.
  layer_source_dir = coalesce(var.layer_source_dir, "${path.module}/../server/dist/layer")
}

# The layer folder holds nodejs/node_modules, the path Lambda's Node.js runtime adds to the
# module search path.
data "archive_file" "layer" {
  type        = "zip"
  source_dir  = local.layer_source_dir
  output_path = "${path.module}/.build/${local.name}-layer.zip"
}

resource "aws_lambda_layer_version" "dependencies" {
  layer_name               = "${local.name}-dependencies"
  description              = "Runtime dependencies of the ${local.name} chatbot function."
  filename                 = data.archive_file.layer.output_path
  source_code_hash         = data.archive_file.layer.output_base64sha256
  compatible_runtimes      = [var.lambda_runtime]
  compatible_architectures = [var.lambda_architecture]
}
