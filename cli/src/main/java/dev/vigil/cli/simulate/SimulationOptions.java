package dev.vigil.cli.simulate;

import dev.vigil.cli.UserException;
import dev.vigil.cli.service.VigilService;
import dev.vigil.simulator.Disorder;
import dev.vigil.simulator.SampleStream;
import dev.vigil.simulator.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Option;

/** How to simulate: the options that {@code simulate} and {@code demo} share. */
public final class SimulationOptions {

  /**
   * How long before the start the vitals stream begins: its deteriorations take 30 to 90 minutes,
   * and a short run should still contain whole ones. Monitors replay those hours at once.
   */
  public static final Duration VITALS_HISTORY = Duration.ofHours(4);

  /** Likewise for the city's sensors, whose incidents last minutes (congestion, drift). */
  public static final Duration IOT_HISTORY = Duration.ofMinutes(15);

  /** The shop's share of the rate when payments run too. */
  private static final double SHOP_SHARE = 0.2;

  @Option(
      names = "--rate",
      defaultValue = "25",
      paramLabel = "PER_SECOND",
      description =
          "Payments and shop activity per second, together (1-10000; with both, the shop gets a"
              + " fifth). Monitors and sensors report at their own pace. Default: ${DEFAULT-VALUE}.")
  int rate;

  @Option(
      names = "--seed",
      defaultValue = "42",
      description = "Seed; the same seed gives the same stream. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--entities",
      paramLabel = "N",
      description =
          "Accounts, shoppers, patients and devices per domain. Default: each domain's own (60"
              + " accounts per payment per second, 200 shoppers, 40 patients, 24 devices).")
  Integer entities;

  @Option(
      names = "--incident-ratio",
      paramLabel = "RATIO",
      description =
          "How often incidents happen, 0-1: per everyday payment (default 0.01), per patient-hour"
              + " (0.15) and per device-minute (0.25).")
  Double incidentRatio;

  @Option(
      names = "--malformed-ratio",
      defaultValue = "0",
      paramLabel = "RATIO",
      description =
          "Share of events followed by a malformed record on the same topic, for the dead-letter"
              + " paths. Default: ${DEFAULT-VALUE}.")
  double malformedRatio;

  public int rate() {
    return rate;
  }

  public long seed() {
    return seed;
  }

  public void validate() {
    if (rate < 1 || rate > 10_000) {
      throw new UserException("--rate must be between 1 and 10000");
    }
    if (entities != null && entities < 1) {
      throw new UserException("--entities must be at least 1");
    }
    if (incidentRatio != null && !(incidentRatio >= 0 && incidentRatio <= 1)) {
      throw new UserException("--incident-ratio must be between 0 and 1");
    }
    if (!(malformedRatio >= 0 && malformedRatio <= 1)) {
      throw new UserException("--malformed-ratio must be between 0 and 1");
    }
  }

  /** One stream per service, all starting at {@code start} (vitals with its history). */
  public List<SampleStream> streams(List<VigilService> services, Instant start) {
    boolean both =
        services.stream().anyMatch(s -> s.label().equals("fraud"))
            && services.stream().anyMatch(s -> s.label().equals("shop"));
    return services.stream()
        .map(
            s -> {
              int share =
                  switch (s.label()) {
                    case "fraud" -> both ? (int) Math.round(rate * (1 - SHOP_SHARE)) : rate;
                    case "shop" -> both ? (int) Math.round(rate * SHOP_SHARE) : rate;
                    default -> rate;
                  };
              Duration history =
                  switch (s.label()) {
                    case "vitals" -> VITALS_HISTORY;
                    case "iot" -> IOT_HISTORY;
                    default -> Duration.ZERO;
                  };
              return s.sample()
                  .apply(
                      new Scenario(
                          seed, start, Math.max(1, share), entities, incidentRatio, history));
            })
        .toList();
  }

  public Disorder disorder() {
    return Disorder.realistic(seed, malformedRatio);
  }
}
