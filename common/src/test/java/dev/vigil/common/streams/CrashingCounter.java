package dev.vigil.common.streams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * A Kafka Streams application of its own process, for {@link CrashRestartIntegrationTest}: counts
 * the records of each key under exactly-once in a RocksDB store and writes each new count. A record
 * whose value is {@value #CRASH} is counted, its count flushed to RocksDB's files, and then, the
 * first time only, the process halts before the transaction commits, as a SIGKILL would stop it.
 */
public final class CrashingCounter {

  static final String INPUT = "crash-counter-in";
  static final String OUTPUT = "crash-counter-out";
  static final String CRASH = "crash";
  static final String APPLICATION_ID = "crash-counter";

  private static final String STORE = "counts";

  private CrashingCounter() {}

  /** Arguments: bootstrap servers, state directory, a file that marks the crash as done. */
  public static void main(String[] args) throws InterruptedException {
    String bootstrap = args[0];
    Path stateDir = Path.of(args[1]);
    Path crashed = Path.of(args[2]);

    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.Long())
            .withCachingDisabled());
    builder.stream(INPUT, Consumed.with(Serdes.String(), Serdes.String()).withName("in"))
        .process(() -> new Counting(crashed), Named.as("count"), STORE)
        .to(OUTPUT, Produced.with(Serdes.String(), Serdes.Long()).withName("out"));

    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    config.put(StreamsConfig.consumerPrefix("session.timeout.ms"), 6_000);
    config.put(StreamsConfig.consumerPrefix("heartbeat.interval.ms"), 1_000);
    KafkaStreams streams = new KafkaStreams(builder.build(), config);
    CountDownLatch closed = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  streams.close();
                  closed.countDown();
                }));
    streams.start();
    closed.await();
  }

  private static final class Counting implements Processor<String, String, String, Long> {

    private final Path crashed;
    private ProcessorContext<String, Long> context;
    private KeyValueStore<String, Long> counts;

    Counting(Path crashed) {
      this.crashed = crashed;
    }

    @Override
    public void init(ProcessorContext<String, Long> context) {
      this.context = context;
      this.counts = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, String> record) {
      Long before = counts.get(record.key());
      long count = before == null ? 1 : before + 1;
      counts.put(record.key(), count);
      if (CRASH.equals(record.value()) && !Files.exists(crashed)) {
        // RocksDB runs without its write-ahead log: only what is flushed survives a crash, and
        // what is flushed may belong to a transaction that will never commit.
        counts.flush();
        try {
          Files.createFile(crashed);
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
        Runtime.getRuntime().halt(137);
      }
      context.forward(record.withValue(count));
    }
  }
}
