package dev.vigil.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

  @Test
  void shouldFindTheMetricOfASelector() {
    assertThat(PromQl.metricNames("up{job=~\".+-service\"} == 0")).containsExactly("up");
  }

  @Test
  void shouldIgnoreFunctionsAggregationsAndTheirLabels() {
    assertThat(
            PromQl.metricNames(
                "histogram_quantile(0.99, sum by (service, output, le)"
                    + " (rate(vigil_e2e_latency_seconds_bucket{service=\"$service\"}[$__rate_interval])))"))
        .containsExactly("vigil_e2e_latency_seconds_bucket");
  }

  @Test
  void shouldFindBothSidesOfABinaryOperator() {
    assertThat(
            PromQl.metricNames(
                "sum without (instance, job) (a_total) / on (service) group_left (type) b_bytes"
                    + " unless c offset 5m"))
        .containsExactly("a_total", "b_bytes", "c");
  }

  @Test
  void shouldIgnoreNumbersDurationsAndSubqueries() {
    assertThat(PromQl.metricNames("deriv(sum(x)[10m:1m]) > 1e3 and y > 1 / 60"))
        .containsExactly("x", "y");
  }

  @Test
  void shouldIgnoreLabelValuesThatLookLikeMetrics() {
    assertThat(PromQl.metricNames("rate(z{topic!~\"a_b or c\", client_id=~\".+-x\"}[5m])"))
        .containsExactly("z");
  }
}
