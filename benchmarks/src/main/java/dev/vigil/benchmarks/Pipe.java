package dev.vigil.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The baselines: a plain consumer-to-producer loop that copies a service's input to a topic of its
 * own, with the offsets committed as Kafka Streams commits them (in the producer's transaction
 * under exactly-once, after a flush under at-least-once) and the clients configured as the
 * services' are. With {@code --json} it also parses each value into the service's event type and
 * writes it back.
 */
@Command(
    name = "pipe",
    description = "Runs a baseline (for the harness; not meant to be run by hand).")
final class Pipe implements Callable<Integer> {

  /** Kafka Streams' own override of the consumer default, so the pipe polls as a topology does. */
  static final int STREAMS_MAX_POLL_RECORDS = 1000;

  /** The suite's producer setting, read where the services read it, so the pipe batches alike. */
  private static final String LINGER_PROPERTY =
      "spring.kafka.streams.properties.producer.linger.ms";

  @Option(names = "--bootstrap-servers", required = true)
  String bootstrapServers;

  @Option(names = "--service", required = true)
  String service;

  @Option(names = "--output", required = true)
  String output;

  @Option(names = "--group", required = true)
  String group;

  @Option(names = "--guarantee", required = true)
  String guarantee;

  @Option(names = "--commit-interval-ms", required = true)
  long commitIntervalMs;

  @Option(names = "--json")
  boolean json;

  @Override
  public Integer call() {
    ServiceSpec spec =
        ServiceSpec.named(service)
            .orElseThrow(() -> new IllegalArgumentException("Unknown service " + service));
    boolean exactlyOnce = guarantee.startsWith("exactly_once");
    UnaryOperator<byte[]> transform = json ? reserialize(spec) : UnaryOperator.identity();
    CountDownLatch stopped = new CountDownLatch(1);
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(exactlyOnce);
        KafkaProducer<byte[], byte[]> producer = producer(exactlyOnce)) {
      Thread main = Thread.currentThread();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    consumer.wakeup();
                    try {
                      stopped.await();
                    } catch (InterruptedException e) {
                      main.interrupt();
                    }
                  }));
      consumer.subscribe(List.of(spec.input().name()));
      if (exactlyOnce) {
        producer.initTransactions();
      }
      copy(consumer, producer, transform, exactlyOnce);
    } catch (WakeupException e) {
      // The shutdown hook's way of ending the loop.
    } finally {
      stopped.countDown();
    }
    return 0;
  }

  private void copy(
      KafkaConsumer<byte[], byte[]> consumer,
      KafkaProducer<byte[], byte[]> producer,
      UnaryOperator<byte[]> transform,
      boolean exactlyOnce) {
    Map<TopicPartition, OffsetAndMetadata> pending = new HashMap<>();
    boolean inTransaction = false;
    long lastCommit = System.nanoTime();
    long interval = Duration.ofMillis(commitIntervalMs).toNanos();
    while (true) {
      ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
      if (!records.isEmpty() && exactlyOnce && !inTransaction) {
        producer.beginTransaction();
        inTransaction = true;
      }
      for (ConsumerRecord<byte[], byte[]> record : records) {
        producer.send(new ProducerRecord<>(output, record.key(), transform.apply(record.value())));
        pending.put(
            new TopicPartition(record.topic(), record.partition()),
            new OffsetAndMetadata(record.offset() + 1));
      }
      if (!pending.isEmpty() && System.nanoTime() - lastCommit >= interval) {
        if (exactlyOnce) {
          producer.sendOffsetsToTransaction(pending, consumer.groupMetadata());
          producer.commitTransaction();
          inTransaction = false;
        } else {
          producer.flush();
          consumer.commitSync(pending);
        }
        pending.clear();
        lastCommit = System.nanoTime();
      }
    }
  }

  private static UnaryOperator<byte[]> reserialize(ServiceSpec spec) {
    @SuppressWarnings("unchecked")
    Serde<Object> serde = (Serde<Object>) spec.input().valueSerde();
    String topic = spec.input().name();
    return bytes ->
        serde.serializer().serialize(topic, serde.deserializer().deserialize(topic, bytes));
  }

  private KafkaConsumer<byte[], byte[]> consumer(boolean exactlyOnce) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, STREAMS_MAX_POLL_RECORDS);
    config.put(
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, exactlyOnce ? "read_committed" : "read_uncommitted");
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private KafkaProducer<byte[], byte[]> producer(boolean exactlyOnce) {
    Properties config = new Properties();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ProducerConfig.LINGER_MS_CONFIG, suiteDefault(LINGER_PROPERTY));
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    if (exactlyOnce) {
      config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, group + "-pipe");
    }
    return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static String suiteDefault(String property) {
    Properties defaults = new Properties();
    try (InputStream in = Pipe.class.getResourceAsStream("/vigil-defaults.properties")) {
      defaults.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.ofNullable(defaults.getProperty(property))
        .orElseThrow(() -> new IllegalStateException("No suite default for " + property));
  }
}
