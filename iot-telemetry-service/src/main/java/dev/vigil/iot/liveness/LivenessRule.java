package dev.vigil.iot.liveness;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.AlertType;
import dev.vigil.common.iot.Device;
import dev.vigil.iot.IotProperties;
import dev.vigil.iot.ingest.Reading;
import dev.vigil.iot.rules.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * {@code DEVICE_OFFLINE} when a device has sent nothing for {@code missedIntervals} times its
 * expected interval, and {@code DEVICE_ONLINE}, which closes it, at its next reading.
 *
 * <p>Silence is measured on the wall clock, from when readings arrive, not from their event times:
 * a device replaying its history is reporting now. Stream time only moves when records arrive, so
 * it would never notice that the last device of a partition, or all of them, went quiet; the caller
 * checks each device when its deadline passes, on the wall clock.
 */
public final class LivenessRule {

  private final IotProperties.Offline settings;

  public LivenessRule(IotProperties.Offline settings) {
    this.settings = settings;
  }

  /**
   * The device's liveness after a reading arrived {@code now} ({@code before} is {@code null} for
   * its first), and its {@code DEVICE_ONLINE} if it was offline.
   */
  public Step<Liveness> arrived(Liveness before, Reading reading, Instant now) {
    Alert online = null;
    Instant lastSeen = reading.eventTime();
    if (before != null) {
      if (!before.online()) {
        Duration silent = Duration.between(before.lastArrival(), now);
        online =
            before
                .offline()
                .close(
                    AlertType.DEVICE_ONLINE,
                    Map.of("silentSeconds", (double) silent.toSeconds()),
                    now);
      }
      if (before.lastSeen().isAfter(lastSeen)) {
        lastSeen = before.lastSeen();
      }
    }
    Instant deadline =
        now.plus(expectedInterval(reading.device()).multipliedBy(settings.missedIntervals()));
    return new Step<>(new Liveness(reading.zone(), lastSeen, now, deadline, null), online);
  }

  /**
   * The device's liveness at {@code now}, and its {@code DEVICE_OFFLINE} if it just went silent.
   */
  public Step<Liveness> check(String deviceId, Liveness device, Instant now) {
    if (!device.online() || device.deadline().isAfter(now)) {
      return Step.quiet(device);
    }
    Duration silent = Duration.between(device.lastArrival(), now);
    Duration interval =
        Duration.between(device.lastArrival(), device.deadline())
            .dividedBy(settings.missedIntervals());
    Alert offline =
        Alert.open(
            AlertType.DEVICE_OFFLINE,
            deviceId,
            device.zone(),
            null,
            Map.of(
                "expectedIntervalSeconds", (double) interval.toSeconds(),
                "silentSeconds", (double) silent.toSeconds()),
            now,
            now);
    return new Step<>(
        new Liveness(
            device.zone(), device.lastSeen(), device.lastArrival(), device.deadline(), offline),
        offline);
  }

  private Duration expectedInterval(Device device) {
    return device == null || device.expectedIntervalSeconds() == null
        ? settings.defaultExpectedInterval()
        : Duration.ofSeconds(device.expectedIntervalSeconds());
  }
}
