package dev.vigil.iot.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vigil.common.iot.LateRecord;
import dev.vigil.common.iot.MetricAggregate;
import dev.vigil.common.iot.Telemetry;
import dev.vigil.iot.IotMetrics;
import dev.vigil.iot.IotTopology;
import dev.vigil.iot.IotTopologyTestBase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** One-minute tumbling windows per device and metric, with a 30 s grace period, final only. */
class DeviceMinuteWindowTest extends IotTopologyTestBase {

  private static final Instant END_OF_FIRST_MINUTE = ONE_MINUTE_LATER;
  private static final Instant FIRST_MINUTE_CLOSES = END_OF_FIRST_MINUTE.plusSeconds(30);

  @Test
  void shouldEmitNothingBeforeTheWindowCloses() {
    send(
        reading("d1", BEGINNING, "temperatureC", 20.0),
        reading("d1", BEGINNING.plusSeconds(30), "temperatureC", 21.0),
        reading("d1", FIRST_MINUTE_CLOSES.minusMillis(1), "temperatureC", 22.0));

    assertThat(aggregates.isEmpty()).isTrue();
  }

  @Test
  void shouldEmitEachMinuteOnceWhenStreamTimePassesItsEndPlusGrace() {
    send(
        reading("d1", BEGINNING, "temperatureC", 20.0),
        reading("d1", BEGINNING.plusSeconds(30), "temperatureC", 22.0),
        reading("d1", FIRST_MINUTE_CLOSES, "temperatureC", 23.0));

    assertThat(aggregates.readValuesToList())
        .singleElement()
        .satisfies(a -> assertThat(a.windowStart()).isEqualTo(BEGINNING))
        .satisfies(a -> assertThat(a.windowEnd()).isEqualTo(END_OF_FIRST_MINUTE))
        .satisfies(a -> assertThat(a.count()).isEqualTo(2))
        .satisfies(a -> assertThat(a.mean()).isEqualTo(21.0));

    send(reading("d1", TWO_MINUTES_LATER.plusSeconds(30), "temperatureC", 24.0));

    assertThat(aggregates.readValuesToList())
        .extracting(MetricAggregate::windowStart)
        .containsExactly(ONE_MINUTE_LATER);
  }

