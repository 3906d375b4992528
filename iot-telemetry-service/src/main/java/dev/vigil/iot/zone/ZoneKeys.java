package dev.vigil.iot.zone;

/**
 * Keys of the zone-devices store: zone, then device id, so that a prefix scan lists one zone's
 * devices. The zone's length leads, so that zone {@code a} never matches the devices of zone {@code
 * a/b}.
 */
public final class ZoneKeys {

  private ZoneKeys() {}

  public static String device(String zone, String deviceId) {
    return prefix(zone) + deviceId;
  }

  public static String prefix(String zone) {
    return zone.length() + ":" + zone + "/";
  }
}
