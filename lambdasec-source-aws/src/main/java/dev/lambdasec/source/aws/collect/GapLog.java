package dev.lambdasec.source.aws.collect;

import dev.lambdasec.source.aws.snapshot.Snapshot.Gap;
import dev.lambdasec.source.aws.snapshot.Snapshot.GapKind;
import java.util.ArrayList;
import java.util.List;

/** The gaps of a collection, appended from many threads; each failed call counts as failed. */
final class GapLog {

  private final List<Gap> gaps = new ArrayList<>();
  private final ApiStats stats;

  GapLog(ApiStats stats) {
    this.stats = stats;
  }

  synchronized void add(Gap gap) {
    gaps.add(gap);
    if (gap.kind() != GapKind.NOT_COLLECTED) {
      stats.callFailed();
    }
  }

  synchronized List<Gap> all() {
    return List.copyOf(gaps);
  }
}
