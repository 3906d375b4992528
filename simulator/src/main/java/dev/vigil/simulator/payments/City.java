package dev.vigil.simulator.payments;

import java.util.List;

/** A city where cardholders live or pay, with the currency its residents' accounts are in. */
record City(String code, String country, String currency, double latitude, double longitude) {

  private static final double EARTH_RADIUS_KM = 6371.0088;

  /** Where the sample's accounts live; repeated entries make a country more common. */
  static final List<City> HOMES =
      List.of(
          new City("ams", "NL", "EUR", 52.3676, 4.9041),
          new City("rtm", "NL", "EUR", 51.9244, 4.4777),
          new City("utr", "NL", "EUR", 52.0907, 5.1214),
          new City("ber", "DE", "EUR", 52.5200, 13.4050),
          new City("muc", "DE", "EUR", 48.1351, 11.5820),
          new City("par", "FR", "EUR", 48.8566, 2.3522),
          new City("lys", "FR", "EUR", 45.7640, 4.8357),
          new City("lon", "GB", "GBP", 51.5072, -0.1276),
          new City("man", "GB", "GBP", 53.4808, -2.2426),
          new City("mad", "ES", "EUR", 40.4168, -3.7038),
          new City("bcn", "ES", "EUR", 41.3874, 2.1686),
          new City("rom", "IT", "EUR", 41.9028, 12.4964),
          new City("bru", "BE", "EUR", 50.8503, 4.3517),
          new City("sto", "SE", "SEK", 59.3293, 18.0686),
          new City("waw", "PL", "PLN", 52.2297, 21.0122),
          new City("nyc", "US", "USD", 40.7128, -74.0060),
          new City("chi", "US", "USD", 41.8781, -87.6298));

  /** Where a card can turn up far from home. */
  static final List<City> ABROAD =
      List.of(
          new City("nyc", "US", "USD", 40.7128, -74.0060),
          new City("sfo", "US", "USD", 37.7749, -122.4194),
          new City("yyz", "CA", "CAD", 43.6532, -79.3832),
          new City("gru", "BR", "BRL", -23.5505, -46.6333),
          new City("dxb", "AE", "AED", 25.2048, 55.2708),
          new City("bkk", "TH", "THB", 13.7563, 100.5018),
          new City("sin", "SG", "SGD", 1.3521, 103.8198),
          new City("tyo", "JP", "JPY", 35.6762, 139.6503),
          new City("syd", "AU", "AUD", -33.8688, 151.2093),
          new City("lis", "PT", "EUR", 38.7223, -9.1393),
          new City("ath", "GR", "EUR", 37.9838, 23.7275),
          new City("ist", "TR", "TRY", 41.0082, 28.9784));

  /** Great-circle (haversine) distance. */
  double distanceKm(double otherLatitude, double otherLongitude) {
    double lat1 = Math.toRadians(latitude);
    double lat2 = Math.toRadians(otherLatitude);
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(otherLongitude - longitude);
    double h =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  double distanceKm(City other) {
    return distanceKm(other.latitude, other.longitude);
  }
}
