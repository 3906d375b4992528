package dev.vigil.cli.demo;

import dev.vigil.cli.KafkaClients;
import dev.vigil.cli.KafkaConnection;
import dev.vigil.cli.UserException;
import dev.vigil.cli.Workspace;
import dev.vigil.cli.process.ChildProcess;
import dev.vigil.cli.process.LogTail;
import dev.vigil.cli.process.Supervisor;
import dev.vigil.cli.service.ReadinessProbe;
import dev.vigil.cli.service.VigilService;
import dev.vigil.cli.service.VigilServices;
import dev.vigil.cli.simulate.SimulationOptions;
import dev.vigil.simulator.SamplePublisher;
import dev.vigil.simulator.SampleStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "demo",
    description = {
      "Runs the whole suite on this machine and prints each alert as it is raised.",
      "Starts a local Kafka (unless $KAFKA_BOOTSTRAP_SERVERS names a cluster, or one already"
          + " serves localhost:9092), creates the topics, starts every service, then simulates"
          + " (as ./vigil simulate does) accounts and payments with fraud, patients who"
          + " deteriorate, shoppers and a city's failing sensors; ./vigil evaluate scores it.",
      "Ctrl-C stops everything it started. Logs are in .vigil/logs, pids in .vigil/run."
    },
    mixinStandardHelpOptions = true)
public final class DemoCommand implements Callable<Integer> {

  private static final Duration HEARTBEAT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration CLEAN_EXIT_WAIT = Duration.ofSeconds(5);

  @Spec CommandSpec spec;

  @Mixin SimulationOptions simulation;

  @Option(
      names = "--no-simulation",
      description =
          "Start the suite and show its alerts, but publish nothing: for ./vigil simulate from"
              + " another shell, whose run ./vigil evaluate then scores alone.")
  boolean noSimulation;

