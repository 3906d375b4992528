package dev.vigil.chaos;

import dev.vigil.simulator.SampleEvent;
import dev.vigil.simulator.SampleStream;
import dev.vigil.simulator.Samples;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The only class that knows the simulator: it turns the simulator's seeded sample streams into
 * {@link Workload}s of serialized records, so that everything else here sees bytes, as a broker
 * does.
 */
final class Workloads {

  /**
   * Reference data is stamped this long before the first event: Kafka Streams processes records in
   * timestamp order across a task's partitions, so a table row stamped after the events would be
   * joined too late.
   */
  private static final Duration REFERENCE_LEAD = Duration.ofMinutes(1);

  private Workloads() {}

  static Workload payments(long seed, Instant start, int eventsPerSecond) {
    return adapt(Samples.payments(seed, start, eventsPerSecond), start);
  }

  static Workload vitals(long seed, Instant start, int eventsPerSecond) {
    return adapt(Samples.vitals(seed, start, eventsPerSecond), start);
  }

  /** The catalogue as reference data, then shop activity and the products' stock changes. */
  static Workload shop(long seed, Instant start, int eventsPerSecond) {
    return adapt(Samples.shop(seed, start, eventsPerSecond), start);
  }

  static Workload iot(long seed, Instant start, int eventsPerSecond) {
    return adapt(Samples.iot(seed, start, eventsPerSecond), start);
  }

  private static Workload adapt(SampleStream stream, Instant start) {
    Instant referenceTime = start.minus(REFERENCE_LEAD);
    return new Workload() {
      @Override
      public List<InputRecord> referenceData() {
        return stream.referenceData().stream().map(e -> record(e, referenceTime)).toList();
      }

      @Override
      public InputRecord next() {
        SampleEvent<?> event = stream.next();
        return record(event, event.eventTime() == null ? referenceTime : event.eventTime());
      }
    };
  }

  private static InputRecord record(SampleEvent<?> event, Instant timestamp) {
    return new InputRecord(event.topic().name(), event.key(), event.serializedValue(), timestamp);
  }
}
