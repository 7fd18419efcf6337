package dev.lambdasec.model;

import java.util.List;

/** The VPC attachment of a function. Empty subnet lists mean the function is not in a VPC. */
public record VpcConfig(List<Value<Ref>> subnets, List<Value<Ref>> securityGroups) {
  public VpcConfig {
    subnets = List.copyOf(subnets);
    securityGroups = List.copyOf(securityGroups);
  }

  public boolean attached() {
    return !subnets.isEmpty();
  }
}
