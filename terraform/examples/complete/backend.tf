# Replace the placeholders with the state bucket of your account. One key per stack: the
# Cognito stack's state is read below through terraform_remote_state.
terraform {
  backend "s3" {
    bucket       = "REPLACE-WITH-STATE-BUCKET"
    key          = "chatbot/terraform.tfstate"
    region       = "eu-west-1"
    encrypt      = true
    use_lockfile = true
  }
}
