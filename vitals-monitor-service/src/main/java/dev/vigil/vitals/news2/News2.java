package dev.vigil.vitals.news2;

import dev.vigil.common.vitals.Consciousness;
import dev.vigil.common.vitals.RiskBand;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The National Early Warning Score 2 (Royal College of Physicians, 2017), parameter by parameter:
 * pure functions of one value each. Integer parameters are rounded half-up before scoring, so 20.5
 * breaths a minute scores as 21; temperature is rounded half-up to one decimal.
 */
public final class News2 {

  private News2() {}

  public static int respirationRate(double perMinute) {
    long rate = rounded(perMinute);
    if (rate <= 8) {
      return 3;
    }
    if (rate <= 11) {
      return 1;
    }
    if (rate <= 20) {
      return 0;
    }
    return rate <= 24 ? 2 : 3;
  }

  /** SpO2 on scale 1, for most patients. */
  public static int spo2Scale1(double percent) {
    long spo2 = rounded(percent);
    if (spo2 <= 91) {
      return 3;
    }
    if (spo2 <= 93) {
      return 2;
    }
    return spo2 <= 95 ? 1 : 0;
  }

  /**
   * SpO2 on scale 2, for hypercapnic respiratory failure with a target of 88–92 %: at 93 % or more
   * a patient on air scores 0, one on oxygen is over-oxygenated and scores 1–3.
   */
  public static int spo2Scale2(double percent, boolean onOxygen) {
    long spo2 = rounded(percent);
    if (spo2 <= 83) {
      return 3;
    }
    if (spo2 <= 85) {
      return 2;
    }
    if (spo2 <= 87) {
      return 1;
    }
    if (spo2 <= 92 || !onOxygen) {
      return 0;
    }
    if (spo2 <= 94) {
      return 1;
    }
    return spo2 <= 96 ? 2 : 3;
  }

  /** The "air or oxygen" parameter. */
  public static int airOrOxygen(boolean onOxygen) {
    return onOxygen ? 2 : 0;
  }

  public static int systolicBloodPressure(double mmHg) {
    long systolic = rounded(mmHg);
    if (systolic <= 90) {
      return 3;
    }
    if (systolic <= 100) {
      return 2;
    }
    if (systolic <= 110) {
      return 1;
    }
    return systolic <= 219 ? 0 : 3;
  }

  public static int pulse(double perMinute) {
    long pulse = rounded(perMinute);
    if (pulse <= 40) {
      return 3;
    }
    if (pulse <= 50) {
      return 1;
    }
    if (pulse <= 90) {
      return 0;
    }
    if (pulse <= 110) {
      return 1;
    }
    return pulse <= 130 ? 2 : 3;
  }

  /** Alert scores 0; new confusion, or responding only to voice or pain, or not at all, 3. */
  public static int consciousness(Consciousness level) {
    return level == Consciousness.ALERT ? 0 : 3;
  }

  public static int temperature(double celsius) {
    long tenths =
        BigDecimal.valueOf(celsius).movePointRight(1).setScale(0, RoundingMode.HALF_UP).longValue();
    if (tenths <= 350) {
      return 3;
    }
    if (tenths <= 360) {
      return 1;
    }
    if (tenths <= 380) {
      return 0;
    }
    return tenths <= 390 ? 1 : 2;
  }

  /**
   * The clinical risk of an aggregate: a 3 in any single parameter raises an aggregate below 5 to
   * low-medium, since one extreme value calls for an urgent ward-based response on its own.
   */
  public static RiskBand riskBand(int aggregate, boolean anySingleThree) {
    if (aggregate >= 7) {
      return RiskBand.HIGH;
    }
    if (aggregate >= 5) {
      return RiskBand.MEDIUM;
    }
    if (anySingleThree) {
      return RiskBand.LOW_MEDIUM;
    }
    return aggregate == 0 ? RiskBand.NONE : RiskBand.LOW;
  }

  private static long rounded(double value) {
    return BigDecimal.valueOf(value).setScale(0, RoundingMode.HALF_UP).longValue();
  }
}
