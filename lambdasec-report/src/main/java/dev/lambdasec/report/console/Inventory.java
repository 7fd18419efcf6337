package dev.lambdasec.report.console;

import dev.lambdasec.engine.Finding;
import dev.lambdasec.engine.Report;
import dev.lambdasec.model.ResourceKey;
import dev.lambdasec.model.SourceKind;
import dev.lambdasec.model.SourceUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a scan covered, in words: inputs by kind and the number of functions. Functions are counted
 * from the findings (every resource a rule looked at), since the report carries no inventory.
 */
final class Inventory {

  /** The resource types of Lambda functions in the sources lambdasec reads. */
  private static final Set<String> FUNCTION_TYPES =
      Set.of("AWS::Serverless::Function", "AWS::Lambda::Function", "aws_lambda_function");

  private Inventory() {}

  /** For example "3 templates, 1 account region, 5 functions". */
  static String describe(Report report) {
    Map<String, Integer> inputs = new LinkedHashMap<>();
    report.inputs().stream()
        .map(SourceUnit::kind)
        .sorted()
        .forEach(kind -> inputs.merge(noun(kind), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    inputs.forEach((noun, n) -> parts.add(count(n, noun)));
    if (parts.isEmpty()) {
      parts.add("no inputs");
    }
    parts.add(count(functions(report), "function"));
    return String.join(", ", parts);
  }

  private static int functions(Report report) {
    Set<ResourceKey> seen = new HashSet<>();
    for (Finding f : report.findings()) {
      if (FUNCTION_TYPES.contains(f.subject().type())) {
        seen.add(f.subject().key());
      }
    }
    return seen.size();
  }

  private static String noun(SourceKind kind) {
    return switch (kind) {
      case CLOUDFORMATION, SAM, SERVERLESS -> "template";
      case TERRAFORM -> "Terraform configuration";
      case TERRAFORM_PLAN -> "Terraform plan";
      case AWS -> "account region";
      case PACKAGE -> "deployment package";
    };
  }

  /** "1 template", "3 templates". */
  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
