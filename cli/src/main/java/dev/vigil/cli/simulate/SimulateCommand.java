package dev.vigil.cli.demo;

import dev.vigil.cli.BootstrapServers;
import dev.vigil.cli.KafkaClients;
import dev.vigil.cli.UserException;
import dev.vigil.cli.service.VigilService;
import dev.vigil.cli.service.VigilServices;
import dev.vigil.simulator.SamplePublisher;
import dev.vigil.simulator.SampleStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "sample",
    description = {
      "Publishes the demo's sample data to a running suite, and starts nothing else.",
      "Creates the suite's topics where missing, publishes every service's reference data, then"
          + " streams their events with injected incidents, in event time, until stopped. For a"
          + " suite that runs elsewhere, e.g. under docker compose.",
      "",
      "  ./vigil sample --bootstrap-servers kafka:19092 --duration 600"
    },
    mixinStandardHelpOptions = true)
public final class SampleCommand implements Callable<Integer> {

  private static final Duration PROGRESS = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Duration CLEAN_EXIT_WAIT = Duration.ofSeconds(5);

  @Spec CommandSpec spec;

  @Mixin BootstrapServers kafka;

  @Option(
      names = "--rate",
      defaultValue = "25",
      paramLabel = "PER_SECOND",
      description = "Everyday payments per second (1-100). Default: ${DEFAULT-VALUE}.")
  int rate;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description =
          "Seed of the sample data; the same seed gives the same story. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--duration",
      paramLabel = "SECONDS",
      description = "Stop by itself after this long. Default: until stopped.")
  Integer duration;

  @Option(
      names = "--heartbeat-file",
      paramLabel = "FILE",
      description =
          "Rewritten with the count of events published whenever it grew, about once a second:"
              + " a container health check can test that the file is recent.")
  Path heartbeatFile;

  private final Clock clock;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final CountDownLatch finished = new CountDownLatch(1);

  public SampleCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws InterruptedException {
    if (rate < 1 || rate > 100) {
      throw new UserException("--rate must be between 1 and 100");
    }
    // A container is stopped with SIGTERM: finish the current send and close the producer, so
    // that nothing is left half-published.
    Thread shutdown =
        new Thread(
            () -> {
              stop.countDown();
              awaitQuietly(finished);
            },
            "vigil-sample-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    try {
      publish(spec.commandLine().getErr());
      return 0;
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(shutdown);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down and the hook is waiting for this thread.
      }
    }
  }

  private void publish(PrintWriter err) throws InterruptedException {
    String bootstrap = kafka.servers();
    List<VigilService> services = VigilServices.ALL;
    try (Admin admin = KafkaClients.admin(bootstrap)) {
      int brokers = KafkaClients.requireReachable(admin, bootstrap).size();
      TopicSetup.create(
          admin, TopicSetup.newTopics(services, VigilServices.topics(), Math.max(1, brokers)), err);
    }
    Instant start = clock.instant().plus(SamplePublisher.REFERENCE_DATA_HEAD_START);
    List<SampleStream> streams =
        services.stream().map(s -> s.sample().start(seed, start, rate)).toList();
    try (Producer<String, byte[]> producer =
        new KafkaProducer<>(
            KafkaClients.producer(bootstrap, "vigil-sample"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      SamplePublisher sample = new SamplePublisher(producer, streams, clock);
      err.println(
          "Sample: published "
              + sample.publishReferenceData()
              + " reference records to "
              + bootstrap
              + "; now streaming "
              + services.stream().map(VigilService::label).toList()
              + " events with injected incidents (seed "
              + seed
              + ")");
      err.flush();
      Thread publishing = new Thread(sample, "vigil-sample");
      publishing.setDaemon(true);
      publishing.start();
      try {
        watch(sample, start, err);
      } finally {
        sample.stop();
        publishing.join(CLEAN_EXIT_WAIT.toMillis());
      }
      err.println("Sample: stopped after " + sample.events() + " events");
      err.flush();
    }
  }

  /** Until stopped or the duration is up; fails as soon as a record cannot be published. */
  private void watch(SamplePublisher sample, Instant start, PrintWriter err)
      throws InterruptedException {
    Instant end = duration == null ? Instant.MAX : start.plusSeconds(duration);
    Instant nextProgress = start.plus(PROGRESS);
    long beaten = -1;
    while (clock.instant().isBefore(end) && !stop.await(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
      sample
          .failure()
          .ifPresent(
              e -> {
                throw new UserException("Cannot publish sample events: " + e.getMessage(), e);
              });
      long events = sample.events();
      if (heartbeatFile != null && events > beaten) {
        beat(events);
        beaten = events;
      }
      Instant now = clock.instant();
      if (!now.isBefore(nextProgress)) {
        err.println(
            "  ("
                + Duration.between(start, now).toSeconds()
                + " s: "
                + events
                + " events published, "
                + sample.incidentEvents()
                + " of them in incidents)");
        err.flush();
        nextProgress = now.plus(PROGRESS);
      }
    }
  }

  private void beat(long events) {
    try {
      Files.writeString(heartbeatFile, events + System.lineSeparator());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + heartbeatFile, e);
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(CLEAN_EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
