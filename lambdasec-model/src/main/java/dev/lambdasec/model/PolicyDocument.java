package dev.lambdasec.model;

/**
 * An IAM policy document as the source wrote it, kept as a tree with origins so the IAM engine can
 * parse it and point at the offending statement.
 *
 * @param name the inline policy name, or a fixed label such as {@code AssumeRolePolicyDocument}
 * @param document the document; an {@link Node.Unresolved} node when the source builds it in a way
 *     lambdasec cannot evaluate
 */
public record PolicyDocument(String name, Node document) {
  public Origin origin() {
    return document.origin();
  }
}
