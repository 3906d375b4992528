package dev.vigil.cli.simulate;

import dev.vigil.cli.BootstrapServers;
import dev.vigil.cli.KafkaClients;
import dev.vigil.cli.UserException;
import dev.vigil.cli.demo.TopicSetup;
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
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
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
    name = "simulate",
    aliases = "sample",
    description = {
      "Feeds a running suite realistic streams with labelled incidents, and starts nothing else.",
      "Creates the suite's topics where missing, publishes the reference data (accounts, products,"
          + " patients, devices), then the events in event time, a few late or twice, until"
          + " stopped; each incident's ground truth goes to <domain>.labels for ./vigil evaluate.",
      "",
      "  ./vigil simulate --domain all --rate 500 --duration 60s",
      "  ./vigil simulate --bootstrap-servers kafka:19092 --duration 10m"
    },
    mixinStandardHelpOptions = true)
public final class SimulateCommand implements Callable<Integer> {

  private static final Duration PROGRESS = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration CLEAN_EXIT_WAIT = Duration.ofSeconds(5);

  @Spec CommandSpec spec;

  @Mixin BootstrapServers kafka;

  @Mixin SimulationOptions simulation;

  @Option(
      names = "--domain",
      defaultValue = "all",
      paramLabel = "DOMAIN",
      description =
          "fraud, recommendation (or shop), vitals, iot, or all. Default: ${DEFAULT-VALUE}.")
  String domain;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      description =
          "Stop after this long: 90s, 10m, 1h (plain numbers are seconds). Default: until stopped.")
  String duration;

  @Option(
      names = "--count",
      paramLabel = "EVENTS",
      description = "Stop after this many events. Default: until stopped.")
  Long count;

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

  public SimulateCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws InterruptedException {
    simulation.validate();
    List<VigilService> services = services(domain);
    Duration limit = duration == null ? null : parseDuration(duration);
    if (count != null && count < 1) {
      throw new UserException("--count must be at least 1");
    }
    // A container is stopped with SIGTERM: finish the current send, end the run's labels and
    // close the producer, so that nothing is left half-published.
    Thread shutdown =
        new Thread(
            () -> {
              stop.countDown();
              awaitQuietly(finished);
            },
            "vigil-simulate-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    try {
      publish(services, limit, spec.commandLine().getErr());
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

  /** The services of a domain name as the options spell it. */
  static List<VigilService> services(String domain) {
    String name = domain.toLowerCase(Locale.ROOT);
    if (name.equals("all")) {
      return VigilServices.ALL;
    }
    String label = name.equals("recommendation") || name.equals("recommendations") ? "shop" : name;
    return VigilServices.ALL.stream()
        .filter(s -> s.label().equals(label))
        .findFirst()
        .map(List::of)
        .orElseThrow(
            () ->
                new UserException(
                    "--domain must be fraud, recommendation, vitals, iot or all, not " + domain));
  }

  /** {@code 90s}, {@code 10m}, {@code 1h}, an ISO-8601 duration, or seconds. */
  static Duration parseDuration(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (value.matches("\\d+")) {
        return Duration.ofSeconds(Long.parseLong(value));
      }
      if (value.matches("\\d+[smh]")) {
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
          case 's' -> Duration.ofSeconds(amount);
          case 'm' -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        };
      }
      return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new UserException("--duration must look like 90s, 10m or 1h, not " + text);
    }
  }

  private void publish(List<VigilService> services, Duration limit, PrintWriter err)
      throws InterruptedException {
    String bootstrap = kafka.servers();
    try (Admin admin = KafkaClients.admin(kafka.connection())) {
      int brokers = KafkaClients.requireReachable(admin, bootstrap).size();
      TopicSetup.create(
          admin,
          TopicSetup.newTopics(VigilServices.ALL, VigilServices.topics(), Math.max(1, brokers)),
          err);
    }
    Instant start = clock.instant().plus(SamplePublisher.REFERENCE_DATA_HEAD_START);
    List<SampleStream> streams = simulation.streams(services, start);
    try (Producer<String, byte[]> producer =
        new KafkaProducer<>(
            KafkaClients.producer(kafka.connection(), "vigil-simulate"),
            new StringSerializer(),
            new ByteArraySerializer())) {
      SamplePublisher publisher =
          new SamplePublisher(producer, streams, clock, simulation.disorder(), true);
      err.println(
          "Simulate: published "
              + publisher.publishReferenceData()
              + " reference records to "
              + bootstrap
              + "; now streaming "
              + services.stream().map(VigilService::label).toList()
              + " with labelled incidents (seed "
              + simulation.seed()
              + ")");
      err.flush();
      Thread publishing = new Thread(publisher, "vigil-simulate");
      publishing.setDaemon(true);
      publishing.start();
      try {
        watch(publisher, start, limit, err);
      } finally {
        publisher.stop();
        publishing.join(CLEAN_EXIT_WAIT.toMillis());
      }
      err.println(
          "Simulate: stopped after "
              + publisher.events()
              + " events, "
              + publisher.incidents()
              + " incidents labelled ("
              + publisher.lateEvents()
              + " sent late, "
              + publisher.duplicates()
              + " twice, "
              + publisher.malformed()
              + " malformed records). Next: ./vigil evaluate");
      err.flush();
    }
  }

  /** Until stopped, the duration is up or the count reached; fails as soon as a send does. */
  private void watch(SamplePublisher publisher, Instant start, Duration limit, PrintWriter err)
      throws InterruptedException {
    Instant end = limit == null ? Instant.MAX : start.plus(limit);
    Instant nextProgress = clock.instant().plus(PROGRESS);
    long lastEvents = 0;
    Instant lastProgress = clock.instant();
    long beaten = -1;
    while (clock.instant().isBefore(end)
        && (count == null || publisher.events() < count)
        && !stop.await(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
      publisher
          .failure()
          .ifPresent(
              e -> {
                throw new UserException("Cannot publish events: " + e.getMessage(), e);
              });
      long events = publisher.events();
      if (heartbeatFile != null && events > beaten) {
        beat(events);
        beaten = events;
      }
      Instant now = clock.instant();
      if (!now.isBefore(nextProgress)) {
        double seconds = Duration.between(lastProgress, now).toMillis() / 1000.0;
        err.println(
            String.format(
                Locale.ROOT,
                "  %d s: %d events sent, %.0f/s, %d incidents injected",
                Duration.between(start, now).toSeconds(),
                events,
                (events - lastEvents) / seconds,
                publisher.incidents()));
        err.flush();
        lastEvents = events;
        lastProgress = now;
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
