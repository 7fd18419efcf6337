package dev.lambdasec.report.console;

import dev.lambdasec.engine.Report;
import dev.lambdasec.model.SourceUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a scan covered, in words: inputs by kind and the number of functions. */
final class Inventory {

  private Inventory() {}

  /** For example "3 templates, 1 AWS account, 2 account regions, 5 functions". */
  static String describe(Report report) {
    Map<String, Integer> inputs = new LinkedHashMap<>();
    report.inputs().stream()
        .sorted(Comparator.comparing(SourceUnit::kind))
        .forEach(unit -> inputs.merge(noun(unit), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    inputs.forEach((noun, n) -> parts.add(count(n, noun)));
    if (parts.isEmpty()) {
      parts.add("no inputs");
    }
    parts.add(count(report.count("functions"), "function"));
    return String.join(", ", parts);
  }

  private static String noun(SourceUnit unit) {
    return switch (unit.kind()) {
      case CLOUDFORMATION, SAM, SERVERLESS -> "template";
      case TERRAFORM -> "Terraform configuration";
      case TERRAFORM_PLAN -> "Terraform plan";
      // a live account's global part (IAM) is read as scope "aws:ACCOUNT", its regions apart
      case AWS -> unit.scope().matches("aws:\\d{12}") ? "AWS account" : "account region";
      case PACKAGE -> "deployment package";
    };
  }

  /** "1 template", "3 templates". */
  static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
