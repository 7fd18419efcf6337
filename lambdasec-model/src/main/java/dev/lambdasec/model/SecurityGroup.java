package dev.lambdasec.model;

import java.util.List;

/**
 * A security group.
 *
 * @param egressCidrs destination CIDRs of the egress rules; absent means the default allow-all
 *     egress
 */
public record SecurityGroup(Meta meta, Value<List<Value<String>>> egressCidrs)
    implements Resource {}
