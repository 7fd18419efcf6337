package dev.lambdasec.source.aws.collect;

import dev.lambdasec.source.aws.snapshot.Snapshot.Gap;
import java.util.ArrayList;
import java.util.List;

/** The gaps of a collection, appended from many threads. */
final class GapLog {

  private final List<Gap> gaps = new ArrayList<>();

  synchronized void add(Gap gap) {
    gaps.add(gap);
  }

  synchronized List<Gap> all() {
    return List.copyOf(gaps);
  }
}