  @Test
  void shouldPutAReadingAtTheEndOfAMinuteIntoTheNextMinute() {
    send(
        reading("d1", END_OF_FIRST_MINUTE.minusMillis(1), "temperatureC", 20.0),
        reading("d1", END_OF_FIRST_MINUTE, "temperatureC", 30.0),
        reading("d1", TWO_MINUTES_LATER.plusSeconds(30), "temperatureC", 25.0));

    assertThat(aggregates.readValuesToList())
        .extracting(MetricAggregate::windowStart, MetricAggregate::mean)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(BEGINNING, 20.0),
            org.assertj.core.groups.Tuple.tuple(ONE_MINUTE_LATER, 30.0));
  }

  @Test
  void shouldCountAReadingThatArrivesOutOfOrderWithinTheGracePeriod() {
    send(
        reading("d1", BEGINNING.plusSeconds(10), "temperatureC", 20.0),
        reading("d1", END_OF_FIRST_MINUTE.plusSeconds(10), "temperatureC", 25.0),
        reading("d1", BEGINNING.plusSeconds(50), "temperatureC", 22.0),
        reading("d1", FIRST_MINUTE_CLOSES, "temperatureC", 26.0));

    assertThat(aggregates.readValuesToList())
        .singleElement()
        .satisfies(a -> assertThat(a.count()).isEqualTo(2))
        .satisfies(a -> assertThat(a.max()).isEqualTo(22.0));
    assertThat(late.isEmpty()).isTrue();
  }

  @Test
  void shouldCountAReadingThatArrivesAtTheLastMomentOfTheGracePeriod() {
    send(
        reading("d1", BEGINNING, "temperatureC", 20.0),
        reading("d1", FIRST_MINUTE_CLOSES.minusMillis(1), "temperatureC", 25.0),
        reading("d1", END_OF_FIRST_MINUTE.minusMillis(1), "temperatureC", 22.0),
        reading("d1", FIRST_MINUTE_CLOSES, "temperatureC", 26.0));

    assertThat(aggregates.readValuesToList())
        .singleElement()
        .satisfies(a -> assertThat(a.count()).isEqualTo(2));
  }

  @Test
  void shouldSendAReadingLaterThanTheGracePeriodToLateWithTheReason() {
    send(
        reading("d1", BEGINNING, "temperatureC", 20.0),
        reading("d1", FIRST_MINUTE_CLOSES, "temperatureC", 25.0),
        reading("d1", END_OF_FIRST_MINUTE.minusMillis(1), "temperatureC", 99.0));

    LateRecord record = late.readValue();
    assertThat(record.deviceId()).isEqualTo("d1");
    assertThat(record.window()).isEqualTo(IotTopology.DEVICE_MINUTE);
    assertThat(record.windowStart()).isEqualTo(BEGINNING);
    assertThat(record.windowEnd()).isEqualTo(END_OF_FIRST_MINUTE);
    assertThat(record.streamTime()).isEqualTo(FIRST_MINUTE_CLOSES);
    assertThat(record.graceSeconds()).isEqualTo(30);
    assertThat(record.metrics()).containsEntry("temperatureC", 99.0);
    assertThat(record.reason())
        .isEqualTo(
            "its device-minute window [2026-03-02T09:00:00Z, 2026-03-02T09:01:00Z) closed when"
                + " stream time passed 2026-03-02T09:01:30Z (end plus 30 s grace); stream time is"
                + " 2026-03-02T09:01:30Z");
    assertThat(aggregates.readValuesToList())
        .singleElement()
        .satisfies(a -> assertThat(a.max()).isEqualTo(20.0));
  }

  @Test
  void shouldCountLateReadingsInAMetric() {
    send(
        reading("d1", FIRST_MINUTE_CLOSES, "temperatureC", 25.0),
        reading("d1", BEGINNING, "temperatureC", 20.0),
        reading("d2", BEGINNING.plusSeconds(5), "temperatureC", 20.0));

    assertThat(
            registry
                .get(IotMetrics.LATE)
                .tag("window", IotTopology.DEVICE_MINUTE)
                .counter()
                .count())
        .isEqualTo(2);
  }

  @Test
  void shouldEmitOneAggregatePerMetric() {
    send(
        reading("d1", BEGINNING, "temperatureC", 20.0, "humidityPct", 50.0),
        reading("d1", FIRST_MINUTE_CLOSES, "temperatureC", 21.0));

    assertThat(aggregates.readValuesToList())
        .extracting(MetricAggregate::metric)
        .containsExactlyInAnyOrder("temperatureC", "humidityPct");
  }

  @Test
  void shouldEqualStatisticsRecomputedFromTheInput() {
    Random random = new Random(42);
    List<Telemetry> input = new ArrayList<>();
    for (int second = 0; second < 150; second += 5) {
      for (String device : List.of("d1", "d2")) {
        Instant at = BEGINNING.plusSeconds(second).plusMillis(random.nextInt(5000));
        input.add(
            reading(
                device,
                at,
                "temperatureC",
                Math.round((15 + random.nextGaussian() * 4) * 10) / 10.0,
                "humidityPct",
                Math.round((60 + random.nextGaussian() * 10) * 10) / 10.0));
      }
    }
    // Shuffled within a few seconds, well inside the grace period.
    for (int i = 0; i + 1 < input.size(); i += 2) {
      if (random.nextBoolean()) {
        input.set(i, input.set(i + 1, input.get(i)));
      }
    }
    input.forEach(this::send);
    send(reading("d1", BEGINNING.plus(Duration.ofMinutes(4)), "temperatureC", 15.0));

    Map<String, List<Double>> expected = new TreeMap<>();
    for (Telemetry t : input) {
      Instant minute =
          BEGINNING.plusSeconds(Duration.between(BEGINNING, t.eventTime()).toMinutes() * 60);
      t.metrics()
          .forEach(
              (metric, value) ->
                  expected
                      .computeIfAbsent(
                          t.deviceId() + "/" + metric + "/" + minute, k -> new ArrayList<>())
                      .add(value));
    }
    List<MetricAggregate> actual = aggregates.readValuesToList();
    assertThat(actual).hasSize(expected.size());
    for (MetricAggregate a : actual) {
      List<Double> values = expected.get(a.deviceId() + "/" + a.metric() + "/" + a.windowStart());
      double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      double variance =
          values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / values.size();
      assertThat(a.count()).isEqualTo(values.size());
      assertThat(a.min())
          .isEqualTo(values.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
      assertThat(a.max())
          .isEqualTo(values.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
      assertThat(a.mean()).isCloseTo(mean, within(1e-9));
      assertThat(a.stdDev()).isCloseTo(Math.sqrt(variance), within(1e-9));
    }
  }
}
