package dev.vigil.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The item-to-item affinity the recommendation service should have learned from a shop's activity,
 * recomputed from the rules its README states, with the service's default settings: two products of
 * one session are related by the weaker of the two signals the shopper gave them (view 1,
 * add-to-cart 3, purchase 5), each activity adding only the increase it causes; buying a product
 * also relates it to the shopper's purchases of earlier sessions within 30 days, at half a
 * purchase; every contribution halves with each 7 days of event time before the product's newest.
 *
 * <p>Feed it every activity in the order each shopper's partition holds them, then read {@link
 * #learned()}.
 */
final class ShopAffinity {

  static final int NEIGHBOURS = 50;

  private static final Duration HALF_LIFE = Duration.ofDays(7);
  private static final Duration CO_PURCHASE_HORIZON = Duration.ofDays(30);
  private static final double CROSS_SESSION_FACTOR = 0.5;
  private static final int SESSION_PAIRS = 10;
  private static final int SESSION_ITEMS = 20;
  private static final int PURCHASES = 50;

  enum Type {
    VIEW(1, 1),
    ADD_TO_CART(2, 3),
    PURCHASE(3, 5),
    REMOVE_FROM_CART(0, 0);

    final int strength;
    final double weight;

    Type(int strength, double weight) {
      this.strength = strength;
      this.weight = weight;
    }

    static Type weaker(Type a, Type b) {
      return a.strength <= b.strength ? a : b;
    }
  }

  /** A product's learned neighbour: its score and the part of it from buying both. */
  record Neighbour(double score, double bought) {}

  /** A product's neighbours, as of the newest event time that taught it anything. */
  record Learned(Instant asOf, Map<String, Neighbour> neighbours) {}

  private record Item(String productId, Type level, Instant lastSeen) {}

  private record Purchase(String productId, String sessionId, Instant at) {}

  private record Contribution(String productId, double weight, double bought, Instant at) {}

  private static final class Shopper {
    String sessionId;
    List<Item> session = List.of();
    List<Purchase> purchases = List.of();
    Instant lastActivity;
  }

  private final Map<String, Shopper> shoppers = new HashMap<>();
  private final Map<String, List<Contribution>> contributions = new LinkedHashMap<>();

  void add(String userId, String sessionId, Type type, String productId, Instant at) {
    Shopper shopper = shoppers.computeIfAbsent(userId, u -> new Shopper());
    learn(shopper, sessionId, type, productId, at);
    remember(shopper, sessionId, type, productId, at);
  }

  private void learn(Shopper shopper, String sessionId, Type type, String productId, Instant at) {
    if (type == Type.REMOVE_FROM_CART) {
      return;
    }
    boolean sameSession = sessionId.equals(shopper.sessionId);
    Type previous =
        sameSession
            ? shopper.session.stream()
                .filter(i -> i.productId().equals(productId))
                .map(Item::level)
                .findFirst()
                .orElse(null)
            : null;
    Map<String, double[]> pairs = new LinkedHashMap<>();
    if (sameSession && (previous == null || type.strength > previous.strength)) {
      shopper.session.stream()
          .filter(i -> !i.productId().equals(productId))
          .limit(SESSION_PAIRS)
          .forEach(
              item -> {
                Type was = previous == null ? null : Type.weaker(previous, item.level());
                Type is = Type.weaker(type, item.level());
                double weight = is.weight - (was == null ? 0 : was.weight);
                double bought =
                    is == Type.PURCHASE && was != Type.PURCHASE ? Type.PURCHASE.weight : 0;
                if (weight > 0) {
                  pair(pairs, item.productId(), weight, bought);
                }
              });
    }
    if (type == Type.PURCHASE && previous != Type.PURCHASE) {
      double weight = Type.PURCHASE.weight * CROSS_SESSION_FACTOR;
      shopper.purchases.stream()
          .filter(p -> !p.sessionId().equals(sessionId))
          .filter(p -> !p.productId().equals(productId))
          .filter(p -> Duration.between(p.at(), at).abs().compareTo(CO_PURCHASE_HORIZON) <= 0)
          .limit(SESSION_PAIRS)
          .forEach(p -> pair(pairs, p.productId(), weight, weight));
    }
    pairs.forEach(
        (other, score) -> {
          contribute(productId, new Contribution(other, score[0], score[1], at));
          contribute(other, new Contribution(productId, score[0], score[1], at));
        });
  }

