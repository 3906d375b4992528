package dev.vigil.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where Kafka is, and how to log in to it: the client settings of a properties file (such as {@code
 * security.protocol}, {@code sasl.*}, {@code ssl.*}), as Kafka's own tools take with {@code
 * --command-config}.
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> clientProperties) {

  public KafkaConnection {
    clientProperties = Map.copyOf(clientProperties);
  }

  /** A cluster that lets anyone in, like the local broker {@code ./vigil demo} starts. */
  public static KafkaConnection plain(String bootstrapServers) {
    return new KafkaConnection(bootstrapServers, Map.of());
  }

  /**
   * With the settings of a client properties file; its {@code bootstrap.servers}, if any, yields to
   * the one given, so that one file serves every cluster that shares the credentials.
   */
  public static KafkaConnection withClientConfig(String bootstrapServers, Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UserException("Cannot read the Kafka client configuration " + file + ": " + e, e);
    }
    Map<String, String> settings = new HashMap<>();
    properties
        .stringPropertyNames()
        .forEach(name -> settings.put(name, properties.getProperty(name)));
    settings.remove("bootstrap.servers");
    return new KafkaConnection(bootstrapServers, settings);
  }
}
