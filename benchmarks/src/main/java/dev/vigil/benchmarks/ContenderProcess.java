package dev.vigil.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A contender running as its own JVM, with its output and GC log in files. */
final class ContenderProcess implements AutoCloseable {

  /** Spring's graceful shutdown, then Kafka Streams commits and closes its state stores. */
  private static final Duration STOP_GRACE = Duration.ofSeconds(60);

  /** A collection in the unified GC log: heap used before and after it, and the heap's size. */
  private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  private final String name;
  private final Process process;
  private final Path log;
  private final Path gcLog;

  private ContenderProcess(String name, Process process, Path log, Path gcLog) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.gcLog = gcLog;
  }

  static ContenderProcess start(String name, List<String> command, Path log, Path gcLog) {
    try {
      Files.createDirectories(log.getParent());
      Files.deleteIfExists(gcLog);
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new ContenderProcess(name, process, log, gcLog);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + name, e);
    }
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Fails with the end of the process's log if it has exited. */
  void checkAlive() {
    if (!process.isAlive()) {
      throw new IllegalStateException(
          name
              + " exited with code "
              + process.exitValue()
              + "; its log "
              + log
              + " ends:\n"
              + lastLines(30));
    }
  }

  /** The most memory the process has had resident so far (Linux: VmHWM), in bytes; -1 elsewhere. */
  long peakRssBytes() {
    Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
    try (Stream<String> lines = Files.lines(status)) {
      return lines
          .filter(line -> line.startsWith("VmHWM:"))
          .map(line -> line.replaceAll("\\D", ""))
          .mapToLong(kb -> Long.parseLong(kb) * 1024)
          .findFirst()
          .orElse(-1);
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  /** The heap in use before and after collections, from the GC log, in MiB. */
  HeapUse heapUse() {
    long before = 0;
    long after = 0;
    try (Stream<String> lines = Files.exists(gcLog) ? Files.lines(gcLog) : Stream.empty()) {
      for (String line : (Iterable<String>) lines::iterator) {
        Matcher m = GC_LINE.matcher(line);
        if (m.find()) {
          before = Math.max(before, Long.parseLong(m.group(1)));
          after = Math.max(after, Long.parseLong(m.group(2)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new HeapUse(before, after);
  }

  /** Peak heap used (before a collection) and the largest heap a collection left behind. */
  record HeapUse(long peakMiB, long peakAfterGcMiB) {}

  String lastLines(int count) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
