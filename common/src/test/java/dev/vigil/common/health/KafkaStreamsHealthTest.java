package dev.vigil.common.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class KafkaStreamsHealthTest {

  @TempDir static Path stateDir;

  /** Never started: a real client in CREATED state, with no broker behind localhost:1. */
  private static KafkaStreams created;

  /**
   * Kafka Streams reaches RUNNING or REBALANCING only with a broker; a client that reports a given
   * state is enough to test how that state maps to health.
   */
  private static InState inState;

  @BeforeAll
  static void createClients() {
    created = new KafkaStreams(tinyTopology(), config("health-created"));
    inState = new InState(tinyTopology(), config("health-in-state"));
  }

  @AfterAll
  static void closeClients() {
    created.close(Duration.ofSeconds(5));
    inState.close(Duration.ofSeconds(5));
  }

  @Test
  void shouldNotBeReadyBeforeStreamsExist() {
    Health health = KafkaStreamsHealth.readiness(() -> null).health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("state", "NOT_STARTED");
  }

  @Test
  void shouldNotBeLiveBeforeStreamsExist() {
    Health health = KafkaStreamsHealth.liveness(() -> null).health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("state", "NOT_STARTED");
  }

  @Test
  void shouldNotBeReadyWhenCreatedButNotStarted() {
    Health health = KafkaStreamsHealth.readiness(() -> created).health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("state", "CREATED").containsKey("threads");
  }

  @Test
  void shouldNotBeLiveWhenCreatedButNotStarted() {
    Health health = KafkaStreamsHealth.liveness(() -> created).health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("state", "CREATED");
  }

  @ParameterizedTest
  @EnumSource(State.class)
  void shouldBeReadyOnlyWhileRunning(State state) {
    inState.state = state;
    inState.secondsSinceHeartbeat = 2;
    inState.secondsSincePoll = 0;

    Health health = KafkaStreamsHealth.readiness(() -> inState).health();

    assertThat(health.getStatus()).isEqualTo(state == State.RUNNING ? Status.UP : Status.DOWN);
    assertThat(health.getDetails()).containsEntry("state", state.name());
  }

  @Test
  void shouldNotBeReadyWhileRunningWithoutHeartbeatsToTheCluster() {
    inState.state = State.RUNNING;
    inState.secondsSinceHeartbeat = 11;
    inState.secondsSincePoll = 0;

    Health health = KafkaStreamsHealth.readiness(() -> inState).health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("secondsSinceHeartbeat", 11L);
  }

  @Test
  void shouldNotBeReadyWhileAStreamThreadHasStoppedPolling() {
    inState.state = State.RUNNING;
    inState.secondsSinceHeartbeat = 2;
    inState.secondsSincePoll = 31;

    Health health = KafkaStreamsHealth.readiness(() -> inState).health();

    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails()).containsEntry("secondsSincePoll", 31L);
  }

  @Test
  void shouldStayLiveWhileAStreamThreadHasStoppedPolling() {
    inState.state = State.RUNNING;
    inState.secondsSincePoll = 31;

    Health health = KafkaStreamsHealth.liveness(() -> inState).health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void shouldStayLiveWhileRunningWithoutHeartbeatsToTheCluster() {
    inState.state = State.RUNNING;
    inState.secondsSinceHeartbeat = 11;

    Health health = KafkaStreamsHealth.liveness(() -> inState).health();

    assertThat(health.getStatus()).isEqualTo(Status.UP);
  }

  @ParameterizedTest
  @EnumSource(State.class)
  void shouldBeLiveWhileRunningOrRebalancing(State state) {
    inState.state = state;

    Health health = KafkaStreamsHealth.liveness(() -> inState).health();

    boolean live = state == State.RUNNING || state == State.REBALANCING;
    assertThat(health.getStatus()).isEqualTo(live ? Status.UP : Status.DOWN);
    assertThat(health.getDetails()).containsEntry("state", state.name());
  }

  private static Topology tinyTopology() {
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("in", Consumed.<String, String>as("in-source"))
        .to("out", Produced.as("out-sink"));
    return builder.build();
  }

  private static Properties config(String applicationId) {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    return config;
  }

  private static final class InState extends KafkaStreams {

    private volatile State state = State.CREATED;
    private volatile double secondsSinceHeartbeat;
    private volatile double secondsSincePoll;

    InState(Topology topology, Properties config) {
      super(topology, config);
    }

    @Override
    public State state() {
      return state;
    }

    /**
     * The client's own metrics, with its stream thread's consumer's last heartbeat and last poll as
     * set; its restore consumer last polled long ago, as it does once restoring is done.
     */
    @Override
    public Map<MetricName, ? extends Metric> metrics() {
      Map<MetricName, Metric> metrics = new HashMap<>(super.metrics());
      put(
          metrics,
          "last-heartbeat-seconds-ago",
          "consumer-coordinator-metrics",
          "in-state-StreamThread-1-consumer",
          secondsSinceHeartbeat);
      put(
          metrics,
          "last-poll-seconds-ago",
          "consumer-metrics",
          "in-state-StreamThread-1-consumer",
          secondsSincePoll);
      put(
          metrics,
          "last-poll-seconds-ago",
          "consumer-metrics",
          "in-state-StreamThread-1-restore-consumer",
          600.0);
      return metrics;
    }

    private static void put(
        Map<MetricName, Metric> metrics, String name, String group, String clientId, double value) {
      MetricName metricName = new MetricName(name, group, "", Map.of("client-id", clientId));
      metrics.put(
          metricName,
          new Metric() {
            @Override
            public MetricName metricName() {
              return metricName;
            }

            @Override
            public Object metricValue() {
              return value;
            }
          });
    }
  }
}
