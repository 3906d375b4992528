package dev.vigil.cli;

import picocli.CommandLine.Option;

/** The {@code --bootstrap-servers} option of every command that talks to Kafka. */
public final class BootstrapServers {

  public static final String VARIABLE = "KAFKA_BOOTSTRAP_SERVERS";
  public static final String LOCAL = "localhost:9092";

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT[,...]",
      defaultValue = "${env:" + VARIABLE + ":-" + LOCAL + "}",
      description = "Kafka to connect to. Default: $" + VARIABLE + ", or " + LOCAL + ".")
  String servers;

  public String servers() {
    return servers;
  }
}
