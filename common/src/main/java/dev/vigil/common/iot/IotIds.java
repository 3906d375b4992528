package dev.vigil.common.iot;

import static dev.vigil.common.event.Checks.text;

import dev.vigil.common.event.InvalidEventException;
import java.util.regex.Pattern;

/**
 * Device ids and zones are named in the IoT API's paths ({@code /devices/{id}}, {@code
 * /zones/{zone}}), so they follow the paths' rule: a device the service accepts can always be asked
 * about. At most 64 characters also bounds the keys of every per-device store.
 */
final class IotIds {

  private static final Pattern PATH_ID = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");

  private IotIds() {}

  /** 1-64 letters, digits or {@code . _ : @ -}. */
  static String pathId(String value, String field) {
    if (!PATH_ID.matcher(text(value, field)).matches()) {
      throw new InvalidEventException(
          field + " must be 1-64 letters, digits or . _ : @ - characters");
    }
    return value;
  }
}
