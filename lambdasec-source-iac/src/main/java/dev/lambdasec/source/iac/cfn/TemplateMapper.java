package dev.lambdasec.source.iac.cfn;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.MapNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the intrinsics of CloudFormation-shaped resources and maps them to the model. Resources
 * whose condition is known to be false are left out; unknown conditions keep them.
 */
public final class TemplateMapper {

  private TemplateMapper() {}

  /** Adds the resources of one template (SAM already expanded) to {@code app}. */
  public static void map(
      String scope,
      List<TemplateResource> resources,
      Intrinsics intrinsics,
      Notes notes,
      Application.Builder app) {
    List<ResolvedResource> resolved = new ArrayList<>();
    for (TemplateResource r : resources) {
      String condition = r.condition();
      if (condition != null && intrinsics.condition(condition) == Intrinsics.Truth.FALSE) {
        continue;
      }
      Node properties = intrinsics.resolve(r.properties());
      resolved.add(
          new ResolvedResource(
              r.id(),
              r.type(),
              r.modelType(),
              properties == null ? new MapNode(List.of(), r.origin()) : properties,
              r.origin(),
              r.definedBy()));
    }
    new CfnMapper(scope, resolved, notes).mapInto(app);
  }
}
