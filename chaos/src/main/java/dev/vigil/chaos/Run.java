package dev.vigil.chaos;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One scenario for one service, from a fresh broker to the verdict: the broker and the service as
 * processes, the workload feeding in, and the steps scenarios combine (wait for progress, kill,
 * restart, measure recovery, verify).
 */
final class Run implements AutoCloseable {

  static final Duration STARTUP = Duration.ofMinutes(3);
  static final Duration RECOVERY_LIMIT = Duration.ofMinutes(3);
  private static final Duration SETTLE_LIMIT = Duration.ofMinutes(3);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration VERIFY_POLL = Duration.ofSeconds(2);

  /**
   * The workload's event time starts this far in the past, so it can run faster than the wall clock
   * for a while (the feeder never lets it get ahead), yet stays well within the broker's retention:
   * records far older than a week would be deleted under the services' feet. The poison-pills
   * scenario's backlogs need more: {@link PoisonThroughput#EVENT_TIME}.
   */
  static final Duration EVENT_TIME_HEADSTART = Duration.ofHours(24);

  final Target target;
  final ChaosSettings settings;
  final Broker broker;
  final KafkaAccess kafka;
  final Workload workload;
  final Feeder feeder;
  final ServiceProcess service;
  private final Path dir;
  private final Path home;
  private final Clock clock;
  private final Consumer<String> progress;
  private final List<String> notes = new ArrayList<>();
  private int kills;
  private int killsInTransaction;
  private Duration maxRecovery = Duration.ZERO;
  private final Map<String, List<OutputRecord>> deletedOutputs = new HashMap<>();

  Run(
      Path dir,
      Path home,
      Target target,
      ChaosSettings settings,
      UnaryOperator<Workload> workloads,
      Duration eventTimeHeadStart,
      Clock clock,
      Consumer<String> progress)
      throws InterruptedException {
    this.dir = dir;
    this.home = home;
    this.target = target;
    this.settings = settings;
    this.clock = clock;
    this.progress = progress;
    this.broker = new Broker(dir.resolve("kafka"), dir.resolve("logs").resolve("kafka.log"));
    broker.start();
    this.kafka = new KafkaAccess(broker.bootstrapServers());
    kafka.createTopics(target.topics(), target.compactedTopics());
    kafka.awaitLeaders(target.topics());
    if (settings.streamsProtocol()) {
      kafka.configureStreamsGroup(target.name(), settings.streamsGroupSettings());
    }
    Instant start = clock.instant().minus(eventTimeHeadStart).truncatedTo(ChronoUnit.MINUTES);
    this.workload =
        workloads.apply(
            target.workload().start(settings.seed(), start, settings.eventsPerSecond()));
    this.feeder =
        new Feeder(
            kafka.producer(), workload, settings.events(), settings.eventsPerSecond(), clock);
    feeder.sendReferenceData();
    this.service = instance(home, "1");
  }

  /** Another instance of the service, with its own port and state directory. */
  ServiceProcess instance(String instance, String... arguments) {
    return instance(home, instance, arguments);
  }

  private ServiceProcess instance(Path home, String instance, String... arguments) {
    List<String> all = new ArrayList<>(settings.serviceArguments());
    all.addAll(List.of(arguments));
    return new ServiceProcess(
        home.resolve(target.name()).resolve("target").resolve(target.name() + ".jar"),
        dir.resolve("state").resolve(target.name() + "-" + instance),
        dir.resolve("logs").resolve(target.name() + "-" + instance + ".log"),
        broker.bootstrapServers(),
        all);
  }

  void log(String message) {
    progress.accept(target.name() + ": " + message);
  }

  void note(String note) {
    notes.add(note);
    log(note);
  }

  void startAndAwaitReady(ServiceProcess instance) throws InterruptedException {
    Instant begin = clock.instant();
    instance.start();
    await(instance::ready, STARTUP, "ready after start", instance);
    log("ready on port " + instance.port() + " after " + since(begin).toSeconds() + " s");
  }

  /** Waits until the service has committed more outputs, or the workload is all sent. */
  void awaitProgress(long outputs) throws InterruptedException {
    awaitProgress(outputs, service);
  }

  /** As {@link #awaitProgress(long)}, while this instance runs. */
  void awaitProgress(long outputs, ServiceProcess instance) throws InterruptedException {
    long base = committed();
    await(
        () -> committed() >= base + outputs || feeder.finished(),
        RECOVERY_LIMIT,
        "committing outputs",
        instance);
  }

  /**
   * Kills the instance with SIGKILL, preferably while a transaction is open on an output (waiting a
   * few seconds for one), restarts it on the same state directory and measures how long it takes to
   * commit outputs again.
   */
  void killAndRestart(ServiceProcess instance) throws InterruptedException {
    Instant killed = clock.instant();
    long committedAtKill = kill(instance);
    instance.start();
    awaitRecovery(instance, committedAtKill, killed, "recovery after SIGKILL");
  }

