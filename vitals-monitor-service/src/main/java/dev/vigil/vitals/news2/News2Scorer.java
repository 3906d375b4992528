package dev.vigil.vitals.news2;

import dev.vigil.common.vitals.Consciousness;
import dev.vigil.common.vitals.EarlyWarningScore;
import dev.vigil.common.vitals.Measurement;
import dev.vigil.common.vitals.Observations;
import dev.vigil.common.vitals.SubScores;
import dev.vigil.common.vitals.VitalSign;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleToIntFunction;

/**
 * A patient's score from the latest value of each parameter, at a point in event time. A value
 * older than the staleness limit at that time no longer counts; a score without all seven
 * parameters is partial, and its aggregate is a lower bound. In particular SpO2 on scale 2 with the
 * oxygen status unknown is scored as on air, its lowest score, and the score is partial.
 */
public final class News2Scorer {

  private News2Scorer() {}

  public static EarlyWarningScore score(
      String patientId, Observations latest, int spo2Scale, Instant at, Duration staleness) {
    Instant oldestCounted = at.minus(staleness);
    List<VitalSign> missing = new ArrayList<>();
    List<VitalSign> stale = new ArrayList<>();
    Set<VitalSign> used = EnumSet.noneOf(VitalSign.class);
    for (VitalSign sign : VitalSign.values()) {
      Measurement<?> measurement = latest.get(sign);
      if (measurement == null) {
        missing.add(sign);
      } else if (measurement.eventTime().isBefore(oldestCounted)) {
        stale.add(sign);
      } else {
        used.add(sign);
      }
    }
    Observations readings = latest.only(used);
    SubScores sub = subScores(readings, spo2Scale);
    int aggregate = 0;
    boolean anyThree = false;
    for (VitalSign sign : VitalSign.values()) {
      Integer score = sub.get(sign);
      if (score != null) {
        aggregate += score;
        anyThree |= score == 3;
      }
    }
    return new EarlyWarningScore(
        patientId,
        aggregate,
        News2.riskBand(aggregate, anyThree),
        !missing.isEmpty() || !stale.isEmpty(),
        sub,
        spo2Scale,
        missing,
        stale,
        readings,
        at);
  }

  /** The sub-score of each parameter present in {@code readings}, {@code null} for the others. */
  public static SubScores subScores(Observations readings, int spo2Scale) {
    boolean onOxygen =
        readings.supplementalOxygen() != null
            && Boolean.TRUE.equals(readings.supplementalOxygen().value());
    return new SubScores(
        valueOf(readings.respirationRate(), News2::respirationRate),
        readings.spo2() == null
            ? null
            : spo2Scale == 2
                ? News2.spo2Scale2(readings.spo2().value(), onOxygen)
                : News2.spo2Scale1(readings.spo2().value()),
        readings.supplementalOxygen() == null ? null : News2.airOrOxygen(onOxygen),
        valueOf(readings.systolicBloodPressure(), News2::systolicBloodPressure),
        valueOf(readings.pulse(), News2::pulse),
        consciousness(readings.consciousness()),
        valueOf(readings.temperature(), News2::temperature));
  }

  private static Integer valueOf(Measurement<Double> measurement, DoubleToIntFunction score) {
    return measurement == null ? null : score.applyAsInt(measurement.value());
  }

  private static Integer consciousness(Measurement<Consciousness> measurement) {
    return measurement == null ? null : News2.consciousness(measurement.value());
  }
}
