locals {
  # One prefix for every named resource, so two environments of one project never collide.
  name = "${var.project}-${var.environment}"
}
