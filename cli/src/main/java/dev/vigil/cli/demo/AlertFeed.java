package dev.vigil.cli.demo;

import dev.vigil.cli.KafkaClients;
import dev.vigil.cli.KafkaConnection;
import dev.vigil.cli.service.AlertFormat;
import dev.vigil.cli.service.AlertLine;
import dev.vigil.cli.service.AlertSource;
import dev.vigil.cli.service.DeadLetterFormat;
import dev.vigil.cli.service.VigilService;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Help.Ansi;

/**
 * The demo's live view: every alert, and every dead letter, of every service as one line, from the
 * moment the feed starts. Reads committed records only, so an alert appears once the service's
 * transaction that produced it has committed, as any consumer downstream would see it.
 */
final class AlertFeed implements AutoCloseable {

  private static final int MAX_RAW = 200;

  private final Consumer<byte[], byte[]> consumer;
  private final Map<String, VigilService> serviceByTopic = new HashMap<>();
  private final Map<String, AlertFormat> formatByTopic = new HashMap<>();
  private final ZoneId zone;
  private final PrintWriter out;
  private final Ansi ansi;
  private final int labelWidth;
  private long alerts;

  AlertFeed(
      String bootstrapServers,
      List<VigilService> services,
      ZoneId zone,
      PrintWriter out,
      Ansi ansi) {
    this.consumer =
        new KafkaConsumer<>(
            KafkaClients.consumer(KafkaConnection.plain(bootstrapServers), "vigil-demo-feed"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    for (VigilService service : services) {
      for (AlertSource source : service.alerts()) {
        serviceByTopic.put(source.topic(), service);
        formatByTopic.put(source.topic(), source.format());
      }
      serviceByTopic.put(service.deadLetterTopic(), service);
    }
    this.zone = zone;
    this.out = out;
    this.ansi = ansi;
    this.labelWidth = services.stream().mapToInt(s -> s.label().length()).max().orElse(0);
  }

  /** Starts at the current end of every partition, so that the feed shows only what comes next. */
  void startAtEnd() {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : serviceByTopic.keySet()) {
      consumer
          .partitionsFor(topic)
          .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    // Resolves the end offsets now; seekToEnd alone is lazy, and alerts raised before the first
    // poll would be skipped.
    partitions.forEach(consumer::position);
  }

  /** Prints what arrives within {@code timeout}; returns early if woken up. */
  void poll(Duration timeout) {
    try {
      for (ConsumerRecord<byte[], byte[]> record : consumer.poll(timeout)) {
        out.println(line(record));
        alerts++;
      }
      out.flush();
    } catch (WakeupException e) {
      // Woken up to stop: the caller checks why.
    }
  }

  long alerts() {
    return alerts;
  }

  void wakeup() {
    consumer.wakeup();
  }

  private String line(ConsumerRecord<byte[], byte[]> record) {
    VigilService service = serviceByTopic.get(record.topic());
    AlertFormat format = formatByTopic.get(record.topic());
    Instant time = Instant.ofEpochMilli(record.timestamp());
    AlertLine line;
    if (format == null) {
      line = DeadLetterFormat.format(time, headers(record));
    } else {
      try {
        line = format.format(record.value());
      } catch (RuntimeException e) {
        line = new AlertLine(time, "?", raw(record.value()));
      }
    }
    String label = String.format(Locale.ROOT, "%-" + labelWidth + "s", service.label());
    return line.render(label, zone, this::highlight);
  }

  private String highlight(String kind) {
    String style =
        switch (kind.strip()) {
          case "DECLINE" -> "bold,red";
          case "REVIEW" -> "yellow";
          case DeadLetterFormat.KIND -> "magenta";
          default -> "faint";
        };
    return ansi.string("@|" + style + " " + kind + "|@");
  }

  private static Map<String, byte[]> headers(ConsumerRecord<byte[], byte[]> record) {
    Map<String, byte[]> headers = new HashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), header.value());
    }
    return headers;
  }

  private static String raw(byte[] value) {
    if (value == null) {
      return "(no value)";
    }
    String text = new String(value, StandardCharsets.UTF_8).replaceAll("\\R", " ");
    return text.length() <= MAX_RAW ? text : text.substring(0, MAX_RAW) + "...";
  }

  @Override
  public void close() {
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
  }
}