  private static void pair(
      Map<String, double[]> pairs, String other, double weight, double bought) {
    double[] score = pairs.computeIfAbsent(other, o -> new double[2]);
    score[0] += weight;
    score[1] += bought;
  }

  private void contribute(String productId, Contribution contribution) {
    contributions.computeIfAbsent(productId, p -> new ArrayList<>()).add(contribution);
  }

  private static void remember(
      Shopper shopper, String sessionId, Type type, String productId, Instant at) {
    boolean sameSession = sessionId.equals(shopper.sessionId);
    if (!sameSession && (shopper.lastActivity == null || !at.isBefore(shopper.lastActivity))) {
      shopper.sessionId = sessionId;
      shopper.session = List.of();
      sameSession = true;
    }
    if (sameSession) {
      List<Item> items = new ArrayList<>();
      Item previous = null;
      for (Item item : shopper.session) {
        if (item.productId().equals(productId)) {
          previous = item;
        } else {
          items.add(item);
        }
      }
      Type level =
          previous == null
              ? (type == Type.REMOVE_FROM_CART ? Type.VIEW : type)
              : (type.strength > previous.level().strength ? type : previous.level());
      Instant lastSeen =
          previous == null || at.isAfter(previous.lastSeen()) ? at : previous.lastSeen();
      items.add(new Item(productId, level, lastSeen));
      items.sort(Comparator.comparing(Item::lastSeen).reversed().thenComparing(Item::productId));
      shopper.session = List.copyOf(items.subList(0, Math.min(SESSION_ITEMS, items.size())));
    }
    if (type == Type.PURCHASE) {
      List<Purchase> purchases = new ArrayList<>();
      Instant latest = at;
      for (Purchase purchase : shopper.purchases) {
        if (purchase.productId().equals(productId)) {
          latest = purchase.at().isAfter(latest) ? purchase.at() : latest;
        } else {
          purchases.add(purchase);
        }
      }
      purchases.add(new Purchase(productId, sessionId, latest));
      purchases.sort(
          Comparator.comparing(Purchase::at).reversed().thenComparing(Purchase::productId));
      shopper.purchases = List.copyOf(purchases.subList(0, Math.min(PURCHASES, purchases.size())));
    }
    if (shopper.lastActivity == null || at.isAfter(shopper.lastActivity)) {
      shopper.lastActivity = at;
    }
  }

  /**
   * Every product that learned something, with all its neighbours (not only the strongest {@link
   * #NEIGHBOURS}), each score summed over its contributions decayed to the product's newest.
   */
  Map<String, Learned> learned() {
    Map<String, Learned> learned = new LinkedHashMap<>();
    contributions.forEach(
        (productId, list) -> {
          Instant asOf = list.stream().map(Contribution::at).max(Instant::compareTo).orElseThrow();
          Map<String, double[]> sums = new LinkedHashMap<>();
          for (Contribution c : list) {
            double factor = decay(c.at(), asOf);
            double[] sum = sums.computeIfAbsent(c.productId(), p -> new double[2]);
            sum[0] += c.weight() * factor;
            sum[1] += c.bought() * factor;
          }
          Map<String, Neighbour> neighbours = new LinkedHashMap<>();
          sums.forEach(
              (other, sum) ->
                  neighbours.put(other, new Neighbour(sum[0], Math.min(sum[0], sum[1]))));
          learned.put(productId, new Learned(asOf, neighbours));
        });
    return learned;
  }

  private static double decay(Instant from, Instant to) {
    long elapsed = Duration.between(from, to).toMillis();
    return elapsed <= 0 ? 1 : Math.pow(0.5, (double) elapsed / HALF_LIFE.toMillis());
  }
}
