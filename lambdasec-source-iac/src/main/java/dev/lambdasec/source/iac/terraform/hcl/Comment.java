package dev.lambdasec.source.iac.terraform.hcl;

/**
 * A comment, without its {@code #}, {@code //} or {@code /* *}{@code /} markers.
 *
 * @param text the comment text, stripped
 * @param pos where the comment starts
 */
public record Comment(String text, Pos pos) {}
