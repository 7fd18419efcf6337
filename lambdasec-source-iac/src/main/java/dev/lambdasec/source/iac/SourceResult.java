package dev.lambdasec.source.iac;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.InputError;
import java.util.List;

/**
 * What the templates yielded: the model, and the files or parts of files that could not be read.
 */
public record SourceResult(Application application, List<InputError> errors) {
  public SourceResult {
    errors = List.copyOf(errors);
  }
}
