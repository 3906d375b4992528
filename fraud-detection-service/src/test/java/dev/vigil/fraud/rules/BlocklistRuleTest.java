package dev.vigil.fraud.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.fraud.Verdict;
import dev.vigil.common.testing.TransactionBuilder;
import dev.vigil.fraud.FraudTopologyTestBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BlocklistRuleTest extends FraudTopologyTestBase {

  @Test
  void shouldDeclineAPaymentToABlocklistedMerchant() {
    setRule(BlocklistRule.ID, true, Map.of("merchants", List.of("merchant-shady")));

    pay(payment("t1").merchantId("merchant-shady").build());

    assertThat(decisions.readValue().decision()).isEqualTo(Verdict.DECLINE);
    assertThat(alertedRules()).containsExactly(List.of(BlocklistRule.ID));
  }

  @Test
  void shouldDeclineAPaymentInABlocklistedCountry() {
    setRule(BlocklistRule.ID, true, Map.of("countries", List.of("KP")));

    pay(payment("t1").in("KP", TransactionBuilder.AMSTERDAM).build());

    assertThat(decisions.readValue().decision()).isEqualTo(Verdict.DECLINE);
  }

  @Test
  void shouldApproveWhenNothingIsBlocklisted() {
    pay(payment("t1").merchantId("merchant-shady").build());

    assertThat(decisions.readValue().decision()).isEqualTo(Verdict.APPROVE);
    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void shouldApplyARemovalFromTheBlocklistToLaterPayments() {
    setRule(BlocklistRule.ID, true, Map.of("merchants", List.of("merchant-shady")));
    pay(payment("t1").merchantId("merchant-shady").build());
    setRule(BlocklistRule.ID, true, Map.of("merchants", List.of()));
    pay(payment("t2").merchantId("merchant-shady").at(ONE_MINUTE_LATER).build());

    assertThat(decisions.readValuesToList())
        .extracting(d -> d.decision())
        .containsExactly(Verdict.DECLINE, Verdict.APPROVE);
  }
}
