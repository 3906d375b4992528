package dev.vigil.localkafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.utils.Time;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Runs a single-node Kafka broker (KRaft, broker and controller in one JVM) until stopped. */
@Command(
    name = "local-kafka",
    description =
        "Runs a single-node Kafka broker (KRaft broker and controller in one process) "
            + "until SIGTERM or Ctrl-C. The data dir is formatted once and reused.")
public final class LocalKafka implements Callable<Integer> {

  static final String READY_PREFIX = "Kafka broker ready on ";
  static final String STOPPED_LINE = "Kafka broker stopped";
  static final int EXIT_FAILED = 1;
  static final int EXIT_IN_USE = 3;
  static final String LOG_LEVEL_PROPERTY = "local-kafka.log.level";

  private static final String LOG_CONFIG_PROPERTY = "log4j2.configurationFile";
  private static final String LOG_CONFIG = "local-kafka-log4j2.xml";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final String LOCK_FILE = "local-kafka.lock";

  /**
   * Held until the JVM exits (the OS releases it even after SIGKILL); kept reachable because a
   * collected channel is closed, which would release the lock early.
   */
  private static FileLock dataDirLock;

  enum LogLevel {
    OFF,
    ERROR,
    WARN,
    INFO,
    DEBUG,
    TRACE
  }

  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Option(
      names = "--port",
      defaultValue = "9092",
      description = "Broker (PLAINTEXT) port. Default: ${DEFAULT-VALUE}.")
  int port;

  @Option(names = "--controller-port", description = "KRaft controller port. Default: --port + 1.")
  Integer controllerPort;

  @Option(
      names = "--host",
      defaultValue = "localhost",
      description = "Host to listen on and advertise. Default: ${DEFAULT-VALUE}.")
  String host;

  @Option(
      names = "--data-dir",
      defaultValue = ".vigil/kafka",
      description = "Configuration, cluster id and topic data. Default: ${DEFAULT-VALUE}.")
  Path dataDir;

  @Option(
      names = "--partitions",
      defaultValue = "3",
      description = "Partitions of topics created without a count. Default: ${DEFAULT-VALUE}.")
  int partitions;

