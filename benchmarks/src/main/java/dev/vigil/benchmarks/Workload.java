package dev.vigil.benchmarks;

import dev.vigil.simulator.SampleEvent;
import dev.vigil.simulator.SampleStream;
import dev.vigil.simulator.Samples;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A service's input as the simulator generates it, spread over a given number of distinct entities.
 * This is the only class that knows the simulator.
 *
 * <p>The generators model a demo-sized world (a few hundred cards, a dozen patients), so each of
 * their entities is split into copies: event {@code i} of entity {@code e} goes to {@code e-(i mod
 * copies)}, in the key and in every value field that names the entity. Each copy sees a thinned but
 * time-ordered slice of its entity's events, and the service holds state for {@code keys} distinct
 * entities, as a large deployment would.
 */
final class Workload {

  /** Enough events to see every entity of a generator's world. */
  private static final int PROBE_EVENTS = 20_000;

  /** Payments per second of event time; the other generators keep their own pace. */
  private static final int EVENTS_PER_SECOND = 1_000;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ServiceSpec spec;
  private final SampleStream stream;
  private final int copies;
  private long sequence;

  Workload(ServiceSpec spec, long seed, Instant start, int keys) {
    this.spec = spec;
    this.stream = start(spec, seed, start);
    int entities = countEntities(start(spec, seed, start), spec);
    this.copies = Math.max(1, (int) Math.ceil(keys / (double) entities));
  }

  private static SampleStream start(ServiceSpec spec, long seed, Instant start) {
    return switch (spec) {
      case FRAUD -> Samples.payments(seed, start, EVENTS_PER_SECOND);
      case RECOMMENDATION -> Samples.shop(seed, start, EVENTS_PER_SECOND);
      case VITALS -> Samples.vitals(seed, start, EVENTS_PER_SECOND);
      case IOT -> Samples.iot(seed, start, EVENTS_PER_SECOND);
    };
  }

  private static int countEntities(SampleStream probe, ServiceSpec spec) {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < PROBE_EVENTS; i++) {
      SampleEvent<?> event = probe.next();
      if (event.topic().name().equals(spec.input().name())) {
        keys.add(event.key());
      }
    }
    return Math.max(1, keys.size());
  }

  /** The reference data (accounts, catalogue, admissions, devices), as generated. */
  List<ProducerRecord<String, byte[]>> referenceData() {
    return stream.referenceData().stream()
        .map(e -> new ProducerRecord<>(e.topic().name(), e.key(), e.serializedValue()))
        .toList();
  }

  /** The next event of the service's main input, its entity moved to one of its copies. */
  ProducerRecord<String, byte[]> next() {
    SampleEvent<?> event = stream.next();
    while (!event.topic().name().equals(spec.input().name())) {
      event = stream.next();
    }
    String suffix = "-" + (sequence++ % copies);
    ObjectNode value = (ObjectNode) JSON.readTree(event.serializedValue());
    for (String field : spec.entityFields()) {
      JsonNode entity = value.get(field);
      if (entity != null && entity.isString()) {
        value.put(field, entity.asString() + suffix);
      }
    }
    return new ProducerRecord<>(
        spec.input().name(), event.key() + suffix, JSON.writeValueAsBytes(value));
  }
}
