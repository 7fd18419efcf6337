package dev.lambdasec.source.iac.terraform.hcl;

import java.util.List;

/**
 * {@code type "label" … { body }}.
 *
 * @param endLine the line of the closing brace
 */
public record Block(String type, List<String> labels, Body body, Pos pos, int endLine) {
  public Block {
    labels = List.copyOf(labels);
  }
}
