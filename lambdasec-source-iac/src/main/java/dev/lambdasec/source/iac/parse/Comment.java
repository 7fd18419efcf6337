package dev.lambdasec.source.iac.parse;

/**
 * A YAML comment kept for inline suppressions, with the node it belongs to.
 *
 * @param path the JSON-pointer path of the node the comment is written on or above ({@code
 *     /Resources/Fn}, {@code /functions/hello/events/0}); {@code /} for comments outside any node
 * @param line 1-based line of the comment
 * @param column 1-based column of the {@code #}
 * @param text the comment without the {@code #}, trimmed
 */
public record Comment(String path, int line, int column, String text) {}
