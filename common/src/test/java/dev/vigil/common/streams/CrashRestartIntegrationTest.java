package dev.vigil.common.streams;

import static dev.vigil.common.testing.KafkaTestClients.readCommitted;
import static dev.vigil.common.testing.KafkaTestClients.send;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.vigil.common.testing.TestKafkaBroker;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash under exactly-once must not leave the aborted transaction's writes in the local state: a
 * restarted instance that reused them would count the crashed record twice. Kafka Streams knows
 * this and wipes a task's local state when it finds no committed offsets for it; Kafka 4.1 wrote
 * them where a running task kept them, so a crash went unnoticed (KAFKA-20685), and Vigil wiped the
 * state of a crashed instance itself until Kafka 4.2.2 fixed it. This test crashes a real process
 * mid-transaction, after the crashed record's count has reached RocksDB's files, and restarts it on
 * the same state directory.
 */
class CrashRestartIntegrationTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  @TempDir Path work;

  private TestKafkaBroker broker;
  private Process counter;

  @AfterEach
  void stop() throws InterruptedException {
    if (counter != null) {
      counter.destroy();
      counter.waitFor(30, TimeUnit.SECONDS);
    }
    if (broker != null) {
      broker.destroy();
    }
  }

  @Test
  void shouldNotCountTheCrashedRecordTwiceAfterARestartOnTheSameState() throws Exception {
    broker = TestKafkaBroker.started(1, CrashingCounter.INPUT, CrashingCounter.OUTPUT);
    Path stateDir = Files.createDirectories(work.resolve("state"));
    Path crashed = work.resolve("crashed");

    counter = startCounter(stateDir, crashed);
    sendValue("before", "a");
    await().atMost(TIMEOUT).until(() -> countsOf("before").equals(List.of(1L)));

    sendValue("crashing", CrashingCounter.CRASH);
    assertThat(counter.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(counter.exitValue()).isEqualTo(137);
    assertThat(crashed).exists();

    counter = startCounter(stateDir, crashed);
    sendValue("after", "b");
    await().atMost(TIMEOUT).until(() -> countsOf("after").equals(List.of(1L)));
    assertThat(countsOf("crashing")).containsExactly(1L);
    assertThat(countsOf("before")).containsExactly(1L);
  }

  private Process startCounter(Path stateDir, Path crashed) throws IOException {
    Path log = work.resolve("counter-" + System.nanoTime() + ".log");
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            CrashingCounter.class.getName(),
            broker.getBrokersAsString(),
            stateDir.toString(),
            crashed.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  private void sendValue(String key, String value) {
    send(
        broker.getBrokersAsString(),
        List.of(
            new ProducerRecord<>(
                CrashingCounter.INPUT, key.getBytes(UTF_8), value.getBytes(UTF_8))));
  }

  private List<Long> countsOf(String key) {
    return readCommitted(broker.getBrokersAsString(), CrashingCounter.OUTPUT).stream()
        .filter(r -> new String(r.key(), UTF_8).equals(key))
        .map(ConsumerRecord::value)
        .map(value -> ByteBuffer.wrap(value).getLong())
        .toList();
  }
}
