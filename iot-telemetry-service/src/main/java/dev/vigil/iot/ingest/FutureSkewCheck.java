package dev.vigil.iot.ingest;

import dev.vigil.common.event.InvalidEventException;
import dev.vigil.common.iot.IotTopics;
import dev.vigil.common.iot.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Reads telemetry as {@link IotTopics#TELEMETRY} does, and rejects a reading stamped further ahead
 * of the service's clock than the allowed skew.
 *
 * <p>The check belongs here, in the deserializer, and not in a processor: the record time comes
 * from the payload, and once a record is read Kafka Streams advances stream time with it before any
 * processor sees it. A device whose clock says next year would close every open window and make all
 * honest readings late. Rejected here, the reading never gets a record time, and the rejection is a
 * {@code validation} dead letter like every other broken field. A replay after a crash only ever
 * sees a later clock, so it accepts everything the first run accepted.
 */
public final class FutureSkewCheck implements Deserializer<Telemetry> {

  private final Deserializer<Telemetry> json = IotTopics.TELEMETRY.valueSerde().deserializer();
  private final Clock clock;
  private final Duration maxSkew;

  private FutureSkewCheck(Clock clock, Duration maxSkew) {
    this.clock = clock;
    this.maxSkew = maxSkew;
  }

  /** The telemetry serde with the check on reading. */
  public static Serde<Telemetry> serde(Clock clock, Duration maxSkew) {
    return Serdes.serdeFrom(
        IotTopics.TELEMETRY.valueSerde().serializer(), new FutureSkewCheck(clock, maxSkew));
  }

  @Override
  public Telemetry deserialize(String topic, byte[] data) {
    return checked(json.deserialize(topic, data));
  }

  @Override
  public Telemetry deserialize(String topic, Headers headers, byte[] data) {
    return checked(json.deserialize(topic, headers, data));
  }

  private Telemetry checked(Telemetry reading) {
    if (reading == null) {
      return null;
    }
    Instant now = clock.instant();
    if (reading.eventTime().isAfter(now.plus(maxSkew))) {
      throw new InvalidEventException(
          "eventTime "
              + reading.eventTime()
              + " is more than "
              + maxSkew.toSeconds()
              + " s ahead of the service's clock ("
              + now
              + ")");
    }
    return reading;
  }
}
