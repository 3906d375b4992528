package dev.vigil.benchmarks;

import dev.vigil.simulator.SampleEvent;
import dev.vigil.simulator.SampleStream;
import dev.vigil.simulator.Samples;
import dev.vigil.simulator.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * minute of event time rolled the window stores over: a cost no deployment of that size pays.)
 */
final class Workload {

  /** Everyday payments and shop activities per second of event time; the others keep their pace. */
  private static final int EVENTS_PER_SECOND = 1_000;

  private final ServiceSpec spec;
  private final SampleStream stream;
  private final Set<String> keysSent = new HashSet<>();

  Workload(ServiceSpec spec, long seed, Instant start, int keys) {
    this.spec = spec;
    Scenario scenario = new Scenario(seed, start, EVENTS_PER_SECOND, keys, null, Duration.ZERO);
    this.stream =
        switch (spec) {
          case FRAUD -> Samples.payments(scenario);
          case RECOMMENDATION -> Samples.shop(scenario);
          case VITALS -> Samples.vitals(scenario);
          case IOT -> Samples.iot(scenario);
        };
  }

  /** The reference data (accounts, catalogue, admissions, devices), as generated. */
  List<ProducerRecord<String, byte[]>> referenceData() {
    return stream.referenceData().stream()
        .map(e -> new ProducerRecord<>(e.topic().name(), e.key(), e.serializedValue()))
        .toList();
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

  /** How many distinct keys the events so far had: how many entities a service has state for. */
  int distinctKeys() {
    return keysSent.size();
  }
}
