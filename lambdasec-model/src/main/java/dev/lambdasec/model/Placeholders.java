package dev.lambdasec.model;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * How sources write a value of one of their own resources that is known only after deployment,
 * inside policy text and other strings: CloudFormation {@code ${Id.Arn}} ({@code Fn::GetAtt}) and
 * {@code ${Id}} ({@code Ref}), Terraform {@code ${aws_lambda_function.x.arn}}. Rules compare these
 * forms instead of spelling one source's syntax.
 */
public final class Placeholders {

  private Placeholders() {}

  /**
   * The placeholders that stand for the ARN of {@code resource}: {@code ${Id.Arn}}, {@code
   * ${address.arn}}, and {@code ${Id}} for a managed policy (whose CloudFormation {@code Ref} is
   * its ARN).
   */
  public static Set<String> arnOf(Resource resource) {
    Set<String> out = new LinkedHashSet<>();
    out.add(new Node.Reference(resource.id(), "Arn", resource.origin()).placeholder());
    out.add(new Node.Reference(resource.id(), "arn", resource.origin()).placeholder());
    if (resource instanceof ManagedPolicy) {
      out.add(new Node.Reference(resource.id(), null, resource.origin()).placeholder());
    }
    return out;
  }

  /**
   * The id, among {@code ids}, of the resource that {@code text} refers to when the whole text is
   * one placeholder ({@code ${Id}}, {@code ${Id.Attribute}}); the longest id wins, so {@code
   * ${aws_lambda_function.x.arn}} names {@code aws_lambda_function.x}.
   */
  public static Optional<String> target(String text, Set<String> ids) {
    if (!text.startsWith("${") || !text.endsWith("}") || text.indexOf("${", 2) >= 0) {
      return Optional.empty();
    }
    String inner = text.substring(2, text.length() - 1);
    if (ids.contains(inner)) {
      return Optional.of(inner);
    }
    for (int dot = inner.lastIndexOf('.'); dot > 0; dot = inner.lastIndexOf('.', dot - 1)) {
      String candidate = inner.substring(0, dot);
      if (ids.contains(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
