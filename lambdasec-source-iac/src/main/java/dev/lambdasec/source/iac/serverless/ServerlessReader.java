package dev.lambdasec.source.iac.serverless;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.Node.MapNode;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.SourceUnit;
import dev.lambdasec.source.iac.cfn.InlineSuppressions;
import dev.lambdasec.source.iac.cfn.Intrinsics;
import dev.lambdasec.source.iac.cfn.NodeBudget;
import dev.lambdasec.source.iac.cfn.Nodes;
import dev.lambdasec.source.iac.cfn.Notes;
import dev.lambdasec.source.iac.cfn.Template;
import dev.lambdasec.source.iac.cfn.TemplateMapper;
import dev.lambdasec.source.iac.cfn.TemplateResource;
import dev.lambdasec.source.iac.parse.Comment;
import dev.lambdasec.source.iac.parse.DocumentParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Serverless Framework service ({@code serverless.yml}): resolves its variables, expands it
 * into the resources the framework deploys, maps them with the CloudFormation mapper, and reads its
 * inline suppressions. Services for another provider than AWS are skipped with a note.
 */
public final class ServerlessReader {

  /** The model of one service and the files it includes. */
  public record Result(Application application, Set<Path> included) {}

  private final Map<String, String> options;
  private final DocumentParser parser;
  private final long maxFileBytes;

  /**
   * @param options the values given with {@code --param}: the framework's CLI options ({@code
   *     stage}, {@code region}, custom ones) and parameters of {@code resources}
   */
  public ServerlessReader(Map<String, String> options, DocumentParser parser, long maxFileBytes) {
    this.options = Map.copyOf(options);
    this.parser = parser;
    this.maxFileBytes = maxFileBytes;
  }

  /**
   * Whether a document is a Serverless Framework service: it has {@code service} and {@code
   * provider}.
   */
  public static boolean isServerless(MapNode root) {
    return root.get("service").isPresent() && root.get("provider").isPresent();
  }

  /**
   * Reads a service shown as {@code display}.
   *
   * @param file the service file on disk, to find included files; {@code null} when read from
   *     memory
   */
  public Result read(
      String display, @Nullable Path file, MapNode root, List<Comment> comments, Notes notes) {
    NodeBudget budget = new NodeBudget(NodeBudget.DEFAULT_LIMIT);
    ConfigFiles files = new ConfigFiles(display, file, parser, maxFileBytes);
    Variables variables = new Variables(root, options, files, budget);
    Node providerNode = variables.lookup("provider");
    Node nameNode = providerNode instanceof MapNode p ? Nodes.get(p, "name") : providerNode;
    String provider = Service.text(nameNode).orElse("aws").toLowerCase(Locale.ROOT);
    if (!provider.equals("aws")) {
      notes.add(
          root.origin(),
          "Serverless Framework service for provider " + provider + ", not AWS; not read");
      return new Result(Application.empty(), files.included());
    }
    Service service = new Service(variables.resolveAll(), variables.stage(), variables.region());
    ServiceExpander.Expansion expansion = new ServiceExpander(service, notes).expand();
    List<TemplateResource> resources = expansion.resources();
    Template template =
        new Template(
            display,
            expansion.parameters(),
            expansion.mappings(),
            expansion.conditions(),
            Nodes.map(root.origin()).build(),
            resources,
            List.of());
    Set<String> ids = resources.stream().map(TemplateResource::id).collect(Collectors.toSet());
    Application.Builder app = Application.builder();
    app.source(new SourceUnit(display, SourceKind.SERVERLESS));
    TemplateMapper.map(
        display, resources, Intrinsics.of(template, options, ids, budget), notes, app);
    suppressions(display, resources, comments, expansion.renamed(), notes)
        .forEach(app::suppression);
    return new Result(app.build(), files.included());
  }

  /**
   * The service's inline suppressions: {@code Metadata} of {@code resources}, and comments on or
   * above a function, a resource or a layer; comments in {@code provider} target what the provider
   * settings generate (the shared role, the APIs).
   */
  private static List<dev.lambdasec.model.Suppression> suppressions(
      String display,
      List<TemplateResource> resources,
      List<Comment> comments,
      Map<String, String> renamed,
      Notes notes) {
    InlineSuppressions found = new InlineSuppressions(display, notes);
    for (TemplateResource r : resources) {
      found.metadata(r.id(), Nodes.get(r.attributes(), "Metadata"));
    }
    for (Comment c : comments) {
      found.comment(c, target(c.path(), renamed).orElse(null));
    }
    return found.all();
  }

  /** The resource a comment at {@code path} is written on or above. */
  static Optional<String> target(String path, Map<String, String> renamed) {
    Optional<String> function = InlineSuppressions.resourceOf(path, "/functions");
    if (function.isPresent()) {
      return function;
    }
    Optional<String> layer = InlineSuppressions.resourceOf(path, "/layers");
    if (layer.isPresent()) {
      return Optional.of(LogicalIds.function(layer.get()) + "LambdaLayer");
    }
    if (path.equals("/provider") || path.startsWith("/provider/")) {
      return Optional.of("provider");
    }
    String resources = path.replaceFirst("^/resources/\\d+/", "/resources/");
    return InlineSuppressions.resourceOf(resources, "/resources/Resources")
        .or(() -> InlineSuppressions.resourceOf(resources, "/resources/extensions"))
        .map(id -> renamed.getOrDefault(id, id));
  }
}
