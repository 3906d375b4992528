package dev.vigil.cli.demo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Whether something already listens on a local port. */
final class PortProbe {

  private static final int CONNECT_TIMEOUT_MS = 500;

  private PortProbe() {}

  static boolean inUse(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), CONNECT_TIMEOUT_MS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
