package dev.lambdasec.model;

/** A VPC subnet, for the availability zone of VPC functions. */
public record Subnet(Meta meta, Value<String> availabilityZone) implements Resource {}
