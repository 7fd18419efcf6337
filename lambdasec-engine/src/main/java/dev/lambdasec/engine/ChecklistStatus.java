package dev.lambdasec.engine;

/** The state of a checklist control after a scan. */
public enum ChecklistStatus {
  /** Every result of its rules passed. */
  MET,
  /** At least one result failed. */
  NOT_MET,
  /** Nothing failed, but some results could not be decided. */
  UNKNOWN,
  /** None of its rules found anything to check. */
  NOT_APPLICABLE
}
