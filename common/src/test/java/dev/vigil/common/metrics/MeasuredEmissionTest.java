package dev.vigil.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.testing.TestDrivers;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MeasuredEmissionTest {

  private static final Instant NINE_AM = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant TWO_SECONDS_LATER = NINE_AM.plusSeconds(2);
  private static final String OUTPUT = "alerts";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final VigilMetrics metrics = new VigilMetrics(registry);
  private TopologyTestDriver driver;
  private TestInputTopic<String, String> input;
  private TestOutputTopic<String, String> output;

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void shouldRecordLatencyFromRecordTimeToWallClock() {
    start(MeasuredEmission.of(metrics, OUTPUT), TWO_SECONDS_LATER);

    input.pipeInput("k", "velocity", NINE_AM);

    assertThat(latency().count()).isEqualTo(1);
    assertThat(latency().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(2_000);
  }

  @Test
  void shouldMeasureEachRecordAgainstTheWallClockWhenItIsEmitted() {
    start(MeasuredEmission.of(metrics, OUTPUT), TWO_SECONDS_LATER);
    input.pipeInput("k", "velocity", NINE_AM);

    driver.advanceWallClockTime(Duration.ofSeconds(3));
    input.pipeInput("k", "velocity", NINE_AM);

    assertThat(latency().count()).isEqualTo(2);
    assertThat(latency().max(TimeUnit.MILLISECONDS)).isEqualTo(5_000);
  }

  @Test
  void shouldPassRecordsThroughUnchanged() {
    start(MeasuredEmission.of(metrics, OUTPUT), TWO_SECONDS_LATER);

    input.pipeInput("k", "velocity", NINE_AM);

    assertThat(output.readRecordsToList())
        .containsExactly(new TestRecord<>("k", "velocity", NINE_AM));
  }

  @Test
  void shouldCountAlertsByTheTypeTheyName() {
    start(MeasuredEmission.alerts(metrics, OUTPUT, value -> value), TWO_SECONDS_LATER);

    input.pipeInput("k1", "velocity", NINE_AM);
    input.pipeInput("k2", "velocity", NINE_AM);
    input.pipeInput("k3", "blocklist", NINE_AM);

    assertThat(alerts("velocity")).isEqualTo(2);
    assertThat(alerts("blocklist")).isEqualTo(1);
  }

  @Test
  void shouldCountNoAlertsWhenOnlyMeasuringLatency() {
    start(MeasuredEmission.of(metrics, OUTPUT), TWO_SECONDS_LATER);

    input.pipeInput("k", "velocity", NINE_AM);

    assertThat(registry.find(VigilMetrics.ALERTS).counters()).isEmpty();
  }

  private void start(
      FixedKeyProcessorSupplier<String, String, String> measured, Instant wallClock) {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()).withName("in-source"))
        .processValues(measured, Named.as("measure"))
        .to(OUTPUT, Produced.with(Serdes.String(), Serdes.String()).withName("out-sink"));
    driver = TestDrivers.create(builder.build(), wallClock);
    input =
        driver.createInputTopic("in", Serdes.String().serializer(), Serdes.String().serializer());
    output =
        driver.createOutputTopic(
            OUTPUT, Serdes.String().deserializer(), Serdes.String().deserializer());
  }

  private Timer latency() {
    return registry.get(VigilMetrics.LATENCY).tag("output", OUTPUT).timer();
  }

  private double alerts(String type) {
    return registry.get(VigilMetrics.ALERTS).tag("type", type).counter().count();
  }
}
