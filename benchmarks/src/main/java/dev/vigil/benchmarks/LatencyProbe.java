package dev.vigil.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a contender's output as a downstream consumer would ({@code read_committed}) and records,
 * for each output that names an input sent through {@link #expect}, the time since that input was
 * due to be sent.
 */
final class LatencyProbe implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final KafkaConsumer<String, byte[]> consumer;
  private final Function<JsonNode, List<String>> ids;
  private final Map<String, Pending> pending = new ConcurrentHashMap<>();
  private final AtomicLong matched = new AtomicLong();
  private final Thread thread;

  private record Pending(long sentNanos, Histogram histogram) {}

  /**
   * @param ids the ids of the inputs an output record answers
   */
  LatencyProbe(Cluster cluster, String topic, Function<JsonNode, List<String>> ids) {
    this.ids = ids;
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    List<TopicPartition> partitions = cluster.endOffsets(topic).keySet().stream().toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    this.thread = new Thread(this::run, "latency-probe");
    thread.setDaemon(true);
    thread.start();
  }

  /** Records the latency of the output naming {@code id} in {@code histogram}, once. */
  void expect(String id, long sentNanos, Histogram histogram) {
    pending.put(id, new Pending(sentNanos, histogram));
  }

  long matched() {
    return matched.get();
  }

  int outstanding() {
    return pending.size();
  }

  /** Forgets what never came, returning how many. */
  int forget() {
    int count = pending.size();
    pending.clear();
    return count;
  }

  private void run() {
    try {
      while (true) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
          long now = System.nanoTime();
          for (String id : ids.apply(JSON.readTree(record.value()))) {
            Pending sent = pending.remove(id);
            if (sent != null) {
              synchronized (sent.histogram()) {
                sent.histogram().recordValue(Math.max(0, (now - sent.sentNanos()) / 1_000));
              }
              matched.incrementAndGet();
            }
          }
        }
      }
    } catch (WakeupException e) {
      // close() ends the loop.
    } finally {
      consumer.close();
    }
  }

  @Override
  public void close() throws InterruptedException {
    consumer.wakeup();
    thread.join(Duration.ofSeconds(30).toMillis());
  }
}
