package dev.vigil.cli;

/**
 * A failure the user can act on: its message is printed as it is, without a stack trace, and the
 * command exits non-zero.
 */
public class UserException extends RuntimeException {

  public UserException(String message) {
    super(message);
  }

  public UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
