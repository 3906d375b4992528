package dev.vigil.cli.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.vitals.AlertType;
import dev.vigil.common.vitals.RiskBand;
import dev.vigil.common.vitals.SubScores;
import dev.vigil.common.vitals.VitalsAlert;
import dev.vigil.common.vitals.VitalsTopics;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class VitalsAlertFormatTest {

  private static final Instant MORNING = Instant.parse("2026-03-02T09:01:00Z");

  private final AlertFormat format = new VitalsAlertFormat();

  @Test
  void shouldShowTheBandWhereThePatientIsAndWhyButNotThePatientId() {
    VitalsAlert alert =
        new VitalsAlert(
            AlertType.ESCALATION,
            "p-1042",
            "ward-7",
            "12",
            10,
            RiskBand.HIGH,
            0,
            RiskBand.NONE,
            false,
            new SubScores(3, 3, 0, 0, 2, 0, 2),
            "NEWS2 10, high risk, up from 0 (none): emergency response",
            null,
            MORNING);

    assertThat(format.format(json(alert)).render("vitals", ZoneOffset.UTC))
        .isEqualTo(
            "09:01:00  vitals  HIGH     ward-7 bed 12  "
                + "NEWS2 10, high risk, up from 0 (none): emergency response")
        .doesNotContain("p-1042");
  }

  @Test
  void shouldNameASilentMonitor() {
    VitalsAlert alert =
        new VitalsAlert(
            AlertType.MONITOR_SILENT,
            "p-1042",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            "no reading for 5 min",
            MORNING,
            MORNING);

    assertThat(format.format(json(alert)).render("vitals", ZoneOffset.UTC))
        .isEqualTo("09:01:00  vitals  SILENT   no admission  no reading for 5 min");
  }

  private static byte[] json(VitalsAlert alert) {
    return VitalsTopics.ALERTS
        .valueSerde()
        .serializer()
        .serialize(VitalsTopics.ALERTS.name(), alert);
  }
}
