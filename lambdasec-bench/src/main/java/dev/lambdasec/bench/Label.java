package dev.lambdasec.bench;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One labelled expectation of the corpus: this resource of this file must (FAIL) or must not (PASS)
 * be reported in this category.
 *
 * @param origin which label file the row comes from ({@code vulnapps}, {@code peer-fixtures},
 *     {@code runtime})
 * @param file path relative to the corpus root, forward slashes
 * @param layer {@code iac}, {@code code} or {@code package}
 * @param asOf the date the label holds for, when it depends on one
 */
public record Label(
    String origin,
    String file,
    String resource,
    String category,
    boolean expectFail,
    String layer,
    String note,
    @Nullable LocalDate asOf) {

  /** {@code file resource category}, the identity used to deduplicate label files. */
  public String key() {
    return file + "\u0000" + resource + "\u0000" + category;
  }
}