  @Option(
      names = "--startup-timeout",
      defaultValue = "180",
      paramLabel = "SECONDS",
      description = "How long to wait for each service to become ready. Default: ${DEFAULT-VALUE}.")
  int startupTimeout;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      description = "Stop by itself after this long, e.g. for a smoke test. Default: until Ctrl-C.")
  Integer duration;

  private final Workspace workspace;
  private final Clock clock;
  private final Map<String, String> environment;

  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile Thread main;
  private volatile boolean stopping;
  private volatile SamplePublisher publisher;
  private volatile AlertFeed feed;

  public DemoCommand(Workspace workspace, Clock clock, Map<String, String> environment) {
    this.workspace = workspace;
    this.clock = clock;
    this.environment = environment;
  }

  @Override
  public Integer call() throws InterruptedException {
    simulation.validate();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Supervisor supervisor = new Supervisor(err);
    main = Thread.currentThread();
    Thread shutdown = new Thread(() -> shutDown(supervisor), "vigil-demo-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    try {
      run(out, err, supervisor);
      return 0;
    } finally {
      finished.countDown();
      if (!stopping) {
        try {
          Runtime.getRuntime().removeShutdownHook(shutdown);
        } catch (IllegalStateException e) {
          // The JVM is already shutting down and the hook is about to run.
        }
        shutDown(supervisor);
      }
    }
  }

  private void run(PrintWriter out, PrintWriter err, Supervisor supervisor)
      throws InterruptedException {
    List<VigilService> services = VigilServices.ALL;
    ServiceStarter starter =
        new ServiceStarter(workspace, supervisor, new ReadinessProbe(), clock, err);
    starter.checkFree(services);

    String bootstrap = new LocalBroker(workspace, supervisor, clock, err).ensure(environment);
    try (Admin admin = KafkaClients.admin(KafkaConnection.plain(bootstrap))) {
      int brokers = KafkaClients.requireReachable(admin, bootstrap).size();
      TopicSetup.create(
          admin, TopicSetup.newTopics(services, VigilServices.topics(), Math.max(1, brokers)), err);
    }
    Map<VigilService, ChildProcess> started = starter.start(services, bootstrap);
    starter.awaitReady(started, Duration.ofSeconds(startupTimeout));

    Instant start = clock.instant().plus(SamplePublisher.REFERENCE_DATA_HEAD_START);
    List<SampleStream> streams = noSimulation ? List.of() : simulation.streams(services, start);
    try (Producer<String, byte[]> producer =
            new KafkaProducer<>(
                KafkaClients.producer(KafkaConnection.plain(bootstrap), "vigil-demo-sample"),
                new StringSerializer(),
                new ByteArraySerializer());
        AlertFeed alerts = new AlertFeed(bootstrap, services, clock.getZone(), out, Ansi.AUTO)) {
      feed = alerts;
      alerts.startAtEnd();
      SamplePublisher sample =
          new SamplePublisher(producer, streams, clock, simulation.disorder(), true);
      publisher = sample;
      int referenceRecords = sample.publishReferenceData();
      err.println(
          noSimulation
              ? "Simulation: none; feed the suite with ./vigil simulate"
              : "Simulation: published "
                  + referenceRecords
                  + " reference records; now streaming "
                  + services.stream().map(VigilService::label).toList()
                  + " events with labelled incidents (seed "
                  + simulation.seed()
                  + ")");
      err.println(
          "Alerts follow. In another shell: ./vigil tail "
              + services.get(0).alerts().get(0).topic()
              + ", ./vigil status, ./vigil evaluate. Ctrl-C stops everything.");
      err.flush();
      Thread publishing = new Thread(sample, "vigil-demo-sample");
      publishing.setDaemon(true);
      publishing.start();
      watch(alerts, sample, started, err);
      sample.stop();
      publishing.join(CLEAN_EXIT_WAIT.toMillis());
    }
  }

  /** Prints alerts until Ctrl-C or the duration is up; fails if a process or the sample does. */
  private void watch(
      AlertFeed alerts,
      SamplePublisher sample,
      Map<VigilService, ChildProcess> started,
      PrintWriter err) {
    Instant begin = clock.instant();
    Instant end = duration == null ? Instant.MAX : begin.plusSeconds(duration);
    Instant nextHeartbeat = begin.plus(HEARTBEAT);
    while (!stopping && clock.instant().isBefore(end)) {
      alerts.poll(POLL);
      for (ChildProcess process : started.values()) {
        if (!process.isAlive()) {
          err.println("Last lines of " + process.log() + ":");
          LogTail.lastLines(process.log(), 40).forEach(line -> err.println("  " + line));
          throw new UserException(process.name() + " stopped unexpectedly");
        }
      }
      sample
          .failure()
          .ifPresent(
              e -> {
                throw new UserException("Cannot publish sample events: " + e.getMessage(), e);
              });
      Instant now = clock.instant();
      if (!now.isBefore(nextHeartbeat)) {
        err.println(
            "  ("
                + Duration.between(begin, now).toSeconds()
                + " s: "
                + sample.events()
                + " events published, "
                + sample.incidents()
                + " incidents injected; "
                + alerts.alerts()
                + " alerts)");
        err.flush();
        nextHeartbeat = now.plus(HEARTBEAT);
      }
    }
  }

  /**
   * Runs once, from the shutdown hook on Ctrl-C or from {@link #call} otherwise: stops the sample
   * and the feed, lets the main thread close its clients, then stops the processes.
   */
  private void shutDown(Supervisor supervisor) {
    stopping = true;
    SamplePublisher sample = publisher;
    if (sample != null) {
      sample.stop();
    }
    AlertFeed alerts = feed;
    if (alerts != null) {
      alerts.wakeup();
    } else if (main != null && main != Thread.currentThread()) {
      // Still starting up: waiting for the broker or a service, which an interrupt ends at once.
      main.interrupt();
    }
    try {
      finished.await(CLEAN_EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    supervisor.stopAll();
  }
}
