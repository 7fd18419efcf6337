package dev.lambdasec.source.aws.map;

import dev.lambdasec.model.Application;
import dev.lambdasec.model.InputError;
import java.util.List;

/**
 * What a snapshot yields: the model, and what could not be collected as input errors (denied or
 * failed calls) and notes (facts not collected by choice, operations the endpoint lacks).
 */
public record LiveSource(Application application, List<InputError> errors) {
  public LiveSource {
    errors = List.copyOf(errors);
  }
}
