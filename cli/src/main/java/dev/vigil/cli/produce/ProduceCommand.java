package dev.vigil.cli.produce;

import dev.vigil.cli.BootstrapServers;
import dev.vigil.cli.KafkaClients;
import dev.vigil.cli.UserException;
import dev.vigil.cli.service.KnownTopic;
import dev.vigil.cli.service.VigilServices;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "produce",
    description = {
      "Produces one record per line of standard input to TOPIC.",
      "A JSON line is keyed by its --key-field (each of the suite's topics has a default, e.g."
          + " cardId on payments.transactions); a line KEY<TAB>VALUE is keyed by KEY. A line that"
          + " is not JSON is produced as it is, to try the dead-letter path.",
      "",
      "  ./vigil produce payments.transactions < payments.jsonl",
      "  printf 'blocklist\\t{\"enabled\":true,\"parameters\":{\"merchants\":[\"m-1\"]}}\\n' \\",
      "    | ./vigil produce fraud.rules"
    },
    mixinStandardHelpOptions = true)
public final class ProduceCommand implements Callable<Integer> {

  /** Enough to spot a pattern without burying the summary. */
  private static final int MAX_WARNINGS = 5;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TOPIC", description = "Topic to produce to.")
  String topic;

  @Option(
      names = "--key-field",
      paramLabel = "FIELD",
      description =
          "Field of each JSON value to key its record by; dots reach nested fields."
              + " Default: the topic's key field, if it is one of the suite's topics.")
  String keyField;

  @Mixin BootstrapServers kafka;

  private final InputStream in;

  public ProduceCommand(InputStream in) {
    this.in = in;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    requireTopic();
    Optional<String> field =
        Optional.ofNullable(keyField)
            .or(() -> VigilServices.topic(topic).flatMap(KnownTopic::keyField));
    LineParser parser = new LineParser(field);

    AtomicReference<Exception> failure = new AtomicReference<>();
    Summary summary = new Summary();
    List<String> warnings = new ArrayList<>();
    try (Producer<String, byte[]> producer =
            new KafkaProducer<>(
                KafkaClients.producer(kafka.connection(), "vigil-cli-produce"),
                new StringSerializer(),
                new ByteArraySerializer());
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      int number = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        ParsedLine record = parser.parse(line);
        if (!record.json()) {
          summary.notJson++;
        }
        if (record.key() == null) {
          summary.keyless++;
          if (record.json() && field.isPresent()) {
            warnings.add("line " + number + ": no field " + field.get() + "; sent without a key");
          }
        }
        producer.send(
            new ProducerRecord<>(topic, record.key(), record.value()),
            (metadata, e) -> {
              if (e != null) {
                failure.compareAndSet(null, e);
              }
            });
        summary.produced++;
      }
      producer.flush();
    }
    warnings.stream().limit(MAX_WARNINGS).forEach(err::println);
    if (warnings.size() > MAX_WARNINGS) {
      err.println("... and " + (warnings.size() - MAX_WARNINGS) + " more lines without a key");
    }
    if (failure.get() != null) {
      throw new UserException(
          "Could not produce to " + topic + ": " + failure.get().getMessage(), failure.get());
    }
    out.println(summary.describe(topic));
    return 0;
  }

  private void requireTopic() throws InterruptedException {
    try (Admin admin = KafkaClients.admin(kafka.connection())) {
      KafkaClients.requireReachable(admin, kafka.servers());
      if (!admin.listTopics().names().get().contains(topic)) {
        throw new UserException(
            "No topic "
                + topic
                + " on "
                + kafka.servers()
                + ". ./vigil demo creates the suite's topics; ./vigil status lists what runs.");
      }
    } catch (ExecutionException e) {
      throw new UserException(
          "Cannot list topics on " + kafka.servers() + ": " + e.getMessage(), e);
    }
  }

  private static final class Summary {

    private int produced;
    private int notJson;
    private int keyless;

    String describe(String topic) {
      StringBuilder line =
          new StringBuilder("Produced ")
              .append(produced)
              .append(produced == 1 ? " record to " : " records to ")
              .append(topic);
      List<String> notes = new ArrayList<>();
      if (notJson > 0) {
        notes.add(notJson + " not JSON, sent as is");
      }
      if (keyless > 0) {
        notes.add(keyless + " without a key");
      }
      if (!notes.isEmpty()) {
        line.append(" (").append(String.join("; ", notes)).append(')');
      }
      return line.toString();
    }
  }
}
