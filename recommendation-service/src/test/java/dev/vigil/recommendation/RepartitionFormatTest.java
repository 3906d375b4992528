package dev.vigil.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.shop.ActivityType;
import dev.vigil.common.state.StateSerdes;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepartitionFormatTest extends RecommendationTopologyTestBase {

  @ParameterizedTest
  @ValueSource(
      strings = {
        RecommendationTopology.AFFINITY_BY_PRODUCT,
        RecommendationTopology.ACTIVITY_BY_CATEGORY
      })
  void shouldSendWhatCrossesARepartitionTopicInTheBinaryFormat(String name) {
    var repartitioned =
        driver.createOutputTopic(
            "test-" + name + "-repartition",
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());

    session("alice", "s1", ActivityType.VIEW, BEGINNING, LAPTOP, BAG);

    assertThat(repartitioned.readValuesToList())
        .isNotEmpty()
        .allSatisfy(value -> assertThat(value[0]).isEqualTo(StateSerdes.FORY));
  }
}
