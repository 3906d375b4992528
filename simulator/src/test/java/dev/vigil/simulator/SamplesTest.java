package dev.vigil.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.iot.IotTopics;
import dev.vigil.common.vitals.VitalsTopics;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SamplesTest {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  @Test
  void shouldPublishAccountsAndRulesBeforePayments() {
    SampleStream payments = Samples.payments(42, START, 25);

    assertThat(payments.referenceData())
        .extracting(e -> e.topic().name())
        .containsOnly(FraudTopics.ACCOUNTS.name(), FraudTopics.RULES.name());
    assertThat(payments.next().topic()).isEqualTo(FraudTopics.TRANSACTIONS);
  }

  @Test
  void shouldKeyPaymentsByCard() {
    SampleEvent<?> event = Samples.payments(42, START, 25).next();

    assertThat(event.value()).hasFieldOrPropertyWithValue("cardId", event.key());
  }

  @Test
  void shouldPublishPatientsBeforeReadingsKeyedByPatient() {
    SampleStream vitals = Samples.vitals(42, START, 25);

    assertThat(vitals.referenceData())
        .extracting(e -> e.topic().name())
        .containsOnly(VitalsTopics.PATIENTS.name());
    SampleEvent<?> reading = vitals.next();
    assertThat(reading.topic()).isEqualTo(VitalsTopics.READINGS);
    assertThat(reading.value()).hasFieldOrPropertyWithValue("patientId", reading.key());
  }

  @Test
  void shouldPublishDevicesBeforeReadingsKeyedByDevice() {
    SampleStream iot = Samples.iot(42, START, 25);

    assertThat(iot.referenceData())
        .extracting(e -> e.topic().name())
        .containsOnly(IotTopics.DEVICES.name());
    SampleEvent<?> reading = iot.next();
    assertThat(reading.topic()).isEqualTo(IotTopics.TELEMETRY);
    assertThat(reading.value()).hasFieldOrPropertyWithValue("deviceId", reading.key());
  }

  @Test
  void shouldNeverGoBackInTime() {
    for (SampleStream stream :
        List.of(Samples.payments(7, START, 25), Samples.vitals(7, START, 25))) {
      List<Instant> times =
          IntStream.range(0, 500).mapToObj(i -> stream.next().eventTime()).toList();

      assertThat(times).isSorted();
    }
  }
}