  @Option(
      names = "--log-level",
      defaultValue = "WARN",
      description =
          "Level of Kafka's own logs: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  LogLevel logLevel;

  @Option(
      names = "--sasl-scram",
      description =
          "Listen with SASL_PLAINTEXT and SCRAM-SHA-512 instead of PLAINTEXT, and enforce ACLs"
              + " (StandardAuthorizer): a user may do only what an ACL allows it, except the"
              + " super user --admin.")
  boolean saslScram;

  @Option(
      names = "--admin",
      paramLabel = "NAME=PASSWORD",
      defaultValue = "admin=admin-secret",
      description =
          "With --sasl-scram: the super user, created when the data dir is formatted."
              + " Default: ${DEFAULT-VALUE}.")
  String admin;

  @Option(
      names = "--scram-user",
      paramLabel = "NAME=PASSWORD",
      description =
          "With --sasl-scram: a SCRAM-SHA-512 user, created or given this password on every"
              + " start. Repeat for more users.")
  Map<String, String> scramUsers = new LinkedHashMap<>();

  @Option(
      names = "--stop-with-parent",
      hidden = true,
      description =
          "Stop when standard input closes, so that a launcher that dies, even by SIGKILL,"
              + " leaves no broker behind holding its ports.")
  boolean stopWithParent;

  public static void main(String[] args) {
    if (System.getProperty(LOG_CONFIG_PROPERTY) == null) {
      System.setProperty(LOG_CONFIG_PROPERTY, LOG_CONFIG);
    }
    System.exit(commandLine().execute(args));
  }

  static CommandLine commandLine() {
    return new CommandLine(new LocalKafka())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(
            (e, commandLine, parseResult) -> {
              commandLine.getErr().println("Could not run local Kafka: " + e);
              return EXIT_FAILED;
            });
  }

  BrokerSettings settings() {
    int controller = controllerPort == null ? port + 1 : controllerPort;
    requirePort("--port", port);
    requirePort("--controller-port", controller);
    if (controller == port) {
      throw new ParameterException(
          spec.commandLine(), "--controller-port must differ from --port (" + port + ")");
    }
    if (partitions < 1) {
      throw new ParameterException(spec.commandLine(), "--partitions must be at least 1");
    }
    if (new InetSocketAddress(host, 0).isUnresolved()) {
      throw new ParameterException(spec.commandLine(), "--host " + host + " does not resolve");
    }
    return new BrokerSettings(host, port, controller, dataDir, partitions, scram());
  }

  private ScramSecurity scram() {
    if (!saslScram) {
      if (!scramUsers.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--scram-user needs --sasl-scram");
      }
      return null;
    }
    int separator = admin.indexOf('=');
    if (separator < 1) {
      throw new ParameterException(
          spec.commandLine(), "--admin must be NAME=PASSWORD, not " + admin);
    }
    try {
      return new ScramSecurity(
          admin.substring(0, separator), admin.substring(separator + 1), scramUsers);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private void requirePort(String option, int value) {
    if (value < 1 || value > 65535) {
      throw new ParameterException(
          spec.commandLine(), option + " must be between 1 and 65535, not " + value);
    }
  }

  @Override
  public Integer call() throws IOException {
    BrokerSettings settings = settings();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();

    Optional<String> portProblem = PortCheck.problem(settings);
    if (portProblem.isPresent()) {
      err.println(portProblem.get());
      return EXIT_IN_USE;
    }
    if (!lockDataDir(settings.dataDir())) {
      err.println(
          "Data dir "
              + settings.dataDir()
              + " is in use by another local Kafka broker: stop it, or pass another --data-dir.");
      return EXIT_IN_USE;
    }

    System.setProperty(LOG_LEVEL_PROPERTY, logLevel.name());
    String clusterId = ClusterId.loadOrCreate(settings.dataDir());
    Path config = settings.writeServerProperties();
    try {
      formatStorageOnce(settings, config, clusterId, out);
    } catch (RuntimeException e) {
      err.println("Could not format Kafka storage in " + settings.logDir() + ": " + e.getMessage());
      return EXIT_FAILED;
    }
    return runBroker(settings, out, err);
  }

  /**
   * Kafka locks its log dir only after the controller has started writing the metadata log, so a
   * second broker on the same dir (on other ports) corrupts the running one's metadata first.
   */
  private static synchronized boolean lockDataDir(Path dataDir) throws IOException {
    Files.createDirectories(dataDir);
    FileChannel channel =
        FileChannel.open(
            dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = channel.tryLock();
    if (lock == null) {
      channel.close();
      return false;
    }
    dataDirLock = lock;
    return true;
  }

  private static void formatStorageOnce(
      BrokerSettings settings, Path config, String clusterId, PrintWriter out) {
    if (Files.exists(settings.logDir().resolve("meta.properties"))) {
      return;
    }
    ByteArrayOutputStream toolOutput = new ByteArrayOutputStream();
    List<String> args =
        new ArrayList<>(
            List.of("format", "--config", config.toString(), "--cluster-id", clusterId));
    if (settings.scram() != null) {
      args.addAll(List.of("--add-scram", settings.scram().formatArgument()));
    }
    int exitCode =
        StorageTool.execute(
            args.toArray(String[]::new), new PrintStream(toolOutput, true, StandardCharsets.UTF_8));
    if (exitCode != 0) {
      throw new IllegalStateException(toolOutput.toString(StandardCharsets.UTF_8).strip());
    }
    out.println(
        "Formatted new Kafka storage in " + settings.logDir() + " (cluster id " + clusterId + ")");
  }

  private int runBroker(BrokerSettings settings, PrintWriter out, PrintWriter err) {
    AtomicBoolean ready = new AtomicBoolean();
    AtomicBoolean stopRequested = new AtomicBoolean();
    KafkaRaftServer server;
    try {
      server =
          new KafkaRaftServer(KafkaConfig.fromProps(settings.toProperties(), false), Time.SYSTEM);
    } catch (RuntimeException e) {
      err.println("Invalid Kafka configuration: " + e.getMessage());
      return EXIT_FAILED;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  stopRequested.set(true);
                  server.shutdown();
                  if (ready.get()) {
                    out.println(STOPPED_LINE);
                  }
                },
                "local-kafka-shutdown"));
    try {
      server.startup();
      awaitReady(settings);
      upsertScramUsers(settings);
    } catch (RuntimeException e) {
      err.println("Kafka broker failed to start: " + e.getMessage());
      return EXIT_FAILED;
    }
    ready.set(true);
    out.println(
        READY_PREFIX
            + settings.bootstrapServers()
            + " (data: "
            + settings.dataDir()
            + (settings.scram() == null
                ? ""
                : "; "
                    + ScramSecurity.PROTOCOL
                    + " "
                    + ScramSecurity.MECHANISM
                    + ", ACLs enforced, super user "
                    + settings.scram().admin())
            + ")");
    if (stopWithParent) {
      exitWhenClosed(System.in);
    }
    server.awaitShutdown();
    if (!stopRequested.get()) {
      err.println("Kafka broker stopped unexpectedly: see its log above.");
      return EXIT_FAILED;
    }
    return 0;
  }

  /** Startup returns once the broker is unfenced; this proves clients can reach it too. */
  private static void awaitReady(BrokerSettings settings) {
    try (Admin admin = admin(settings)) {
      admin.describeCluster().clusterId().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the broker", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AuthenticationException) {
        throw new IllegalStateException(
            "the super user "
                + settings.scram().admin()
                + " cannot log in: was "
                + settings.dataDir()
                + " formatted without --sasl-scram or with another --admin password? Use"
                + " another --data-dir.",
            e);
      }
      throw notAnswering(settings, e);
    } catch (TimeoutException e) {
      throw notAnswering(settings, e);
    }
  }

  private static IllegalStateException notAnswering(BrokerSettings settings, Exception e) {
    return new IllegalStateException(
        "the broker did not answer on "
            + settings.bootstrapServers()
            + " within "
            + READY_TIMEOUT.toSeconds()
            + " s",
        e);
  }

  /** Upserts, so that a user added or a password changed between starts takes effect. */
  private static void upsertScramUsers(BrokerSettings settings) {
    if (settings.scram() == null || settings.scram().users().isEmpty()) {
      return;
    }
    List<UserScramCredentialAlteration> upserts = new ArrayList<>();
    settings
        .scram()
        .users()
        .forEach(
            (user, password) ->
                upserts.add(
                    new UserScramCredentialUpsertion(
                        user,
                        new ScramCredentialInfo(
                            ScramMechanism.SCRAM_SHA_512, ScramSecurity.ITERATIONS),
                        password)));
    try (Admin admin = admin(settings)) {
      admin
          .alterUserScramCredentials(upserts)
          .all()
          .get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating SCRAM users", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("could not create the SCRAM users", e);
    }
  }

  private static Admin admin(BrokerSettings settings) {
    Map<String, Object> config = settings.adminClientProperties();
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) READY_TIMEOUT.toMillis());
    return Admin.create(config);
  }

  private static void exitWhenClosed(InputStream stdin) {
    Thread watcher =
        new Thread(
            () -> {
              drain(stdin);
              System.exit(0);
            },
            "local-kafka-parent-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static void drain(InputStream stdin) {
    try {
      while (stdin.read() != -1) {
        // The launcher never writes: reading only detects that its end of the pipe is gone.
      }
    } catch (IOException e) {
      // A broken pipe means the launcher is gone, exactly like end of stream.
    }
  }
}
