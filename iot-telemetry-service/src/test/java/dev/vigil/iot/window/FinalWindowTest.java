package dev.vigil.iot.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.iot.LateRecord;
import dev.vigil.common.iot.MetricAggregate;
import dev.vigil.common.iot.ZoneStats;
import dev.vigil.iot.IotTopology;
import dev.vigil.iot.IotTopologyTestBase;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the final-only windows do that the DSL's would not: emit what a jump of stream time closes,
 * and refuse after a restart what they refused before it.
 */
class FinalWindowTest extends IotTopologyTestBase {

  private static final Instant END_OF_FIRST_MINUTE = ONE_MINUTE_LATER;
  private static final Instant FIRST_MINUTE_CLOSES = END_OF_FIRST_MINUTE.plusSeconds(30);
  private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  @Test
  void shouldEmitTheMinuteThatAReadingMinutesLaterCloses() {
    send(
        reading("d1", BEGINNING.plusSeconds(10), "temperatureC", 20.0),
        reading("d1", TEN_MINUTES_LATER, "temperatureC", 21.0));

    assertThat(aggregates.readValuesToList())
        .singleElement()
        .satisfies(a -> assertThat(a.windowStart()).isEqualTo(BEGINNING))
        .satisfies(a -> assertThat(a.mean()).isEqualTo(20.0));
  }

  @Test
  void shouldEmitEveryWindowOfADeviceReportingEveryFiveMinutes() {
    register(station("s1"));
    List<Instant> minutes = new ArrayList<>();
    for (Instant at = BEGINNING;
        !at.isAfter(BEGINNING.plus(Duration.ofHours(1)));
        at = at.plus(FIVE_MINUTES)) {
      send(reading("s1", at, "temperatureC", 20.0));
      minutes.add(at);
    }

    assertThat(aggregates.readValuesToList())
        .extracting(MetricAggregate::windowStart)
        .containsExactlyElementsOf(minutes.subList(0, minutes.size() - 1));
    assertThat(zoneStats.readValuesToList())
        .extracting(ZoneStats::windowStart)
        .containsExactlyElementsOf(minutes.subList(0, minutes.size() - 3));
  }

  @Test
  void shouldSendAReadingLaterThanTheGracePeriodToLateAfterARestartOnTheSameState()
      throws IOException {
    send(
        reading("d1", BEGINNING, "temperatureC", 20.0),
        reading("d1", FIRST_MINUTE_CLOSES, "temperatureC", 25.0));
    assertThat(aggregates.readValuesToList()).hasSize(1);

    restartOnTheSameState();
    send(reading("d1", END_OF_FIRST_MINUTE.minusMillis(1), "temperatureC", 99.0));

    LateRecord record = late.readValue();
    assertThat(record.window()).isEqualTo(IotTopology.DEVICE_MINUTE);
    assertThat(record.windowStart()).isEqualTo(BEGINNING);
    assertThat(record.streamTime()).isEqualTo(FIRST_MINUTE_CLOSES);
    send(reading("d1", TWO_MINUTES_LATER.plusSeconds(30), "temperatureC", 25.0));
    assertThat(aggregates.readValuesToList())
        .extracting(MetricAggregate::windowStart)
        .containsExactly(ONE_MINUTE_LATER);
  }

  @Test
  void shouldCountReadingsOfOneMinuteOnBothSidesOfARestart() throws IOException {
    send(reading("d1", BEGINNING, "temperatureC", 20.0));
    restartOnTheSameState();
    send(
        reading("d1", BEGINNING.plusSeconds(30), "temperatureC", 22.0),
        reading("d1", FIRST_MINUTE_CLOSES, "temperatureC", 25.0));

    assertThat(aggregates.readValuesToList())
        .singleElement()
        .satisfies(a -> assertThat(a.count()).isEqualTo(2))
        .satisfies(a -> assertThat(a.mean()).isEqualTo(21.0));
  }
}
