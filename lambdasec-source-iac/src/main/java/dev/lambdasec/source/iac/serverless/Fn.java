package dev.lambdasec.source.iac.serverless;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import org.jspecify.annotations.Nullable;

/**
 * A function of the service while it is expanded.
 *
 * @param key the key under {@code functions}, which is also the function's id in the model
 * @param config its resolved settings
 * @param at where the key is written
 * @param role the generated role it runs as, or {@code null} when it names its own role
 */
record Fn(String key, MapNode config, Origin at, @Nullable ExecutionRole role) {

  /** The framework's name part for the function ({@code HelloDashworld}). */
  String logical() {
    return LogicalIds.function(key);
  }

  @Nullable Node get(String key) {
    return config.get(key).orElse(null);
  }

  Node arn(Origin o) {
    return Nodes.getAtt(key, "Arn", o);
  }

  Node ref(Origin o) {
    return Nodes.ref(key, o);
  }
}
