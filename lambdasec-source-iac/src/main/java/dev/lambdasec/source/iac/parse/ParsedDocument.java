package dev.lambdasec.source.iac.parse;

import dev.lambdasec.model.Node;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A parsed document: its tree ({@code null} when the document is empty) and the comments that may
 * carry inline suppressions ({@code lambdasec:} comments only; JSON has none).
 */
public record ParsedDocument(@Nullable Node root, List<Comment> comments) {
  public ParsedDocument {
    comments = List.copyOf(comments);
  }
}
