package dev.lambdasec.model;

/** The kinds of sources lambdasec reads. */
public enum SourceKind {
  CLOUDFORMATION("CloudFormation"),
  SAM("AWS SAM"),
  SERVERLESS("Serverless Framework"),
  TERRAFORM("Terraform"),
  TERRAFORM_PLAN("Terraform plan"),
  AWS("Live AWS account"),
  PACKAGE("deployment package");

  private final String title;

  SourceKind(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
