package dev.lambdasec.source.iac.sam;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Origin;
import dev.lambdasec.source.iac.cfn.Nodes;
import dev.lambdasec.source.iac.cfn.TemplateResource;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A SAM API (declared, or implicit when {@code declared} is {@code null}) with the routes its
 * functions' events add to it.
 */
final class SamApiDeclaration {

  /** One route an {@code Api} or {@code HttpApi} event adds. */
  record Route(SamFunction fn, SamEvents.Event event, String path, String method) {}

  final String id;
  final @Nullable TemplateResource declared;
  final MapNode props;
  final Origin origin;
  final @Nullable String definedBy;
  final List<Route> routes = new ArrayList<>();

  SamApiDeclaration(
      String id,
      @Nullable TemplateResource declared,
      MapNode props,
      Origin origin,
      @Nullable String definedBy) {
    this.id = id;
    this.declared = declared;
    this.props = props;
    this.origin = origin;
    this.definedBy = definedBy;
  }

  @Nullable Node get(String key) {
    return props.get(key).orElse(null);
  }

  @Nullable Node auth(String key) {
    return Nodes.get(get("Auth"), key);
  }

  /** Where generated parts that belong to the API's {@code Auth} are placed. */
  Origin authOrigin() {
    Node auth = get("Auth");
    return auth != null ? auth.origin() : origin;
  }

  /** The API as a CloudFormation resource of type {@code cfnType}, reported as {@code samType}. */
  TemplateResource resource(String cfnType, String samType, MapNode properties) {
    TemplateResource r = declared;
    if (r != null) {
      return r.expandedAs(cfnType, properties);
    }
    return new TemplateResource(
        id, cfnType, samType, properties, origin, null, definedBy, Nodes.map(origin).build());
  }
}
