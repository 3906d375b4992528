package dev.vigil.iot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.iot.IotTopics;
import dev.vigil.common.iot.MetricAggregate;
import dev.vigil.common.testing.TopologyTopics;
import org.junit.jupiter.api.Test;

class IotTopologyTest extends IotTopologyTestBase {

  @Test
  void shouldReadAndWriteExactlyTheTopicsItsAclsGrant() {
    TopologyTopics used = TopologyTopics.of(topology);

    assertThat(used.reads()).isEqualTo(IotTopics.SERVICE_ACCESS.readNames());
    assertThat(used.writes()).isEqualTo(IotTopics.SERVICE_ACCESS.writeNames());
  }

  @Test
  void shouldKeyAggregatesByDevice() {
    send(
        reading("d1", BEGINNING, "temperatureC", 20.0),
        reading("d1", TWO_MINUTES_LATER, "temperatureC", 21.0));

    assertThat(aggregates.readKeyValuesToList())
        .singleElement()
        .satisfies(kv -> assertThat(kv.key).isEqualTo("d1"))
        .satisfies(kv -> assertThat(kv.value).extracting(MetricAggregate::count).isEqualTo(1L));
  }
}
