package dev.vigil.vitals;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Vitals monitoring settings ({@code vigil.vitals.*}).
 *
 * @param staleness how old, in event time, a parameter's latest value may be, relative to the
 *     patient's newest reading, and still count; also how late an out-of-order reading may arrive
 *     and still be used
 * @param trendWindow how far back, in event time, a rise of the aggregate counts as deterioration
 * @param deteriorationRise by how much the aggregate must rise within the trend window
 * @param silenceTimeout how long, in wall-clock time, an admitted patient's monitor may send
 *     nothing before MONITOR_SILENT
 * @param silenceCheckInterval how often, in wall-clock time, monitors are checked for silence and
 *     discharged patients' state is removed
 * @param unknownPatientRetention how long, in wall-clock time since their last reading, the state
 *     of a patient with no admission on {@code vitals.patients} is kept
 */
@ConfigurationProperties("vigil.vitals")
public record VitalsProperties(
    @DefaultValue("15m") Duration staleness,
    @DefaultValue("60m") Duration trendWindow,
    @DefaultValue("3") int deteriorationRise,
    @DefaultValue("5m") Duration silenceTimeout,
    @DefaultValue("30s") Duration silenceCheckInterval,
    @DefaultValue("24h") Duration unknownPatientRetention) {

  /** The built-in defaults, as a configuration without any {@code vigil.vitals} entries gets. */
  public static VitalsProperties defaults() {
    return new VitalsProperties(
        Duration.ofMinutes(15),
        Duration.ofMinutes(60),
        3,
        Duration.ofMinutes(5),
        Duration.ofSeconds(30),
        Duration.ofHours(24));
  }
}
