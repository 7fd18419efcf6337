package dev.lambdasec.source.aws.collect;

/** The collection could not start: no credentials, or none that AWS accepts. */
public final class CollectException extends Exception {

  private static final long serialVersionUID = 1L;

  public CollectException(String message) {
    super(message);
  }
}
