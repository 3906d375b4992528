package dev.vigil.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.fraud.Decision;
import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.fraud.SpendingProfile;
import dev.vigil.common.fraud.Verdict;
import dev.vigil.common.metrics.VigilMetrics;
import dev.vigil.common.testing.TopologyTopics;
import dev.vigil.common.testing.TransactionBuilder;
import dev.vigil.fraud.rules.VelocityRule;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FraudTopologyTest extends FraudTopologyTestBase {

  @Test
  void shouldReadAndWriteExactlyTheTopicsItsAclsGrant() {
    TopologyTopics used = TopologyTopics.of(topology);

    assertThat(used.reads()).isEqualTo(FraudTopics.SERVICE_ACCESS.readNames());
    assertThat(used.writes()).isEqualTo(FraudTopics.SERVICE_ACCESS.writeNames());
  }

  @Test
  void shouldDecideEveryPaymentOnceKeyedByTransactionId() {
    pay(
        payment("t1").build(),
        payment("t2").cardId("card-2").accountId("acct-2").at(ONE_SECOND_LATER).build());

    assertThat(decisions.readKeyValuesToList())
        .extracting(kv -> kv.key, kv -> kv.value.decision(), kv -> kv.value.riskScore())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("t1", Verdict.APPROVE, 0),
            org.assertj.core.groups.Tuple.tuple("t2", Verdict.APPROVE, 0));
    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldIgnoreARedeliveredDuplicate() {
    pay(payment("t1").build(), payment("t1").build());

    assertThat(decisions.readValuesToList())
        .extracting(Decision::transactionId)
        .containsExactly("t1");
  }

  @Test
  void shouldCombineRulesIntoOneAlertAndAStrongerVerdict() {
    setRule(VelocityRule.ID, true, Map.of("maxTransactions", 1));

    pay(
        payment("ams").build(),
        payment("nyc").in("US", TransactionBuilder.NEW_YORK).at(ONE_MINUTE_LATER).build());

    assertThat(alerts.readValuesToList())
        .singleElement()
        .satisfies(a -> assertThat(a.rules()).hasSize(2))
        .satisfies(a -> assertThat(a.riskScore()).isEqualTo(76))
        .satisfies(a -> assertThat(a.decision()).isEqualTo(Verdict.REVIEW));
  }

  @Test
  void shouldKeyAlertsByAccountAndEnrichThemWithTheAccount() {
    knownAccount("acct-1", new SpendingProfile(30, 10));
    setRule(VelocityRule.ID, true, Map.of("maxTransactions", 1));

    pay(payment("t1").build(), payment("t2").at(ONE_SECOND_LATER).build());

    assertThat(alerts.readKeyValue())
        .satisfies(kv -> assertThat(kv.key).isEqualTo("acct-1"))
        .satisfies(kv -> assertThat(kv.value.account().homeCountry()).isEqualTo("NL"));
  }

  @Test
  void shouldCountAlertsByTypeAndMeasureLatency() {
    setRule(VelocityRule.ID, true, Map.of("maxTransactions", 1));

    pay(payment("t1").build(), payment("t2").at(ONE_SECOND_LATER).build());

    assertThat(registry.get(VigilMetrics.ALERTS).tag("type", VelocityRule.ID).counter().count())
        .isEqualTo(1);
    assertThat(
            registry.get(VigilMetrics.LATENCY).tag("output", "payments.decisions").timer().count())
        .isEqualTo(2);
  }

  @Test
  void shouldForgetACardsHistoryOnceStreamTimePassesItsRetention() {
    pay(payment("old").build());
    pay(
        payment("other")
            .cardId("card-2")
            .accountId("acct-2")
            .at(BEGINNING.plus(Duration.ofHours(25)))
            .build());

    assertThat(kept("card-1")).isEmpty();
    assertThat(kept("card-2")).isNotEmpty();
  }

  @Test
  void shouldDecideButNotRememberAPaymentOlderThanTheRetention() {
    pay(payment("recent").at(BEGINNING.plus(Duration.ofHours(25))).build());
    pay(payment("too-late").at(BEGINNING).build());

    assertThat(decisions.readValuesToList())
        .extracting(Decision::transactionId)
        .containsExactly("recent", "too-late");
    assertThat(kept("card-1")).containsExactly("recent");
  }

  @Test
  void shouldScoreAgainstAtMostTheConfiguredPaymentsPerCard() {
    setRule(VelocityRule.ID, true, Map.of("maxTransactions", 1, "windowSeconds", 86_400));

    for (int i = 0; i < 120; i++) {
      pay(payment("t" + i).at(BEGINNING.plusSeconds(i * 10L)).build());
    }

    assertThat(alerts.readValuesToList())
        .last()
        .satisfies(a -> assertThat(a.rules().get(0).evidence()).containsEntry("count", 101));
    assertThat(decisions.readValuesToList()).hasSize(120);
  }
}
