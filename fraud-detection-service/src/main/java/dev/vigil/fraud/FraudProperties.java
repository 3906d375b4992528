package dev.vigil.fraud;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Fraud scoring settings ({@code vigil.fraud.*}). Rule parameters set here replace the rules'
 * built-in defaults; settings on {@code fraud.rules} replace both at runtime.
 *
 * @param reviewScore risk score from which a payment goes to manual review
 * @param declineScore risk score from which a payment is declined
 * @param historyRetention how far back in event time, from the newest payment of the account's
 *     partition (its stream time), a card's payments are kept; also how late a payment may arrive
 *     and still be scored against its neighbours in time
 * @param maxCardHistory most of a card's newest payments a payment is scored against
 * @param profileTtl how long an account's spending statistics survive without payments
 * @param recentAlerts alerts kept per account for the risk API
 * @param alertTtl how long an account's alerts are kept for the risk API
 * @param expiryInterval how often (in stream time) expired state is swept
 * @param rules per rule id, parameters and {@code enabled}
 */
@ConfigurationProperties("vigil.fraud")
public record FraudProperties(
    @DefaultValue("40") int reviewScore,
    @DefaultValue("80") int declineScore,
    @DefaultValue("24h") Duration historyRetention,
    @DefaultValue("100") int maxCardHistory,
    @DefaultValue("90d") Duration profileTtl,
    @DefaultValue("20") int recentAlerts,
    @DefaultValue("30d") Duration alertTtl,
    @DefaultValue("5m") Duration expiryInterval,
    Map<String, Map<String, Object>> rules) {

  public FraudProperties {
    rules = rules == null ? Map.of() : Map.copyOf(rules);
  }

  /** The built-in defaults, as a configuration without any {@code vigil.fraud} entries gets. */
  public static FraudProperties defaults() {
    return new FraudProperties(
        40,
        80,
        Duration.ofHours(24),
        100,
        Duration.ofDays(90),
        20,
        Duration.ofDays(30),
        Duration.ofMinutes(5),
        Map.of());
  }
}
