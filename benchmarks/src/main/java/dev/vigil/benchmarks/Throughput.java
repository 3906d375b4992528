package dev.vigil.benchmarks;

import java.time.Duration;

/**
 * Times a contender through the preloaded input: from the moment its committed offsets pass the
 * warm-up share of the input to the moment they reach the end, and its repartition topics are read
 * to their end too. A committed offset means the outputs of every record before it are written
 * (flushed under at-least-once, in a committed transaction under exactly-once), so this is the time
 * to consume the input and write every output, including those of the sub-topologies behind a
 * repartition (timing the input alone measured only a repartitioning service's first one).
 */
final class Throughput {

  private static final Duration POLL = Duration.ofMillis(100);

  private Throughput() {}

  /** Seconds and events of the timed part of the run. */
  record Timing(double seconds, long events) {}

  static Timing await(
      Cluster cluster,
      ContenderProcess process,
      String group,
      String topic,
      long total,
      long warmup,
      Duration stallTimeout)
      throws InterruptedException {
    long progressAt = System.nanoTime();
    long lastCommitted = -1;
    long lastBacklog = Long.MAX_VALUE;
    long warmAt = -1;
    long warmCommitted = 0;
    while (true) {
      process.checkAlive();
      long committed = cluster.committed(group, topic);
      long now = System.nanoTime();
      if (committed > lastCommitted) {
        progressAt = now;
        lastCommitted = committed;
      }
      if (warmAt < 0 && committed >= warmup) {
        warmAt = now;
        warmCommitted = committed;
      }
      if (committed >= total) {
        long backlog = cluster.repartitionBacklog(group);
        if (backlog == 0) {
          // A run too short to be seen between two polls counts one poll interval.
          double seconds = Math.max(now - warmAt, POLL.toNanos()) / 1e9;
          return new Timing(seconds, committed - warmCommitted);
        }
        if (backlog < lastBacklog) {
          progressAt = now;
          lastBacklog = backlog;
        }
      }
      if (now - progressAt > stallTimeout.toNanos()) {
        throw new IllegalStateException(
            process.name()
                + " committed "
                + committed
                + " of "
                + total
                + " records, and nothing more for "
                + stallTimeout.toMinutes()
                + " min");
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /**
   * Waits until the group has committed the whole topic as it is now.
   *
   * @return how many records it had left to commit
   */
  static long awaitCaughtUp(
      Cluster cluster, ContenderProcess process, String group, String topic, Duration stallTimeout)
      throws InterruptedException {
    long end = Cluster.sum(cluster.endOffsets(topic));
    long before = cluster.committed(group, topic);
    await(cluster, process, group, topic, end, 0, stallTimeout);
    return end - before;
  }

  /** Waits until the group commits beyond {@code before}: the contender is processing again. */
  static double awaitProgress(
      Cluster cluster,
      ContenderProcess process,
      String group,
      String topic,
      long before,
      Duration timeout)
      throws InterruptedException {
    long begin = System.nanoTime();
    while (cluster.committed(group, topic) <= before) {
      process.checkAlive();
      if (System.nanoTime() - begin > timeout.toNanos()) {
        throw new IllegalStateException(
            process.name() + " did not commit again within " + timeout.toMinutes() + " min");
      }
      Thread.sleep(POLL.toMillis());
    }
    return (System.nanoTime() - begin) / 1e9;
  }
}
