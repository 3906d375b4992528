package dev.vigil.common.vitals;

import static dev.vigil.common.testing.VitalsReadingBuilder.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.vigil.common.event.InvalidEventException;
import dev.vigil.common.testing.VitalsReadingBuilder;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class VitalsReadingTest {

  static Stream<Arguments> impossibleReadings() {
    return Stream.of(
        invalid("pulse 0", b -> b.pulse(0), "pulse must be above 0 and at most 300 /min"),
        invalid(
            "pulse above 300", b -> b.pulse(300.5), "pulse must be above 0 and at most 300 /min"),
        invalid("negative pulse", b -> b.pulse(-1), "pulse must be above 0 and at most 300 /min"),
        invalid("SpO2 above 100", b -> b.spo2(101), "spo2 must be above 0 and at most 100 %"),
        invalid("SpO2 0", b -> b.spo2(0), "spo2 must be above 0 and at most 100 %"),
        invalid(
            "temperature below 25",
            b -> b.temperature(24.9),
            "temperature must be between 25 and 45 °C"),
        invalid(
            "temperature above 45",
            b -> b.temperature(45.1),
            "temperature must be between 25 and 45 °C"),
        invalid(
            "negative respiration rate",
            b -> b.respirationRate(-1),
            "respirationRate must be between 0 and 100 /min"),
        invalid(
            "respiration rate above 100",
            b -> b.respirationRate(101),
            "respirationRate must be between 0 and 100 /min"),
        invalid(
            "systolic 0",
            b -> b.systolicBloodPressure(0),
            "systolicBloodPressure must be above 0 and at most 300 mmHg"),
        invalid(
            "systolic above 300",
            b -> b.systolicBloodPressure(301),
            "systolicBloodPressure must be above 0 and at most 300 mmHg"),
        invalid(
            "infinite pulse",
            b -> b.pulse(Double.POSITIVE_INFINITY),
            "pulse must be a finite number"),
        invalid(
            "no parameter",
            b ->
                b.normal()
                    .pulse(null)
                    .respirationRate(null)
                    .spo2(null)
                    .supplementalOxygen(null)
                    .systolicBloodPressure(null)
                    .consciousness(null)
                    .temperature(null),
            "a reading must carry at least one vital sign"),
        invalid("blank patientId", b -> b.patientId(" "), "patientId must not be blank"),
        invalid("missing deviceId", b -> b.deviceId(null), "deviceId is required"),
        invalid("missing readingId", b -> b.readingId(null), "readingId is required"),
        invalid("missing eventTime", b -> b.at(null), "eventTime is required"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("impossibleReadings")
  void shouldRejectAnImpossibleReading(UnaryOperator<VitalsReadingBuilder> change, String message) {
    VitalsReadingBuilder reading = change.apply(reading().pulse(72));

    assertThatThrownBy(reading::build)
        .isInstanceOf(InvalidEventException.class)
        .hasMessage(message);
  }

  static Stream<Arguments> extremeButPossibleReadings() {
    return Stream.of(
        valid("pulse just above 0", b -> b.pulse(0.1)),
        valid("pulse 300", b -> b.pulse(300)),
        valid("SpO2 100", b -> b.spo2(100)),
        valid("temperature 25", b -> b.temperature(25)),
        valid("temperature 45", b -> b.temperature(45)),
        valid("apnoea", b -> b.respirationRate(0)),
        valid("respiration rate 100", b -> b.respirationRate(100)),
        valid("systolic 300", b -> b.systolicBloodPressure(300)),
        valid("oxygen alone", b -> b.pulse(null).supplementalOxygen(true)),
        valid("consciousness alone", b -> b.pulse(null).consciousness(Consciousness.PAIN)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("extremeButPossibleReadings")
  void shouldAcceptAnExtremeButPossibleReading(UnaryOperator<VitalsReadingBuilder> change) {
    assertThat(change.apply(reading().pulse(72)).build()).isNotNull();
  }

  @Test
  void shouldListTheParametersItCarries() {
    VitalsReading reading = reading().pulse(80).spo2(95).build();

    assertThat(reading.signs()).containsExactly(VitalSign.SPO2, VitalSign.PULSE);
  }

  @Test
  void shouldRejectAnImpossibleValueWhenParsedSoItBecomesAValidationDeadLetter() {
    byte[] json =
        ("{\"readingId\":\"r-1\",\"patientId\":\"p-1\",\"deviceId\":\"d-1\",\"pulse\":0,"
                + "\"eventTime\":\"2026-03-02T09:00:00Z\"}")
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(
            () -> VitalsTopics.READINGS.valueSerde().deserializer().deserialize("t", json))
        .isInstanceOf(SerializationException.class)
        .hasRootCauseInstanceOf(InvalidEventException.class);
  }

  private static Arguments invalid(
      String rule, UnaryOperator<VitalsReadingBuilder> change, String message) {
    return arguments(named(rule, change), message);
  }

  private static Arguments valid(String boundary, UnaryOperator<VitalsReadingBuilder> change) {
    return arguments(named(boundary, change));
  }
}
