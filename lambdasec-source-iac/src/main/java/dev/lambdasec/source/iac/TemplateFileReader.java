package dev.lambdasec.source.iac;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.InputError;
import dev.lambdasec.model.Node;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.SourceUnit;
import dev.lambdasec.source.iac.cfn.Intrinsics;
import dev.lambdasec.source.iac.cfn.NodeBudget;
import dev.lambdasec.source.iac.cfn.Notes;
import dev.lambdasec.source.iac.cfn.Template;
import dev.lambdasec.source.iac.cfn.TemplateMapper;
import dev.lambdasec.source.iac.cfn.TemplateResource;
import dev.lambdasec.source.iac.parse.DocumentParser;
import dev.lambdasec.source.iac.parse.ParseException;
import dev.lambdasec.source.iac.sam.SamExpander;
import dev.lambdasec.source.iac.terraform.plan.PlanReader;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one document: parses it, decides whether it is a template, expands SAM, evaluates
 * intrinsics and maps the resources. Bad content never escapes as an exception.
 */
final class TemplateFileReader {

  static final String NOT_A_TEMPLATE = "not a CloudFormation or SAM template";

  private static final Pattern TOP_LEVEL_RESOURCES =
      Pattern.compile("(?m)^(Resources|\"Resources\")\\s*:");

  private final Map<String, String> parameters;
  private final DocumentParser parser;

  TemplateFileReader(IacOptions options) {
    this.parameters = options.parameters();
    this.parser = new DocumentParser((int) Math.min(Integer.MAX_VALUE, options.maxFileBytes()));
  }

  /** A cheap guess whether text is meant as a template, to decide if a parse error is reported. */
  static boolean looksLikeIac(String text) {
    return text.contains("AWSTemplateFormatVersion")
        || (text.contains("\"format_version\"") && text.contains("\"planned_values\""))
        || text.contains("AWS::")
        || TOP_LEVEL_RESOURCES.matcher(text).find();
  }

  /**
   * Reads {@code text} shown as {@code display}; adds its resources to {@code app} and its problems
   * to {@code errors}.
   *
   * @param explicit the file was named on the command line, so a file that is not a template is an
   *     error rather than skipped
   */
  void read(
      String display,
      String text,
      boolean explicit,
      Application.Builder app,
      List<InputError> errors) {
    Notes notes = new Notes(display);
    try {
      Node root;
      try {
        root = parser.parse(display, text);
      } catch (ParseException e) {
        if (looksLikeIac(text)) {
          errors.add(
              new InputError(display, e.line(), e.column(), "cannot be parsed: " + e.getMessage()));
        } else if (explicit) {
          errors.add(new InputError(display, 0, 0, NOT_A_TEMPLATE));
        }
        return;
      }
      if (root instanceof Node.MapNode plan && PlanReader.isPlan(plan)) {
        PlanReader.read(display, plan, app, errors);
        return;
      }
      if (!(root instanceof Node.MapNode map) || !Template.isTemplate(root)) {
        if (explicit) {
          errors.add(new InputError(display, 0, 0, NOT_A_TEMPLATE));
        }
        return;
      }
      app.addAll(map(display, map, notes));
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
                  + " nodes through reused parameters, mappings or Globals; not read"));
    } catch (RuntimeException | StackOverflowError e) {
      errors.addAll(notes.errors());
      errors.add(
          new InputError(
              display, 0, 0, "internal error while reading: " + e.getClass().getSimpleName()));
    }
  }

  /** The model of one template: SAM expanded, intrinsics evaluated, resources mapped. */
  private Application map(String display, Node.MapNode root, Notes notes) {
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
    return one.build();
  }

  private static Set<String> ids(List<TemplateResource> resources) {
    return resources.stream().map(TemplateResource::id).collect(Collectors.toSet());
  }
}
