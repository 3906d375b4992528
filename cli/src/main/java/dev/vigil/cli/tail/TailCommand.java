package dev.vigil.cli.tail;

import dev.vigil.cli.BootstrapServers;
import dev.vigil.cli.KafkaClients;
import dev.vigil.cli.UserException;
import dev.vigil.cli.service.VigilServices;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "tail",
    description = {
      "Prints the records of TOPIC as they arrive: partition, offset and key, then the value"
          + " (indented if it is JSON). Headers are shown for dead-letter topics (*.dlq).",
      "Reads committed records only, as the services do. Stops after --max records, after"
          + " --timeout without a record, or on Ctrl-C."
    },
    mixinStandardHelpOptions = true)
public final class TailCommand implements Callable<Integer> {

  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(3);

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TOPIC", description = "Topic to read.")
  String topic;

  @Option(
      names = "--from-beginning",
      description = "Start at the oldest record. Default: only records that arrive from now on.")
  boolean fromBeginning;

  @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
  Long max;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Stop when no record has arrived for this long.")
  Integer timeout;

  @Option(names = "--headers", description = "Show headers on every topic, not only on *.dlq.")
  boolean headers;

  @Mixin BootstrapServers kafka;

  private final Clock clock;

  public TailCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (max != null && max < 1) {
      throw new UserException("--max must be at least 1");
    }
    RecordPrinter printer = new RecordPrinter(headers || VigilServices.isDeadLetterTopic(topic));
    CountDownLatch closed = new CountDownLatch(1);
    try (Consumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            KafkaClients.consumer(kafka.connection(), "vigil-cli-tail"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      Thread stopOnCtrlC = new Thread(() -> wakeUpAndWait(consumer, closed), "vigil-tail-stop");
      Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
      try {
        List<TopicPartition> partitions = assign(consumer);
        err.println(
            "Reading "
                + topic
                + (fromBeginning ? " from the beginning" : " from now on")
                + " ("
                + partitions.size()
                + " partitions); Ctrl-C to stop");
        err.flush();
        long count = read(consumer, printer, out);
        err.println(count + (count == 1 ? " record" : " records"));
      } catch (WakeupException e) {
        // Ctrl-C: the records so far have been printed.
      } finally {
        removeHook(stopOnCtrlC);
      }
    } finally {
      closed.countDown();
    }
    return 0;
  }

  private List<TopicPartition> assign(Consumer<byte[], byte[]> consumer) {
    List<PartitionInfo> infos;
    try {
      infos = consumer.partitionsFor(topic, KafkaClients.CONNECT_TIMEOUT);
    } catch (TimeoutException e) {
      throw new UserException(
          "Cannot reach Kafka at "
              + kafka.servers()
              + ". Is it running? ./vigil demo starts a local one.",
          e);
    }
    if (infos == null || infos.isEmpty()) {
      throw new UserException(
          "No topic "
              + topic
              + " on "
              + kafka.servers()
              + ". ./vigil demo creates the suite's topics.");
    }
    List<TopicPartition> partitions =
        infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(partitions);
    if (fromBeginning) {
      consumer.seekToBeginning(partitions);
    } else {
      consumer.seekToEnd(partitions);
      // seekToEnd is lazy: fix the position now, or records sent before the first poll are lost.
      partitions.forEach(consumer::position);
    }
    return partitions;
  }

  private long read(Consumer<byte[], byte[]> consumer, RecordPrinter printer, PrintWriter out) {
    long count = 0;
    Instant lastRecord = clock.instant();
    while (max == null || count < max) {
      boolean any = false;
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
        out.println(printer.format(record));
        any = true;
        count++;
        if (max != null && count >= max) {
          break;
        }
      }
      out.flush();
      Instant now = clock.instant();
      if (any) {
        lastRecord = now;
      } else if (timeout != null && Duration.between(lastRecord, now).toSeconds() >= timeout) {
        break;
      }
    }
    return count;
  }

  private static void wakeUpAndWait(Consumer<?, ?> consumer, CountDownLatch closed) {
    consumer.wakeup();
    try {
      closed.await(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running and waits for this consumer to close.
    }
  }
}
