package dev.lambdasec.source.iac.cfn;

import dev.lambdasec.model.InputError;
import dev.lambdasec.model.Origin;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects the parts of a template that were skipped or could not be evaluated. */
public final class Notes {

  private final String file;
  private final Set<InputError> errors = new LinkedHashSet<>();

  public Notes(String file) {
    this.file = file;
  }

  /** Records a note at the position of {@code origin}; repeated notes are kept once. */
  public void add(Origin origin, String message) {
    errors.add(InputError.note(file, origin.line(), origin.column(), message));
  }

  public List<InputError> errors() {
    return new ArrayList<>(errors);
  }
}
