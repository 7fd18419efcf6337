package dev.lambdasec.source.iac.sam;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.source.iac.cfn.Intrinsics;
import dev.lambdasec.source.iac.cfn.NodeBudget;
import dev.lambdasec.source.iac.cfn.Nodes;
import dev.lambdasec.source.iac.cfn.Notes;
import dev.lambdasec.source.iac.cfn.Template;
import dev.lambdasec.source.iac.cfn.TemplateResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Expands a template with the {@code AWS::Serverless-2016-10-31} transform into CloudFormation
 * resources, as the transform does, so that the CloudFormation mapper reads both.
 *
 * <p>Generated resources carry the origin of what the author wrote (the event, the {@code Policies}
 * item, the property) and name the SAM resource that generated them in {@code definedBy}. SAM
 * functions, APIs and layers keep their logical id and report their SAM type in the model.
 */
public final class SamExpander {

  static final String FUNCTION = "AWS::Serverless::Function";
  static final String API = "AWS::Serverless::Api";
  static final String HTTP_API = "AWS::Serverless::HttpApi";
  static final String LAYER = "AWS::Serverless::LayerVersion";

  private final Template template;
  private final Intrinsics intrinsics;
  private final Notes notes;
  private final SamGlobals globals;
  private final Map<String, TemplateResource> resources = new LinkedHashMap<>();
  private final SamApis apis;
  private final SamPropertyReferences references = new SamPropertyReferences();

  public SamExpander(Template template, Intrinsics intrinsics, Notes notes, NodeBudget budget) {
    this.template = template;
    this.intrinsics = intrinsics;
    this.notes = notes;
    this.globals = new SamGlobals(template.globals(), notes, budget);
    this.apis = new SamApis(this);
  }

  /** The CloudFormation-shaped resources of the template, in template order. */
  public List<TemplateResource> expand() {
    template.resources().forEach(r -> resources.put(r.id(), r));
    for (TemplateResource r : template.resources()) {
      switch (r.type()) {
        case API -> apis.declareRest(withGlobals(r));
        case HTTP_API -> apis.declareHttp(withGlobals(r));
        default -> {
          // functions and layers below, others pass through
        }
      }
    }
    for (TemplateResource r : template.resources()) {
      switch (r.type()) {
        case FUNCTION -> new SamFunction(this, withGlobals(r)).expand();
        case LAYER -> put(withGlobals(r).expandedAs("AWS::Lambda::LayerVersion", layer(r)));
        default -> {
          // passes through unchanged; other SAM types are not mapped in this version
        }
      }
    }
    apis.build();
    if (references.isEmpty()) {
      return new ArrayList<>(resources.values());
    }
    return resources.values().stream()
        .map(r -> r.withProperties(references.rewrite(r.properties())))
        .toList();
  }

  /**
   * A SAM layer keeps its logical id here (SAM appends a content hash to it and rewrites the
   * references, which changes nothing the model records).
   */
  private static Node layer(TemplateResource r) {
    MapNode p = r.properties() instanceof MapNode m ? m : Nodes.map(r.origin()).build();
    return Nodes.map(p.origin())
        .put("LayerName", p.get("LayerName").orElse(null))
        .put("Description", p.get("Description").orElse(null))
        .put("CompatibleRuntimes", p.get("CompatibleRuntimes").orElse(null))
        .put("CompatibleArchitectures", p.get("CompatibleArchitectures").orElse(null))
        .put("LicenseInfo", p.get("LicenseInfo").orElse(null))
        .put("Content", p.get("ContentUri").orElse(null))
        .build();
  }

  private TemplateResource withGlobals(TemplateResource r) {
    Node ignored = Nodes.get(r.attributes(), "IgnoreGlobals");
    return r.withProperties(globals.merge(r.type(), r.id(), r.properties(), ignored));
  }

  /** Properties of an implicit API that SAM creates, with the API globals applied. */
  Node implicitProperties(String type, String id, MapNode empty) {
    return globals.merge(type, id, empty, null);
  }

  void put(TemplateResource r) {
    resources.put(r.id(), r);
  }

  Optional<TemplateResource> resource(String id) {
    return Optional.ofNullable(resources.get(id));
  }

  /** Evaluates a value SAM itself needs to decide what to generate. */
  @Nullable Node resolve(@Nullable Node node) {
    return node == null ? null : intrinsics.resolve(node);
  }

  /** The text of a value SAM needs, after parameters are substituted. */
  Optional<String> text(@Nullable Node node) {
    return Nodes.text(resolve(node));
  }

  /** Whether a resource's condition is known to be false, so nothing of it is deployed. */
  boolean excluded(@Nullable String condition) {
    return condition != null && intrinsics.condition(condition) == Intrinsics.Truth.FALSE;
  }

  Notes notes() {
    return notes;
  }

  SamApis apis() {
    return apis;
  }

  /** Lets {@code !Ref reference} ({@code Function.Alias}) stand for the generated {@code id}. */
  void reference(String reference, String id) {
    references.add(reference, id);
  }
}
