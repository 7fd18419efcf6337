package dev.lambdasec.source.iac.parse;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The CloudFormation YAML short-form tags and the long-form keys they stand for. */
final class ShortForms {

  private static final Map<String, String> LONG_FORMS =
      Map.ofEntries(
          Map.entry("!Ref", "Ref"),
          Map.entry("!Condition", "Condition"),
          Map.entry("!GetAtt", "Fn::GetAtt"),
          Map.entry("!Sub", "Fn::Sub"),
          Map.entry("!Join", "Fn::Join"),
          Map.entry("!If", "Fn::If"),
          Map.entry("!Select", "Fn::Select"),
          Map.entry("!Split", "Fn::Split"),
          Map.entry("!FindInMap", "Fn::FindInMap"),
          Map.entry("!Base64", "Fn::Base64"),
          Map.entry("!GetAZs", "Fn::GetAZs"),
          Map.entry("!ImportValue", "Fn::ImportValue"),
          Map.entry("!Equals", "Fn::Equals"),
          Map.entry("!And", "Fn::And"),
          Map.entry("!Or", "Fn::Or"),
          Map.entry("!Not", "Fn::Not"),
          Map.entry("!Cidr", "Fn::Cidr"),
          Map.entry("!Transform", "Fn::Transform"),
          Map.entry("!ToJsonString", "Fn::ToJsonString"),
          Map.entry("!Length", "Fn::Length"));

  private ShortForms() {}

  /** The long-form key of a short-form tag such as {@code !Sub}, when it is one. */
  static Optional<String> longForm(@Nullable String tag) {
    return Optional.ofNullable(tag == null ? null : LONG_FORMS.get(tag));
  }
}
