package dev.vigil.chaos;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Scenario 4: a second instance with one standby replica shares the partitions; interactive queries
 * answer alike from either instance for any key; then one instance is killed with SIGKILL and the
 * other takes its tasks over, and outputs stay exactly once.
 */
final class Failover {

  static final String NAME = "failover";

  private static final long PROGRESS = 20;
  private static final int KEYS_ASKED = 10;
  private static final int ATTEMPTS = 5;
  private static final String STANDBY = "--spring.kafka.streams.properties.num.standby.replicas=1";

  private Failover() {}

  static ScenarioResult run(Run run) throws InterruptedException {
    if (run.settings.streamsProtocol()) {
      // Under the streams protocol standby replicas are the group's setting, not the clients'.
      run.kafka.configureStreamsGroup(
          run.target.name(), Map.of("streams.num.standby.replicas", "1"));
    }
    try (ServiceProcess first = run.instance("1", STANDBY);
        ServiceProcess second = run.instance("2", STANDBY)) {
      run.startAndAwaitReady(first);
      run.feeder.start();
      run.awaitProgress(PROGRESS, first);
      Instant joining = run.now();
      run.startAndAwaitReady(second);
      run.await(() -> both(run, first, second), Run.STARTUP, "sharing the partitions", second);
      run.note(
          "the second instance shared the partitions "
              + run.since(joining).toMillis() / 1000.0
              + " s after it was started (JVM and Spring start included)");
      Map<String, Integer> assignment = run.kafka.assignment(run.target.name());
      run.note(
          (assignment.size() == 2 && assignment.values().stream().allMatch(n -> n > 0)
                  ? ""
                  : "FAILED: ")
              + "partitions per instance: "
              + assignment.values());
      run.target.query().ifPresent(query -> askBoth(run, query, first, second));
      String input = run.target.inputTopics().get(0);
      Map<Integer, Long> atKill = run.kafka.committedPartitions(run.target.name(), input);
      Instant killed = run.now();
      run.kill(second);
      run.await(
          () -> first.ready() && run.kafka.assignment(run.target.name()).size() == 1,
          Run.RECOVERY_LIMIT,
          "taking over the killed instance's partitions",
          first);
      Duration reassigned = run.since(killed);
      run.await(
          () ->
              everyPartitionPast(run.kafka.committedPartitions(run.target.name(), input), atKill)
                  || run.feeder.finished(),
          Run.RECOVERY_LIMIT,
          "processing every partition again",
          first);
      run.recovered(run.since(killed));
      run.note(
          "the surviving instance was assigned every partition "
              + reassigned.toMillis() / 1000.0
              + " s after the kill, and processed every partition again after "
              + run.since(killed).toMillis() / 1000.0
              + " s");
      return run.finish(NAME);
    }
  }

  /** Whether the group has committed beyond the kill on every partition of its input. */
  private static boolean everyPartitionPast(Map<Integer, Long> now, Map<Integer, Long> atKill) {
    return atKill.entrySet().stream()
        .allMatch(e -> now.getOrDefault(e.getKey(), 0L) > e.getValue());
  }

  private static boolean both(Run run, ServiceProcess first, ServiceProcess second) {
    Map<String, Integer> assignment = run.kafka.assignment(run.target.name());
    return first.ready()
        && second.ready()
        && assignment.size() == 2
        && assignment.values().stream().allMatch(n -> n > 0);
  }

  /** Asks both instances about the same keys: each must answer, and alike. */
  private static void askBoth(
      Run run, Target.Query query, ServiceProcess first, ServiceProcess second) {
    List<String> keys =
        run.kafka.readCommitted(query.keysTopic()).stream()
            .map(OutputRecord::key)
            .distinct()
            .limit(KEYS_ASKED)
            .toList();
    int alike = 0;
    for (String key : keys) {
      String path = query.pathTemplate().formatted(URLEncoder.encode(key, StandardCharsets.UTF_8));
      // State changes while the workload flows: the two answers may differ by an update.
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        Optional<String> a =
            first.get(path).filter(r -> r.statusCode() == 200).map(HttpResponse::body);
        Optional<String> b =
            second.get(path).filter(r -> r.statusCode() == 200).map(HttpResponse::body);
        if (a.isPresent() && Objects.equals(a, b)) {
          alike++;
          break;
        }
      }
    }
    run.note(
        (alike == keys.size() && !keys.isEmpty() ? "" : "FAILED: ")
            + alike
            + " of "
            + keys.size()
            + " keys answered alike by both instances ("
            + query.pathTemplate()
            + ")");
  }
}
