package dev.vigil.common.topic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.iot.IotTopics;
import dev.vigil.common.shop.ShopTopics;
import dev.vigil.common.vitals.VitalsTopics;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TopicAccessTest {

  static Stream<Arguments> domains() {
    return Stream.of(
        Arguments.of(FraudTopics.ALL, FraudTopics.SERVICE_ACCESS),
        Arguments.of(VitalsTopics.ALL, VitalsTopics.SERVICE_ACCESS),
        Arguments.of(ShopTopics.ALL, ShopTopics.SERVICE_ACCESS),
        Arguments.of(IotTopics.ALL, IotTopics.SERVICE_ACCESS));
  }

  /**
   * A service declares all of its domain's topics on start and describes each: one it may neither
   * read nor write would look missing to it, and it would try to create it.
   */
  @ParameterizedTest
  @MethodSource("domains")
  void shouldReadOrWriteEveryTopicOfItsDomain(List<Topic<String, ?>> all, TopicAccess access) {
    Set<String> used = new HashSet<>(access.readNames());
    used.addAll(access.writeNames());

    assertThat(used).containsExactlyInAnyOrderElementsOf(all.stream().map(Topic::name).toList());
  }
}
