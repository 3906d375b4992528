package dev.vigil.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The compose files against the services' real configuration: what the files give a service must be
 * what the service reads, on the port it listens on. Docker is not needed; `docker-compose config`
 * and promtool check the files' syntax in CI (.ci/run).
 */
class DockerComposeTest {

  private static final List<ComposeFile> FILES =
      List.of(
          ComposeFile.load("docker-compose.yml"), ComposeFile.load("docker-compose.cluster.yml"));

  private static final Map<ServiceKey, ServiceConfiguration> RESOLVED = new HashMap<>();

  static List<ComposeFile> files() {
    return FILES;
  }

  static List<ServiceInFile> services() {
    return FILES.stream()
        .flatMap(f -> f.vigilServices().stream().map(s -> new ServiceInFile(f, s)))
        .toList();
  }

  @ParameterizedTest
  @MethodSource("files")
  void shouldRunEveryServiceOfTheBuild(ComposeFile file) {
    assertThat(file.vigilServices().stream().map(ComposeService::moduleName).distinct())
        .containsExactlyInAnyOrderElementsOf(Repository.serviceModules());
  }

  @ParameterizedTest
  @MethodSource("services")
  void shouldGiveOnlyVariablesThatChangeAPropertyOfTheService(ServiceInFile service) {
    Map<String, String> variables = service.service().environment();

    for (String variable : variables.keySet()) {
      assertThat(changesAProperty(service.moduleName(), variables, variable))
          .as(
              "%s in %s: %s changes no property of %s",
              service.service().id(), service.file().name(), variable, service.moduleName())
          .isTrue();
    }
  }

  @Test
  void shouldNoticeAVariableThatChangesNothing() {
    Map<String, String> mistyped = Map.of("KAFKA_BOOTSTRAP_SERVER", "kafka:19092");

    assertThat(changesAProperty("fraud-detection-service", mistyped, "KAFKA_BOOTSTRAP_SERVER"))
        .isFalse();
  }

  @ParameterizedTest
  @MethodSource("services")
  void shouldPublishAndProbeThePortTheServiceListensOn(ServiceInFile service) {
    int port = Integer.parseInt(configuration(service).get("server.port"));

    assertThat(service.service().ports()).allSatisfy(p -> assertThat(p.target()).isEqualTo(port));
    assertThat(service.service().ports())
        .allSatisfy(p -> assertThat(p.published()).isIn(null, port));
    String probe = service.service().healthcheck().get(service.service().healthcheck().size() - 1);
    assertThat(URI.create(probe))
        .hasPort(port)
        .hasPath("/actuator/health/readiness")
        .hasHost("localhost");
  }

