package dev.lambdasec.engine.api;

/** The checklist controls (CHECKLIST.md); every rule serves one or more of them. */
public enum Control {
  LP("Least-privilege execution roles, one dedicated role per function"),
  LOG("Logging, monitoring and audit trails"),
  CRED("Temporary credentials only"),
  ASSET("Assets defined and categorized"),
  ISMS("A security management system: standards, review, monitoring, improvement"),
  AUTH("API and invocation authorization"),
  SECRET("Sensitive data kept out of plaintext configuration and code"),
  NET("VPC access for private resources"),
  INPUT("Input validation"),
  ENC("Function-level encryption and code integrity"),
  DEPS("Up-to-date runtimes, layers and dependencies"),
  AUDIT("Regular security audits");

  private final String title;

  Control(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
