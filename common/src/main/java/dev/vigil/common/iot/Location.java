package dev.vigil.common.iot;

import static dev.vigil.common.event.Checks.inRange;

/** Where a device is installed, in WGS84 degrees. */
public record Location(double latitude, double longitude) {

  public Location {
    inRange(latitude, -90, 90, "location.latitude");
    inRange(longitude, -180, 180, "location.longitude");
  }
}
