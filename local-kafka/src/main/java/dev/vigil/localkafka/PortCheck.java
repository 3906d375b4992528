package dev.vigil.localkafka;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;

/** Finds a taken port before Kafka does, so the user gets one clear line instead of a trace. */
final class PortCheck {

  private PortCheck() {}

  static Optional<String> problem(BrokerSettings settings) {
    if (!isFree(settings.host(), settings.port())) {
      return Optional.of(
          "Port "
              + settings.port()
              + " is already in use: is another Kafka broker running? Stop it, or pass --port"
              + " / set KAFKA_BOOTSTRAP_SERVERS to use it.");
    }
    if (!isFree(settings.host(), settings.controllerPort())) {
      return Optional.of(
          "Controller port "
              + settings.controllerPort()
              + " is already in use: is another Kafka broker running? Stop it, or pass"
              + " --controller-port.");
    }
    return Optional.empty();
  }

  /** Binds the address the way Kafka's acceptor will, which a connect attempt cannot tell. */
  static boolean isFree(String host, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
