package dev.vigil.common.streams;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.config.KafkaStreamsCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Under exactly-once, deletes the local state an instance left behind without closing Kafka Streams
 * (a crash, a SIGKILL) before Kafka Streams starts on it, so that it is restored from the
 * changelogs' committed records alone.
 *
 * <p>Local RocksDB state may hold writes of the transaction a crash aborted: RocksDB runs without
 * its write-ahead log, and its background flushes persist whatever the stream thread wrote, open
 * transaction or not. Restoring the changelogs' committed tail over it does not undo a write to a
 * key the tail never touches, such as a window the aborted transaction opened, and the crashed
 * records are then processed once more on top of it: a reading counted twice. Kafka Streams means
 * to wipe such state itself, recognising it by a missing checkpoint file, but in 4.1 its state
 * updater writes a checkpoint whenever a task finishes restoring, even the empty restore of a first
 * start, and leaves it there while the task runs, so no crash is noticed (KAFKA-20685, fixed in
 * Kafka 4.2.2, which Spring Boot 4.0 does not bring). Hence a marker of this class's own, next to
 * the application's state directory, from each start until Kafka Streams has closed cleanly. A
 * clean stop keeps the local state and its checkpoint.
 */
final class CrashedStateWipe implements KafkaStreamsCustomizer, StreamsBuilderFactoryBean.Listener {

  private static final Logger log = LoggerFactory.getLogger(CrashedStateWipe.class);

  private final Path marker;

  private CrashedStateWipe(Path marker) {
    this.marker = marker;
  }

  /** Registers the wipe with the factory if it runs Kafka Streams under exactly-once. */
  static void register(StreamsBuilderFactoryBean factory) {
    of(new StreamsConfig(factory.getStreamsConfiguration()))
        .ifPresent(
            wipe -> {
              factory.setKafkaStreamsCustomizer(wipe);
              factory.addListener(wipe);
            });
  }

  /** The wipe for Kafka Streams with this configuration; none under at-least-once. */
  static Optional<CrashedStateWipe> of(StreamsConfig config) {
    // At-least-once reprocesses after a crash by design, and its state may be kept.
    if (!StreamsConfig.EXACTLY_ONCE_V2.equals(
        config.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))) {
      return Optional.empty();
    }
    return Optional.of(
        new CrashedStateWipe(
            Path.of(config.getString(StreamsConfig.STATE_DIR_CONFIG))
                .resolve(config.getString(StreamsConfig.APPLICATION_ID_CONFIG) + ".open")));
  }

  /** Runs before Kafka Streams starts, and before it reads any local state. */
  @Override
  public void customize(KafkaStreams streams) {
    try {
      if (Files.exists(marker)) {
        log.warn(
            "Kafka Streams was not closed cleanly on this state directory; deleting its local"
                + " state, to restore it from the changelog topics (Kafka Streams keeps the"
                + " directory itself, which holds this instance's process id, and warns that it"
                + " is not empty)");
        streams.cleanUp();
      } else {
        Files.createDirectories(marker.getParent());
        Files.createFile(marker);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot mark " + marker + " as in use", e);
    }
  }

  @Override
  public void streamsRemoved(String id, KafkaStreams streams) {
    // A close that timed out leaves the client PENDING_SHUTDOWN, with tasks that may not have
    // been closed: their state must not be trusted either.
    if (streams.state() != KafkaStreams.State.NOT_RUNNING) {
      return;
    }
    try {
      Files.deleteIfExists(marker);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot mark " + marker + " as closed cleanly", e);
    }
  }
}
