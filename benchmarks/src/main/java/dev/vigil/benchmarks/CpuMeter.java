package dev.vigil.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The CPU time of the processes a latency segment runs on (the contender, the broker and the
 * harness itself) and of the whole machine, read from Linux's {@code /proc}: it tells a contender
 * that is slow from a machine that is full. Elsewhere every figure is {@link Double#NaN}.
 */
final class CpuMeter {

  /** Linux reports process CPU time in clock ticks of 1/100 s (USER_HZ) on every architecture. */
  private static final double TICKS_PER_SECOND = 100;

  private static final Path MACHINE = Path.of("/proc/stat");

  private final long contenderPid;
  private final long brokerPid;

  /**
   * CPU used between two readings: per process in percent of one core, and the machine's busy share
   * of all its cores in percent.
   */
  record Use(double contender, double broker, double harness, double machine) {}

  /** The counters at one moment, in seconds of CPU (per process) and in ticks (machine). */
  record Reading(long nanos, double contender, double broker, double harness, long[] machine) {}

  CpuMeter(long contenderPid, long brokerPid) {
    this.contenderPid = contenderPid;
    this.brokerPid = brokerPid;
  }

  Reading read() {
    return new Reading(
        System.nanoTime(),
        processSeconds(contenderPid),
        processSeconds(brokerPid),
        processSeconds(ProcessHandle.current().pid()),
        machineTicks());
  }

  static Use between(Reading from, Reading to) {
    double seconds = (to.nanos() - from.nanos()) / 1e9;
    return new Use(
        100 * (to.contender() - from.contender()) / seconds,
        100 * (to.broker() - from.broker()) / seconds,
        100 * (to.harness() - from.harness()) / seconds,
        machineBusy(from.machine(), to.machine()));
  }

  /** User plus system time of a process, from fields 14 and 15 of its {@code stat}. */
  private static double processSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      // The command name (field 2) is in parentheses and may hold spaces; count from after it.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** The machine's "cpu" line: ticks spent in each state, summed over all cores. */
  private static long[] machineTicks() {
    try {
      String first = Files.readAllLines(MACHINE).get(0);
      return Arrays.stream(first.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
    } catch (IOException | RuntimeException e) {
      return new long[0];
    }
  }

  /** Busy share: everything but idle (4th) and I/O wait (5th). */
  private static double machineBusy(long[] from, long[] to) {
    if (from.length < 5 || to.length != from.length) {
      return Double.NaN;
    }
    long total = 0;
    long idle = 0;
    for (int i = 0; i < from.length; i++) {
      long delta = to[i] - from[i];
      // Guest time (9th, 10th) is counted in user time already.
      if (i < 8) {
        total += delta;
      }
      if (i == 3 || i == 4) {
        idle += delta;
      }
    }
    return total == 0 ? Double.NaN : 100.0 * (total - idle) / total;
  }
}
