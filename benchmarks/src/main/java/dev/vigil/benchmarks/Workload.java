package dev.vigil.benchmarks;

import dev.vigil.common.iot.Device;
import dev.vigil.common.iot.DeviceType;
import dev.vigil.common.iot.IotTopics;
import dev.vigil.common.iot.Telemetry;
import dev.vigil.common.iot.Threshold;
import dev.vigil.common.vitals.VitalsReading;
import dev.vigil.common.vitals.VitalsTopics;
import dev.vigil.simulator.SampleEvent;
import dev.vigil.simulator.SampleStream;
import dev.vigil.simulator.Samples;
import dev.vigil.simulator.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A service's input as the simulator generates it for a population of a given size. This is the
 * only class that knows the simulator.
 *
 * <p>The generators are asked for {@code keys} accounts, shoppers, patients or devices, so events
 * are as dense in event time as that population makes them: a fleet of 100,000 sensors reports
 * 100,000 times a reporting interval, and a minute of event time holds as many readings as it would
 * in production. (Thinning a demo-sized world's events over copies of its entities instead made
 * every device report once in hours, so that each reading opened a window of its own and each
 * minute of event time rolled the window stores over: a cost no deployment of that size pays.) With
 * a {@code cadence}, sensors and bedside monitors report at that interval instead of their own
 * (seconds): the sparse pace of real fleets and wards, where every reading of a device closes its
 * previous window and moves stream time on by minutes.
 */
final class Workload {

  /** Everyday payments and shop activities per second of event time; the others keep their pace. */
  private static final int EVENTS_PER_SECOND = 1_000;

  /** Patients or devices the latency runs take turns with. */
  private static final int LATENCY_ENTITIES = 200;

  private static final String LATENCY_ZONE = "bench-latency";
  private static final String LATENCY_METRIC = "temperatureC";
  private static final double LATENCY_THRESHOLD = 35.0;

  private final ServiceSpec spec;
  private final SampleStream stream;
  private final Set<String> keysSent = new HashSet<>();
  private final List<String> latencyPatients = new ArrayList<>();
  private long latencyEvents;
  private Instant lastLatencyTime = Instant.EPOCH;

  Workload(ServiceSpec spec, long seed, Instant start, int keys, Duration cadence) {
    this.spec = spec;
    Scenario scenario =
        new Scenario(seed, start, EVENTS_PER_SECOND, keys, null, Duration.ZERO, cadence);
    this.stream =
        switch (spec) {
          case FRAUD -> Samples.payments(scenario);
          case RECOMMENDATION -> Samples.shop(scenario);
          case VITALS -> Samples.vitals(scenario);
          case IOT -> Samples.iot(scenario);
        };
  }

  /**
   * The reference data (accounts, catalogue, admissions, devices), as generated; for IoT also the
   * devices of the latency runs.
   */
  List<ProducerRecord<String, byte[]>> referenceData() {
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    for (SampleEvent<?> e : stream.referenceData()) {
      records.add(new ProducerRecord<>(e.topic().name(), e.key(), e.serializedValue()));
      if (e.topic().name().equals(VitalsTopics.PATIENTS.name())
          && latencyPatients.size() < LATENCY_ENTITIES) {
        latencyPatients.add(e.key());
      }
    }
    if (spec == ServiceSpec.IOT) {
      IntStream.range(0, LATENCY_ENTITIES)
          .mapToObj(Workload::latencyDevice)
          .forEach(
              d ->
                  records.add(
                      new ProducerRecord<>(
                          IotTopics.DEVICES.name(),
                          d.deviceId(),
                          IotTopics.DEVICES.valueSerde().serializer().serialize("", d))));
    }
    return records;
  }

  /** The next event of the service's main input. */
  ProducerRecord<String, byte[]> next() {
    SampleEvent<?> event = stream.next();
    while (!event.topic().name().equals(spec.input().name())) {
      event = stream.next();
    }
    keysSent.add(event.key());
    return new ProducerRecord<>(spec.input().name(), event.key(), event.serializedValue());
  }

  /**
   * The next event of a latency run, due at {@code at}: one that has an output naming it. Payments
   * and shop activities come from the workload, as in the throughput runs. A vitals reading moves
   * one patient's pulse between two NEWS2 bands, so that each reading changes the patient's score
   * (a score is published only when it changes); an IoT reading moves one latency device's
   * temperature across its threshold, which has no duration, so that each reading opens or closes
   * an alert.
   */
  ProducerRecord<String, byte[]> latencyEvent(Instant at) {
    return switch (spec) {
      case FRAUD, RECOMMENDATION -> next();
      case VITALS -> latencyReading(at);
      case IOT -> latencyTelemetry(at);
    };
  }

  /** How many distinct keys the events so far had: how many entities a service has state for. */
  int distinctKeys() {
    return keysSent.size();
  }

  private ProducerRecord<String, byte[]> latencyReading(Instant at) {
    if (latencyPatients.isEmpty()) {
      throw new IllegalStateException("The vitals workload admitted no patients");
    }
    long n = latencyEvents++;
    String patient = latencyPatients.get((int) (n % latencyPatients.size()));
    boolean high = (n / latencyPatients.size()) % 2 == 1;
    VitalsReading reading =
        new VitalsReading(
            "bench-latency-" + n,
            patient,
            "bench-monitor",
            null,
            null,
            null,
            null,
            high ? 135.0 : 72.0,
            null,
            null,
            monotonic(at));
    return new ProducerRecord<>(
        VitalsTopics.READINGS.name(),
        patient,
        VitalsTopics.READINGS.valueSerde().serializer().serialize("", reading));
  }

  private ProducerRecord<String, byte[]> latencyTelemetry(Instant at) {
    long n = latencyEvents++;
    String device = latencyDevice((int) (n % LATENCY_ENTITIES)).deviceId();
    boolean breach = (n / LATENCY_ENTITIES) % 2 == 0;
    Telemetry reading =
        new Telemetry(
            device,
            monotonic(at),
            Map.of(LATENCY_METRIC, breach ? LATENCY_THRESHOLD + 5 : LATENCY_THRESHOLD - 15),
            n / LATENCY_ENTITIES);
    return new ProducerRecord<>(
        IotTopics.TELEMETRY.name(),
        device,
        IotTopics.TELEMETRY.valueSerde().serializer().serialize("", reading));
  }

  /** Event times that never go back, so that no latency reading is older than its predecessor. */
  private Instant monotonic(Instant at) {
    lastLatencyTime = at.isAfter(lastLatencyTime) ? at : lastLatencyTime.plusMillis(1);
    return lastLatencyTime;
  }

  /** Reports rarely enough never to be missed, and breaches its threshold at once. */
  private static Device latencyDevice(int index) {
    return new Device(
        "bench-latency-" + index,
        LATENCY_ZONE,
        DeviceType.WEATHER,
        null,
        3_600,
        Map.of(LATENCY_METRIC, new Threshold(null, LATENCY_THRESHOLD, 0)));
  }
}