  @ParameterizedTest
  @MethodSource("services")
  void shouldKeepStateOnItsOwnNamedVolume(ServiceInFile service) {
    String stateDir = configuration(service).get("spring.kafka.streams.state-dir");

    assertThat(service.service().volumes())
        .filteredOn(v -> v.target().equals(stateDir))
        .singleElement()
        .satisfies(v -> assertThat(v.named()).isTrue());
    List<String> stateVolumes =
        service.file().vigilServices().stream()
            .flatMap(s -> s.volumes().stream())
            .map(ComposeService.Volume::source)
            .toList();
    assertThat(stateVolumes).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @MethodSource("services")
  void shouldAdvertiseAHostNameOnlyThisInstanceHas(ServiceInFile service) {
    ServiceConfiguration configuration = configuration(service);
    String advertised = configuration.get("spring.kafka.streams.properties.application.server");
    String host = advertised.substring(0, advertised.lastIndexOf(':'));

    assertThat(advertised).endsWith(":" + configuration.get("server.port"));
    assertThat(host).isIn(service.service().id(), service.service().hostname().orElse(null));
    assertThat(
            service.file().services().values().stream()
                .filter(s -> !s.id().equals(service.service().id()))
                .flatMap(s -> s.networkNames().stream()))
        .doesNotContain(host);
  }

  @ParameterizedTest
  @MethodSource("services")
  void shouldConnectToTheComposeKafkaAfterItIsHealthy(ServiceInFile service) {
    List<String> bootstrap =
        List.of(configuration(service).get("spring.kafka.bootstrap-servers").split(","));
    Set<String> advertised =
        service.file().kafkaBrokers().stream()
            .flatMap(
                b -> List.of(b.environment().get("KAFKA_ADVERTISED_LISTENERS").split(",")).stream())
            .filter(l -> l.startsWith("INTERNAL://"))
            .map(l -> l.substring("INTERNAL://".length()))
            .collect(Collectors.toSet());

    assertThat(advertised).containsAll(bootstrap);
    assertThat(service.service().dependsOn())
        .containsAllEntriesOf(
            service.file().kafkaBrokers().stream()
                .collect(Collectors.toMap(ComposeService::id, b -> "service_healthy")));
  }

  @ParameterizedTest
  @MethodSource("services")
  void shouldReplicateTopicsNoMoreThanTheBrokersCanHold(ServiceInFile service) {
    int brokers = service.file().kafkaBrokers().size();
    int replication =
        Integer.parseInt(configuration(service).get("vigil.topics.replication-factor"));

    assertThat(replication).isEqualTo(brokers == 1 ? 1 : 3);
  }

  @Test
  void shouldRunTheClusterAsProductionWithTwoInstancesOfEachService() {
    ComposeFile cluster = FILES.get(1);

    assertThat(cluster.kafkaBrokers()).hasSize(3);
    assertThat(cluster.kafkaBrokers())
        .allSatisfy(
            b ->
                assertThat(b.environment())
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2"));
    assertThat(
            cluster.vigilServices().stream()
                .collect(Collectors.groupingBy(ComposeService::moduleName, Collectors.counting())))
        .allSatisfy((module, instances) -> assertThat(instances).isEqualTo(2L));
    assertThat(cluster.vigilServices())
        .allSatisfy(s -> assertThat(resolve(s).activeProfiles()).contains("production"));
  }

  @Test
  void shouldKeepTheSingleBrokersInternalTopicsAtReplicationOne() {
    assertThat(FILES.get(0).kafkaBrokers())
        .singleElement()
        .satisfies(
            b ->
                assertThat(b.environment())
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1"));
  }

  @ParameterizedTest
  @MethodSource("files")
  void shouldRunTheKafkaOfTheClientsVersion(ComposeFile file) {
    assertThat(file.kafkaBrokers())
        .isNotEmpty()
        .allSatisfy(
            b -> assertThat(b.image()).isEqualTo("apache/kafka:" + AppInfoParser.getVersion()));
  }

  @ParameterizedTest
  @MethodSource("files")
  void shouldHealthCheckEveryContainer(ComposeFile file) {
    assertThat(file.services().values())
        .allSatisfy(s -> assertThat(s.healthcheck()).as(s.id()).isNotEmpty());
  }

  @ParameterizedTest
  @MethodSource("files")
  void shouldScrapeEveryServiceWherePrometheusLooksForIt(ComposeFile file) {
    Map<String, PrometheusConfig.Job> jobs = PrometheusConfig.load().jobsByName();

    for (ComposeService service : file.vigilServices()) {
      PrometheusConfig.Job job = jobs.get(service.moduleName());
      assertThat(job).as("scrape job %s", service.moduleName()).isNotNull();
      assertThat(job.metricsPath()).isEqualTo("/actuator/prometheus");
      assertThat(job.port()).isEqualTo(Integer.parseInt(resolve(service).get("server.port")));
      assertThat(service.networkNames()).containsAll(job.dnsNames());
    }
  }

  @Test
  void shouldHaveADashboardForEveryService() {
    Map<String, Dashboard> dashboards = Dashboard.perService();

    assertThat(dashboards.keySet())
        .containsExactlyInAnyOrderElementsOf(Repository.serviceModules());
  }

  @Test
  void shouldShowTheSamePanelsOnEveryServicesDashboard() {
    List<Dashboard> dashboards = List.copyOf(Dashboard.perService().values());

    assertThat(dashboards)
        .allSatisfy(d -> assertThat(d.panels()).isEqualTo(dashboards.get(0).panels()));
  }

  /**
   * Whether the service would see any property its files or the suite's defaults define
   * differently, or run other profiles, without the variable: it is a placeholder in those files,
   * or names one of their properties in Spring's relaxed form ({@code SERVER_PORT}).
   */
  private static boolean changesAProperty(
      String module, Map<String, String> variables, String variable) {
    Map<String, String> without = new LinkedHashMap<>(variables);
    without.remove(variable);
    ServiceConfiguration with = resolve(module, variables);
    ServiceConfiguration other = resolve(module, without);
    Set<String> keys = new TreeSet<>(with.definedKeys());
    keys.addAll(other.definedKeys());
    return !with.activeProfiles().equals(other.activeProfiles())
        || keys.stream().anyMatch(k -> !Objects.equals(with.get(k), other.get(k)));
  }

  private static ServiceConfiguration configuration(ServiceInFile service) {
    return resolve(service.service());
  }

  private static ServiceConfiguration resolve(ComposeService service) {
    return resolve(service.moduleName(), service.environment());
  }

  private static synchronized ServiceConfiguration resolve(
      String module, Map<String, String> variables) {
    return RESOLVED.computeIfAbsent(
        new ServiceKey(module, Map.copyOf(variables)),
        k -> ServiceConfiguration.resolve(k.module(), k.variables()));
  }

  private record ServiceKey(String module, Map<String, String> variables) {}

  /** A service container of one of the files; its name is what the test report shows. */
  record ServiceInFile(ComposeFile file, ComposeService service) {

    String moduleName() {
      return service.moduleName();
    }

    @Override
    public String toString() {
      return service.id() + " in " + file.name();
    }
  }
}
