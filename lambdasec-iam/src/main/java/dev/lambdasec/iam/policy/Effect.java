package dev.lambdasec.iam.policy;

/** A statement's effect. */
public enum Effect {
  ALLOW,
  DENY
}
