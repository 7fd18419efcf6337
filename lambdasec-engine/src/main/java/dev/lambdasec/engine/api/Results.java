package dev.lambdasec.engine.api;

import dev.lambdasec.model.Origin;
import dev.lambdasec.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects the verdicts one rule reports during one evaluation. */
public final class Results {

  private final List<Verdict> verdicts = new ArrayList<>();

  public void pass(Resource resource, String message) {
    pass(Subject.of(resource), resource.origin(), message);
  }

  public void pass(Subject subject, Origin at, String message) {
    add(new Verdict(Status.PASS, subject, at, message, null, Map.of()));
  }

  public void fail(Resource resource, Origin at, String message) {
    fail(Subject.of(resource), at, message);
  }

  public void fail(Subject subject, Origin at, String message) {
    add(new Verdict(Status.FAIL, subject, at, message, null, Map.of()));
  }

  public void unknown(Resource resource, Origin at, String message) {
    unknown(Subject.of(resource), at, message);
  }

  public void unknown(Subject subject, Origin at, String message) {
    add(new Verdict(Status.UNKNOWN, subject, at, message, null, Map.of()));
  }

  public void notApplicable(Resource resource, String message) {
    add(
        new Verdict(
            Status.NOT_APPLICABLE,
            Subject.of(resource),
            resource.origin(),
            message,
            null,
            Map.of()));
  }

  public void add(Verdict verdict) {
    verdicts.add(verdict);
  }

  public List<Verdict> verdicts() {
    return List.copyOf(verdicts);
  }
}
