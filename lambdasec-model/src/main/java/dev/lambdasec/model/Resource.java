package dev.lambdasec.model;

/** Anything in the model that a finding can be about. */
public interface Resource {

  Meta meta();

  default ResourceKey key() {
    return meta().key();
  }

  /** The logical id, Terraform address or ARN. */
  default String id() {
    return meta().key().id();
  }

  default String resourceType() {
    return meta().type();
  }

  default Origin origin() {
    return meta().origin();
  }
}
