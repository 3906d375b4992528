package dev.vigil.cli.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class LagTest {

  private static final TopicPartition PAYMENTS_0 = new TopicPartition("payments.transactions", 0);
  private static final TopicPartition PAYMENTS_1 = new TopicPartition("payments.transactions", 1);
  private static final TopicPartition RULES_0 = new TopicPartition("fraud.rules", 0);

  @Test
  void shouldAddUpWhatIsBehindPerTopic() {
    Lag lag =
        Lag.of(
            Map.of(PAYMENTS_0, 90L, PAYMENTS_1, 100L, RULES_0, 3L),
            Map.of(PAYMENTS_0, 100L, PAYMENTS_1, 102L, RULES_0, 3L));

    assertThat(lag.total()).isEqualTo(12);
    assertThat(lag.describe()).isEqualTo("12 (payments.transactions 12)");
  }

  @Test
  void shouldSayZeroWhenCaughtUp() {
    assertThat(Lag.of(Map.of(PAYMENTS_0, 5L), Map.of(PAYMENTS_0, 5L)).describe()).isEqualTo("0");
  }

  @Test
  void shouldNotGoNegativeWhenTheEndIsStale() {
    assertThat(Lag.of(Map.of(PAYMENTS_0, 7L), Map.of(PAYMENTS_0, 5L)).total()).isZero();
  }

  @Test
  void shouldSaySoWhenNothingWasCommitted() {
    assertThat(Lag.of(Map.of(), Map.of()).describe()).isEqualTo("no committed offsets yet");
  }
}
