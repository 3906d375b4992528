package dev.vigil.common.event;

/** An event that parsed as JSON but breaks a rule of its schema; the message names the field. */
public class InvalidEventException extends IllegalArgumentException {

  public InvalidEventException(String message) {
    super(message);
  }
}
