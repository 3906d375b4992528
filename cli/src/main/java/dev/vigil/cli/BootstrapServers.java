package dev.vigil.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --bootstrap-servers} and {@code --command-config} options of every command that talks
 * to Kafka.
 */
public final class BootstrapServers {

  public static final String VARIABLE = "KAFKA_BOOTSTRAP_SERVERS";
  public static final String CONFIG_VARIABLE = "VIGIL_KAFKA_CONFIG";
  public static final String LOCAL = "localhost:9092";

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT[,...]",
      defaultValue = "${env:" + VARIABLE + ":-" + LOCAL + "}",
      description = "Kafka to connect to. Default: $" + VARIABLE + ", or " + LOCAL + ".")
  String servers;

  @Option(
      names = "--command-config",
      paramLabel = "FILE",
      defaultValue = "${env:" + CONFIG_VARIABLE + "}",
      description =
          "Kafka client properties for a secured cluster (security.protocol, sasl.mechanism,"
              + " sasl.jaas.config, ssl.*), as Kafka's own tools take them. Default: $"
              + CONFIG_VARIABLE
              + ", or none.")
  Path commandConfig;

  public String servers() {
    return servers;
  }

  /** The client properties file, or {@code null} for none. */
  public Path commandConfig() {
    return commandConfig;
  }

  public KafkaConnection connection() {
    return commandConfig == null
        ? KafkaConnection.plain(servers)
        : KafkaConnection.withClientConfig(servers, commandConfig);
  }
}
