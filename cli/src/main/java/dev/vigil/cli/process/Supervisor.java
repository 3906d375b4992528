package dev.vigil.cli.process;

import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The processes one command started, stopped in reverse start order (services before the broker
 * they depend on) exactly once: on a normal end, an error, or Ctrl-C through a shutdown hook.
 */
public final class Supervisor {

  private final Deque<ChildProcess> started = new ArrayDeque<>();
  private final PrintWriter err;

  public Supervisor(PrintWriter err) {
    this.err = err;
  }

  public synchronized ChildProcess start(ChildProcess.Spec spec) {
    ChildProcess process = ChildProcess.start(spec);
    started.push(process);
    return process;
  }

  public synchronized boolean isEmpty() {
    return started.isEmpty();
  }

  public synchronized void stopAll() {
    while (!started.isEmpty()) {
      ChildProcess process = started.pop();
      err.print("Stopping " + process.name() + " (pid " + process.pid() + ")... ");
      err.flush();
      err.println(process.stop() ? "killed: it did not stop in time" : "stopped");
      err.flush();
    }
  }
}
