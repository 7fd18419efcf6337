package dev.lambdasec.testkit;

import dev.lambdasec.engine.api.Status;
import dev.lambdasec.model.SourceKind;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One case of a rule's {@code cases.yaml}: source files, the scan date, and the exact subjects
 * expected per status.
 *
 * @param files file name to content; several files form one input folder (may be empty for a live
 *     case)
 * @param snapshot a live AWS snapshot (JSON) for {@code source: aws}, or {@code null}; with
 *     template files too, the case scans both together (drift)
 * @param params CloudFormation parameter overrides ({@code --param})
 * @param expected subject labels ({@code id} or {@code id[part]}) per status; statuses not listed
 *     expect nothing
 * @param errors the number of input errors the case expects
 */
public record FixtureCase(
    String ruleId,
    String name,
    SourceKind source,
    Map<String, String> files,
    @Nullable String snapshot,
    Map<String, String> params,
    LocalDate today,
    Map<Status, Set<String>> expected,
    int errors) {

  public FixtureCase {
    files = Map.copyOf(files);
    params = Map.copyOf(params);
    expected = Map.copyOf(expected);
  }

  public Set<String> expected(Status status) {
    return expected.getOrDefault(status, Set.of());
  }
}
