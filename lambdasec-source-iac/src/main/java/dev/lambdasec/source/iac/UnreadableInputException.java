package dev.lambdasec.source.iac;

/** A path given on the command line does not exist or cannot be read. */
public final class UnreadableInputException extends Exception {

  private final String input;

  public UnreadableInputException(String input, String reason) {
    super(input + ": " + reason);
    this.input = input;
  }

  /** The path as given. */
  public String input() {
    return input;
  }
}
