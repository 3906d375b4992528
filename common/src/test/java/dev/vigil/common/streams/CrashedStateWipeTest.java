package dev.vigil.common.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wipe on real Kafka Streams clients that are created and closed but never started (nothing
 * here needs a broker), over a task directory laid out as Kafka Streams 4.1 leaves it when killed
 * while running: store files and the checkpoint its state updater wrote after restoring.
 */
class CrashedStateWipeTest {

  private static final String APPLICATION = "wipe-test";

  @TempDir Path stateDir;

  @Test
  void shouldDeleteStateThatAKilledInstanceLeftWithItsCheckpoint() throws IOException {
    CrashedStateWipe wipe = exactlyOnceWipe();
    startAndKill(wipe);
    Path task = leftoverTask();

    startAndStop(wipe);

    assertThat(task).doesNotExist();
  }

  @Test
  void shouldKeepStateOfAnInstanceThatClosedCleanly() throws IOException {
    CrashedStateWipe wipe = exactlyOnceWipe();
    startAndStop(wipe);
    Path task = leftoverTask();

    startAndStop(wipe);

    assertThat(task.resolve(".checkpoint")).exists();
  }

  @Test
  void shouldDeleteStateAfterEveryCrashNotOnlyTheFirst() throws IOException {
    CrashedStateWipe wipe = exactlyOnceWipe();
    startAndKill(wipe);
    startAndKill(wipe);
    Path task = leftoverTask();

    startAndStop(wipe);

    assertThat(task).doesNotExist();
  }

  @Test
  void shouldLeaveAtLeastOnceStateAlone() {
    assertThat(CrashedStateWipe.of(new StreamsConfig(config(StreamsConfig.AT_LEAST_ONCE))))
        .isEmpty();
  }

  private CrashedStateWipe exactlyOnceWipe() {
    return CrashedStateWipe.of(new StreamsConfig(config(StreamsConfig.EXACTLY_ONCE_V2)))
        .orElseThrow();
  }

  /**
   * A start, then a kill: the client's resources are released here only because the test must, but
   * nothing reports a clean close, as nothing does when the process is killed.
   */
  private void startAndKill(CrashedStateWipe wipe) {
    try (KafkaStreams streams = streams()) {
      wipe.customize(streams);
    }
  }

  private void startAndStop(CrashedStateWipe wipe) {
    KafkaStreams streams = streams();
    wipe.customize(streams);
    streams.close();
    wipe.streamsRemoved("streams", streams);
  }

  private Path leftoverTask() throws IOException {
    Path task = stateDir.resolve(APPLICATION).resolve("0_0");
    Files.createDirectories(task.resolve("rocksdb").resolve("counts"));
    Files.writeString(task.resolve("rocksdb").resolve("counts").resolve("000042.sst"), "rows");
    Files.writeString(task.resolve(".checkpoint"), "0\n1\nwipe-test-counts-changelog 0 17\n");
    return task;
  }

  private KafkaStreams streams() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
        .groupByKey()
        .count(Materialized.as("counts"));
    return new KafkaStreams(builder.build(), config(StreamsConfig.EXACTLY_ONCE_V2));
  }

  private Properties config(String guarantee) {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION);
    // Never contacted: the clients are closed before they are started.
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9");
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
    return config;
  }
}
