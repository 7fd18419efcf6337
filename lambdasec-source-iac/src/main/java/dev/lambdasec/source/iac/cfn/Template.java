package dev.lambdasec.source.iac.cfn;

import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.Entry;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The sections of a CloudFormation template that the adapter reads.
 *
 * @param file the display path, the scope of every resource key
 * @param parameters {@code Parameters}
 * @param mappings {@code Mappings}
 * @param conditions {@code Conditions}
 * @param globals SAM {@code Globals}
 * @param resources the resources in template order
 * @param transforms the names in {@code Transform}
 */
public record Template(
    String file,
    MapNode parameters,
    MapNode mappings,
    MapNode conditions,
    MapNode globals,
    List<TemplateResource> resources,
    List<String> transforms) {

  /** The SAM transform. */
  public static final String SAM_TRANSFORM = "AWS::Serverless-2016-10-31";

  private static final Pattern RESOURCE_TYPE = Pattern.compile("^(AWS|Custom|Alexa)::\\S+");

  public Template {
    resources = List.copyOf(resources);
    transforms = List.copyOf(transforms);
  }

  /** Whether the template declares the SAM transform. */
  public boolean declaresSam() {
    return transforms.contains(SAM_TRANSFORM);
  }

  /**
   * Whether the template is SAM: it declares the transform, or it uses {@code AWS::Serverless::}
   * resources without it (CloudFormation would reject it; its author meant SAM).
   */
  public boolean isSam() {
    return declaresSam()
        || resources.stream().anyMatch(r -> r.type().startsWith("AWS::Serverless::"));
  }

  /**
   * Whether a parsed document is a template: a map with {@code AWSTemplateFormatVersion}, or a
   * {@code Resources} map with an entry whose {@code Type} looks like a resource type.
   */
  public static boolean isTemplate(Node root) {
    if (!(root instanceof MapNode map)) {
      return false;
    }
    if (map.get("AWSTemplateFormatVersion").isPresent()) {
      return true;
    }
    if (!(map.get("Resources").orElse(null) instanceof MapNode resources)) {
      return false;
    }
    return resources.entries().stream()
        .anyMatch(e ->
            Nodes.text(e.value(), "Type").filter(t -> RESOURCE_TYPE.matcher(t).find()).isPresent());
  }

  /** Reads the sections of a document that {@link #isTemplate} accepted. */
  public static Template of(String file, MapNode root, Notes notes) {
    List<TemplateResource> resources = new ArrayList<>();
    MapNode section = mapOrEmpty(root, "Resources");
    for (Entry e : section.entries()) {
      if (e.key().startsWith("Fn::ForEach")) {
        notes.add(
            e.keyOrigin(), "Fn::ForEach is not expanded; the resources it generates are not read");
        continue;
      }
      Optional<String> type = Nodes.text(e.value(), "Type");
      if (type.isEmpty()) {
        notes.add(e.keyOrigin(), "resource " + e.key() + " has no Type; skipped");
        continue;
      }
      Node properties = Nodes.get(e.value(), "Properties");
      Origin origin = e.keyOrigin().withResource(e.key());
      resources.add(
          TemplateResource.declared(
              e.key(),
              e.value(),
              type.get(),
              properties == null ? new MapNode(List.of(), origin) : properties,
              origin));
    }
    List<String> transforms =
        Nodes.items(root.get("Transform").orElse(null)).stream()
            .map(Nodes::text)
            .flatMap(Optional::stream)
            .toList();
    return new Template(
        file,
        mapOrEmpty(root, "Parameters"),
        mapOrEmpty(root, "Mappings"),
        mapOrEmpty(root, "Conditions"),
        mapOrEmpty(root, "Globals"),
        resources,
        transforms);
  }

  private static MapNode mapOrEmpty(MapNode root, String key) {
    return root.get(key).orElse(null) instanceof MapNode m
        ? m
        : new MapNode(List.of(), root.origin().withPath("/" + key));
  }
}
