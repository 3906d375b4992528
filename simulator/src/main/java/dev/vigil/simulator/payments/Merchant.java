package dev.vigil.simulator.payments;

import java.util.List;

/** A merchant and its ISO 18245 category code. */
record Merchant(String id, String categoryCode) {

  /** Categories of the shops near home: grocery, restaurant, fuel, pharmacy, clothing, transit. */
  static final List<String> LOCAL_CATEGORIES =
      List.of("5411", "5812", "5541", "5912", "5651", "4111", "5814", "5311");

  static final List<Merchant> ONLINE =
      List.of(
          new Merchant("m-web-bookshop", "5942"),
          new Merchant("m-web-streamflix", "4899"),
          new Merchant("m-web-megamart", "5311"),
          new Merchant("m-web-fashionhub", "5651"),
          new Merchant("m-web-foodrun", "5812"),
          new Merchant("m-web-travelbook", "4722"),
          new Merchant("m-web-appstore", "5818"));

  /** Where stolen cards are spent: goods that resell easily. */
  static final List<Merchant> RESELLABLE =
      List.of(
          new Merchant("m-web-techstore", "5732"),
          new Merchant("m-web-giftcardhub", "5999"),
          new Merchant("m-web-jewels", "5944"));

  /** A donation page that accepts any amount, where card testers check a card for cents. */
  static final Merchant DONATIONS = new Merchant("m-web-charitybox", "8398");

  static final List<Merchant> BLOCKLISTED =
      List.of(new Merchant("m-quickcash-777", "6051"), new Merchant("m-giftcardz-013", "5818"));

  static final String ATM_CATEGORY = "6011";

  static Merchant local(City city, int number) {
    return new Merchant(
        "m-" + city.code() + "-" + number, LOCAL_CATEGORIES.get(number % LOCAL_CATEGORIES.size()));
  }

  static Merchant atm(City city, int number) {
    return new Merchant("m-atm-" + city.code() + "-" + number, ATM_CATEGORY);
  }
}
