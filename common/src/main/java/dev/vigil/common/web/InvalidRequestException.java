package dev.vigil.common.web;

import java.util.regex.Pattern;

/** A request a client must change before retrying; answered with 400 and this message. */
public class InvalidRequestException extends RuntimeException {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");

  public InvalidRequestException(String message) {
    super(message);
  }

  /** Entity ids in paths: letters, digits and {@code ._:@-}, at most 64 characters. */
  public static String requireId(String value, String name) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new InvalidRequestException(
          name + " must be 1-64 letters, digits or . _ : @ - characters");
    }
    return value;
  }
}
