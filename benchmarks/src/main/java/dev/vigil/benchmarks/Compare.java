package dev.vigil.benchmarks;

import dev.vigil.common.deadletter.DeadLetters;
import dev.vigil.common.topic.Topic;
import dev.vigil.localkafka.Directories;
import dev.vigil.localkafka.LocalKafkaProcess;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a service of another build (the baseline) and of this one (the candidate) on the same
 * preloaded input, one after the other, and compares what each wrote to every output topic: a
 * faster service must compute the same outputs. Outputs that depend on the wall clock (a device or
 * monitor found silent) are counted, not compared.
 */
@Command(
    name = "compare",
    description =
        "Runs a service of another build and of this one on the same input and compares their"
            + " outputs, topic by topic.",
    mixinStandardHelpOptions = true)
final class Compare implements Callable<Integer> {

  /** Writes a record's JSON with its properties sorted, so field order never counts as a change. */
  private static final JsonMapper SORTED =
      JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

  private static final Set<String> WALL_CLOCK_ALERTS =
      Set.of("DEVICE_OFFLINE", "DEVICE_ONLINE", "MONITOR_SILENT", "MONITOR_RESUMED");

  private static final Duration STALL_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);
  private static final int EXAMPLES = 3;

  @ParentCommand Bench bench;

  @Option(
      names = "--baseline",
      required = true,
      description = "The Vigil repository whose built jars are the baseline.")
  Path baseline;

  @Override
  public Integer call() throws Exception {
    Bench.Options options = bench.options;
    PrintWriter out = bench.command.commandLine().getOut();
    Path home = bench.home();
    Path workDir =
        (options.workDir != null ? options.workDir : home.resolve(".vigil").resolve("compare"));
    Directories.delete(workDir);
    Files.createDirectories(workDir.resolve("logs"));
    boolean same = true;
    try (PrintWriter brokerLog =
            new PrintWriter(
                Files.newBufferedWriter(workDir.resolve("logs").resolve("kafka.log")), true);
        LocalKafkaProcess kafka =
            LocalKafkaProcess.builder()
                .jar(home.resolve("local-kafka").resolve("target").resolve("local-kafka.jar"))
                .dataDir(workDir.resolve("kafka"))
                .partitions(options.partitions)
                .outputSink(brokerLog::println)
                .start();
        Cluster cluster = new Cluster(kafka.bootstrapServers(), options.partitions, kafka.pid())) {
      String guarantee = options.guarantees.get(0);
      for (ServiceSpec spec : bench.services(home)) {
        Workload workload =
            new Workload(spec, options.seed, bench.dataStart(spec), options.keys, options.cadence);
        List<String> outputs = outputs(spec);
        cluster.createTopics(
            Stream.concat(Stream.of(spec.input().name()), outputs.stream()).toList(),
            spec.referenceTopics().stream().map(Topic::name).toList());
        try (KafkaProducer<String, byte[]> producer = cluster.producer(20)) {
          workload.referenceData().forEach(producer::send);
          for (long i = 0; i < options.events; i++) {
            producer.send(workload.next());
          }
        }
        long input = Cluster.sum(cluster.endOffsets(spec.input().name()));
        out.printf("%s: %,d events; running the baseline%n", spec.service(), input);
        Map<TopicPartition, Long> start = ends(cluster, outputs);
        run(
            spec,
            new Launcher(
                baseline,
                workDir,
                kafka.bootstrapServers(),
                options.partitions,
                options.heap,
                options.commitIntervalMs,
                false),
            "compare-baseline",
            guarantee,
            cluster,
            input);
        Map<TopicPartition, Long> middle = ends(cluster, outputs);
        out.printf("%s: running the candidate%n", spec.service());
        run(
            spec,
            new Launcher(
                home,
                workDir,
                kafka.bootstrapServers(),
                options.partitions,
                options.heap,
                options.commitIntervalMs,
                false),
            "compare-candidate",
            guarantee,
            cluster,
            input);
        Map<TopicPartition, Long> end = ends(cluster, outputs);
        for (String topic : outputs) {
          same &=
              compare(
                  out,
                  spec,
                  topic,
                  read(cluster, topic, start, middle),
                  read(cluster, topic, middle, end));
        }
      }
    }
    out.println(same ? "Same outputs." : "Outputs differ.");
    out.flush();
    return same ? 0 : 1;
  }

  private static List<String> outputs(ServiceSpec spec) {
    List<String> outputs = new ArrayList<>(spec.access().writeNames().stream().sorted().toList());
    outputs.add(DeadLetters.topicFor(spec.service()));
    return outputs;
  }

  private static void run(
      ServiceSpec spec,
      Launcher launcher,
      String applicationId,
      String guarantee,
      Cluster cluster,
      long input)
      throws InterruptedException {
    try (ContenderProcess process = launcher.service(spec, applicationId, guarantee)) {
      Throughput.await(
          cluster, process, applicationId, spec.input().name(), input, 0, STALL_TIMEOUT);
    }
  }

  private static Map<TopicPartition, Long> ends(Cluster cluster, List<String> topics) {
    Map<TopicPartition, Long> ends = new HashMap<>();
    topics.forEach(t -> ends.putAll(cluster.endOffsets(t)));
    return ends;
  }

  /** The committed records of one topic between two sets of end offsets, as read_committed. */
  private static List<ConsumerRecord<byte[], byte[]>> read(
      Cluster cluster, String topic, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          from.keySet().stream().filter(tp -> tp.topic().equals(topic)).toList();
      consumer.assign(partitions);
      partitions.forEach(tp -> consumer.seek(tp, from.get(tp)));
      long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < to.get(tp))
          && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.offset() < to.get(new TopicPartition(r.topic(), r.partition()))) {
            records.add(r);
          }
        }
      }
    }
    return records;
  }

  private static boolean compare(
      PrintWriter out,
      ServiceSpec spec,
      String topic,
      List<ConsumerRecord<byte[], byte[]>> baseline,
      List<ConsumerRecord<byte[], byte[]>> candidate) {
    Map<String, Integer> counts = new TreeMap<>();
    int[] wallClock = new int[2];
    tally(baseline, counts, 1, wallClock, 0);
    tally(candidate, counts, -1, wallClock, 1);
    List<String> onlyBaseline = new ArrayList<>();
    List<String> onlyCandidate = new ArrayList<>();
    counts.forEach(
        (record, n) -> {
          for (int i = 0; i < Math.abs(n); i++) {
            (n > 0 ? onlyBaseline : onlyCandidate).add(record);
          }
        });
    boolean same = onlyBaseline.isEmpty() && onlyCandidate.isEmpty();
    out.printf(
        "%s %s: baseline %,d, candidate %,d records%s; %s%n",
        spec.service(),
        topic,
        baseline.size(),
        candidate.size(),
        wallClock[0] + wallClock[1] == 0
            ? ""
            : String.format(
                " (of them on the wall clock, not compared: %,d and %,d)",
                wallClock[0], wallClock[1]),
        same
            ? "the same"
            : String.format(
                "%,d only in the baseline, %,d only in the candidate",
                onlyBaseline.size(), onlyCandidate.size()));
    onlyBaseline.stream().limit(EXAMPLES).forEach(r -> out.println("  baseline only:  " + r));
    onlyCandidate.stream().limit(EXAMPLES).forEach(r -> out.println("  candidate only: " + r));
    return same;
  }

  /** Counts each record as key and normalised value, +1 for the baseline, -1 for the candidate. */
  private static void tally(
      List<ConsumerRecord<byte[], byte[]>> records,
      Map<String, Integer> counts,
      int sign,
      int[] wallClock,
      int side) {
    for (ConsumerRecord<byte[], byte[]> r : records) {
      String key = r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
      String value;
      try {
        JsonNode json = SORTED.readTree(r.value());
        if (WALL_CLOCK_ALERTS.contains(json.path("type").asString())) {
          wallClock[side]++;
          continue;
        }
        value = SORTED.writeValueAsString(json);
      } catch (RuntimeException e) {
        value = new String(r.value(), StandardCharsets.UTF_8);
      }
      counts.merge(key + " " + value, sign, Integer::sum);
    }
    counts.values().removeIf(n -> n == 0);
  }
}
