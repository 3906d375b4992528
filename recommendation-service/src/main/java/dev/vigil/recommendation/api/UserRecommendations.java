package dev.vigil.recommendation.api;

import dev.vigil.common.shop.Recommendation;
import java.time.Instant;
import java.util.List;

/**
 * A shopper's current recommendations: their latest list, computed after activity {@code eventId}
 * at {@code eventTime}, without products that are no longer available and with today's prices; or,
 * for a shopper without one ({@code coldStart}), the shop's trending products.
 */
record UserRecommendations(
    String userId,
    boolean coldStart,
    String eventId,
    Instant eventTime,
    List<Recommendation> items) {}
