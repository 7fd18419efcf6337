package dev.lambdasec.source.aws.snapshot;

/** A snapshot file that cannot be read; the message never quotes its contents. */
public final class InvalidSnapshotException extends Exception {

  private static final long serialVersionUID = 1L;

  public InvalidSnapshotException(String message) {
    super(message);
  }
}