  /**
   * Kills the instance with SIGKILL, preferably while a transaction is open on an output.
   *
   * @return the committed outputs at the kill
   */
  long kill(ServiceProcess instance) throws InterruptedException {
    Instant deadline = clock.instant().plusSeconds(10);
    while (!kafka.transactionOpen(target.outputTopics()) && clock.instant().isBefore(deadline)) {
      Thread.sleep(10);
    }
    instance.kill();
    kills++;
    // After the process is gone its open transaction stays open until its successor fences it.
    boolean inTransaction = kafka.transactionOpen(target.outputTopics());
    if (inTransaction) {
      killsInTransaction++;
    }
    log("killed (SIGKILL) " + (inTransaction ? "with a transaction open" : "between transactions"));
    return committed();
  }

  /** Waits until the instance is ready and outputs are committed again, and notes how long. */
  void awaitRecovery(ServiceProcess instance, long committedAtKill, Instant since, String what)
      throws InterruptedException {
    await(
        () -> instance.ready() && (committed() > committedAtKill || feeder.finished()),
        RECOVERY_LIMIT,
        what,
        instance);
    Duration recovery = since(since);
    recovered(recovery);
    log("recovered in " + recovery.toSeconds() + " s");
  }

  int kills() {
    return kills;
  }

  int killsInTransaction() {
    return killsInTransaction;
  }

  void countKill() {
    kills++;
  }

  void recovered(Duration recovery) {
    maxRecovery = recovery.compareTo(maxRecovery) > 0 ? recovery : maxRecovery;
  }

  /** Output records written so far and then aborted: what killed transactions left behind. */
  long abortedOutputs() {
    long aborted = 0;
    for (String topic : target.outputTopics()) {
      aborted += kafka.abortedRecords(topic);
    }
    return aborted;
  }

  long committed() {
    return kafka.committedOffsets(target.outputTopics());
  }

  /**
   * Waits for the whole workload to be sent and for the outputs to be complete (or until the settle
   * limit), then verifies them once more and reports.
   */
  ScenarioResult finish(String scenario) throws InterruptedException {
    return finish(scenario, sent -> true);
  }

  /** As {@link #finish(String)}, the verifier seeing only the input records that pass. */
  ScenarioResult finish(String scenario, Predicate<SentRecord> verified)
      throws InterruptedException {
    List<SentRecord> input = awaitInput().stream().filter(verified).toList();
    Instant deadline = clock.instant().plus(SETTLE_LIMIT);
    Verification verification = verify(input);
    while (verification.missing() > 0 && clock.instant().isBefore(deadline)) {
      Thread.sleep(VERIFY_POLL.toMillis());
      verification = verify(input);
    }
    long aborted = abortedOutputs();
    ScenarioResult result =
        new ScenarioResult(
            scenario,
            target.name(),
            kills,
            killsInTransaction,
            feeder.eventsSent(),
            verification,
            kafka.readCommitted(target.deadLetterTopic()).size(),
            aborted,
            maxRecovery,
            notes);
    log(
        (result.passed() ? "passed" : "FAILED")
            + ": "
            + verification
            + (verification.passed() ? "" : " (logs in " + dir.resolve("logs") + ")"));
    return result;
  }

  List<SentRecord> awaitInput() throws InterruptedException {
    return feeder.awaitAll(settings.duration().plus(Duration.ofMinutes(10)));
  }

  /**
   * Outputs that were committed on a topic the scenario then deleted: the verifier counts them as
   * read before the topic's records now. The deleted topic's offsets are gone with it, so the new
   * records are placed after them, partition by partition, keeping each partition's order.
   */
  void keepDeleted(String topic, List<OutputRecord> records) {
    deletedOutputs.put(topic, List.copyOf(records));
  }

  private Verification verify(List<SentRecord> input) {
    Map<String, List<OutputRecord>> outputs = new HashMap<>();
    for (String topic : target.outputTopics()) {
      List<OutputRecord> deleted = deletedOutputs.getOrDefault(topic, List.of());
      Map<Integer, Long> shift = new HashMap<>();
      deleted.forEach(r -> shift.merge(r.partition(), r.offset() + 1, Math::max));
      List<OutputRecord> all = new ArrayList<>(deleted);
      for (OutputRecord r : kafka.readCommitted(topic)) {
        all.add(
            new OutputRecord(
                r.topic(),
                r.key(),
                r.value(),
                r.partition(),
                shift.getOrDefault(r.partition(), 0L) + r.offset()));
      }
      all.sort(
          Comparator.comparingInt(OutputRecord::partition).thenComparingLong(OutputRecord::offset));
      outputs.put(topic, all);
    }
    return target.verifier().verify(input, outputs);
  }

  void await(BooleanSupplier condition, Duration limit, String what, ServiceProcess instance)
      throws InterruptedException {
    Instant deadline = clock.instant().plus(limit);
    while (!condition.getAsBoolean()) {
      if (!instance.isAlive()) {
        throw new IllegalStateException(
            target.name() + " exited while waiting for " + what + "; see " + instance.log());
      }
      if (clock.instant().isAfter(deadline)) {
        throw new IllegalStateException(
            target.name() + " not " + what + " within " + limit + "; see " + instance.log());
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  Duration since(Instant begin) {
    return Duration.between(begin, clock.instant());
  }

  Instant now() {
    return clock.instant();
  }

  @Override
  public void close() throws InterruptedException {
    try {
      feeder.close();
      service.close();
      kafka.close();
    } finally {
      broker.close();
    }
  }
}
