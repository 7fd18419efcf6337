package dev.lambdasec.source.iac;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.InputError;
import dev.lambdasec.model.Node;
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
import dev.lambdasec.source.iac.parse.ParseException;
import dev.lambdasec.source.iac.parse.ParsedDocument;
import dev.lambdasec.source.iac.sam.SamExpander;
import dev.lambdasec.source.iac.serverless.ServerlessReader;
import dev.lambdasec.source.iac.terraform.plan.PlanReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Reads one document: parses it, decides whether it is a CloudFormation/SAM template or a
 * Serverless Framework service, expands SAM, evaluates intrinsics, maps the resources and reads the
 * inline suppressions. Bad content never escapes as an exception.
 */
final class TemplateFileReader {

  static final String NOT_A_TEMPLATE = "not a CloudFormation, SAM or Serverless Framework file";

  private static final Pattern TOP_LEVEL_RESOURCES =
      Pattern.compile("(?m)^(Resources|\"Resources\")\\s*:");
  private static final Pattern TOP_LEVEL_SERVICE = Pattern.compile("(?m)^service\\s*:");
  private static final Pattern TOP_LEVEL_PROVIDER = Pattern.compile("(?m)^provider\\s*:");

  private final Map<String, String> parameters;
  private final DocumentParser parser;
  private final ServerlessReader serverless;

  TemplateFileReader(IacOptions options) {
    this.parameters = options.parameters();
    this.parser = new DocumentParser((int) Math.min(Integer.MAX_VALUE, options.maxFileBytes()));
    this.serverless = new ServerlessReader(options.parameters(), parser, options.maxFileBytes());
  }

  /** A cheap guess whether text is meant as IaC, to decide if a parse error is reported. */
  static boolean looksLikeIac(String text) {
    return text.contains("AWSTemplateFormatVersion")
        || (text.contains("\"format_version\"") && text.contains("\"planned_values\""))
        || text.contains("AWS::")
        || TOP_LEVEL_RESOURCES.matcher(text).find()
        || (TOP_LEVEL_SERVICE.matcher(text).find() && TOP_LEVEL_PROVIDER.matcher(text).find());
  }

  /**
   * What one file yielded: its model, its problems, and the files it includes ({@code ${file(…)}}
   * of a Serverless Framework service), which are then not read again on their own.
   */
  record FileResult(Application application, List<InputError> errors, Set<Path> included) {}

  /**
   * Reads {@code text} shown as {@code display}.
   *
   * @param file where the document is on disk, to find files it includes; {@code null} when it was
   *     read from memory
   * @param explicit the file was named on the command line, so a file that is not a template is an
   *     error rather than skipped
   */
  FileResult read(String display, @Nullable Path file, String text, boolean explicit) {
    Notes notes = new Notes(display);
    List<InputError> errors = new ArrayList<>();
    Application app = Application.empty();
    Set<Path> included = Set.of();
    try {
      ParsedDocument parsed;
      try {
        parsed = parser.read(display, text);
      } catch (ParseException e) {
        if (looksLikeIac(text)) {
          errors.add(
              new InputError(display, e.line(), e.column(), "cannot be parsed: " + e.getMessage()));
        } else if (explicit) {
          errors.add(new InputError(display, 0, 0, NOT_A_TEMPLATE));
        }
        return new FileResult(app, errors, included);
      }
      Node root = parsed.root();
      if (root instanceof Node.MapNode plan && PlanReader.isPlan(plan)) {
        Application.Builder planned = Application.builder();
        PlanReader.read(display, plan, planned, errors);
        app = planned.build();
      } else if (root instanceof Node.MapNode map && Template.isTemplate(root)) {
        app = map(display, map, parsed.comments(), notes);
      } else if (root instanceof Node.MapNode map && ServerlessReader.isServerless(map)) {
        ServerlessReader.Result service =
            serverless.read(display, file, map, parsed.comments(), notes);
        app = service.application();
        included = service.included();
      } else if (explicit) {
        errors.add(new InputError(display, 0, 0, NOT_A_TEMPLATE));
      }
      errors.addAll(notes.errors());
    } catch (NodeBudget.TemplateTooLargeException e) {
      errors.addAll(notes.errors());
      errors.add(
          new InputError(
              display,
              0,
              0,
              "expands to more than "
                  + NodeBudget.DEFAULT_LIMIT
                  + " nodes through reused parameters, mappings, Globals or variables; not read"));
    } catch (RuntimeException | StackOverflowError e) {
      errors.addAll(notes.errors());
      errors.add(
          new InputError(
              display, 0, 0, "internal error while reading: " + e.getClass().getSimpleName()));
    }
    return new FileResult(app, errors, included);
  }

  /**
   * The model of one template: SAM expanded, intrinsics evaluated, resources mapped, suppressions
   * read.
   */
  private Application map(String display, Node.MapNode root, List<Comment> comments, Notes notes) {
    Application.Builder one = Application.builder();
    Template template = Template.of(display, root, notes);
    one.source(
        new SourceUnit(display, template.isSam() ? SourceKind.SAM : SourceKind.CLOUDFORMATION));
    if (template.isSam() && !template.declaresSam()) {
      notes.add(
          root.origin(),
          "AWS::Serverless resources without Transform "
              + Template.SAM_TRANSFORM
              + "; read as SAM");
    }
    template.transforms().stream()
        .filter(t -> !t.equals(Template.SAM_TRANSFORM) && !t.equals("AWS::LanguageExtensions"))
        .forEach(t -> notes.add(root.origin(), "transform " + t + " is not expanded"));
    NodeBudget budget = new NodeBudget(NodeBudget.DEFAULT_LIMIT);
    Intrinsics intrinsics = Intrinsics.of(template, parameters, ids(template.resources()), budget);
    List<TemplateResource> resources =
        template.isSam()
            ? new SamExpander(template, intrinsics, notes, budget).expand()
            : template.resources();
    TemplateMapper.map(display, resources, intrinsics.withResources(ids(resources)), notes, one);
    InlineSuppressions suppressions = new InlineSuppressions(display, notes);
    for (TemplateResource r : template.resources()) {
      suppressions.metadata(r.id(), Nodes.get(r.attributes(), "Metadata"));
    }
    for (Comment c : comments) {
      suppressions.comment(c, InlineSuppressions.resourceOf(c.path(), "/Resources").orElse(null));
    }
    suppressions.all().forEach(one::suppression);
    return one.build();
  }

  private static Set<String> ids(List<TemplateResource> resources) {
    return resources.stream().map(TemplateResource::id).collect(Collectors.toSet());
  }
}
