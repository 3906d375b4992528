package dev.vigil.common.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimeIndexTest {

  private static final long NOON = Instant.parse("2026-03-02T12:00:00Z").toEpochMilli();
  private static final long ONE_MINUTE = 60_000;

  private TimeIndex index;

  @BeforeEach
  void index() {
    KeyValueStore<Bytes, byte[]> store =
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("index"), Serdes.Bytes(), Serdes.ByteArray())
            .withLoggingDisabled()
            .build();
    store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    index = TimeIndex.over(store);
  }

  @Test
  void shouldTakeWhatIsDueOldestFirst() {
    index.add(NOON + ONE_MINUTE, "b");
    index.add(NOON, "a");
    index.add(NOON + 2 * ONE_MINUTE, "c");

    assertThat(index.takeDue(NOON + ONE_MINUTE, 10))
        .containsExactly(
            new TimeIndex.Entry(NOON, "a"), new TimeIndex.Entry(NOON + ONE_MINUTE, "b"));
    assertThat(index.takeDue(NOON + ONE_MINUTE, 10)).isEmpty();
    assertThat(index.takeDue(NOON + 2 * ONE_MINUTE, 10))
        .containsExactly(new TimeIndex.Entry(NOON + 2 * ONE_MINUTE, "c"));
  }

  @Test
  void shouldOrderTimesBeforeTheEpoch() {
    index.add(1, "after");
    index.add(-1, "before");

    assertThat(index.takeDue(1, 10))
        .extracting(TimeIndex.Entry::id)
        .containsExactly("before", "after");
  }

  @Test
  void shouldTakeNoMoreThanAsked() {
    index.add(NOON, "a");
    index.add(NOON, "b");
    index.add(NOON, "c");

    assertThat(index.takeDue(NOON, 2)).extracting(TimeIndex.Entry::id).containsExactly("a", "b");
    assertThat(index.takeDue(NOON, 2)).extracting(TimeIndex.Entry::id).containsExactly("c");
  }

  @Test
  void shouldMoveAnEntityToItsNewTime() {
    index.add(NOON, "a");
    index.move(NOON, NOON + ONE_MINUTE, "a");

    assertThat(index.takeDue(NOON, 10)).isEmpty();
    assertThat(index.takeDue(NOON + ONE_MINUTE, 10))
        .containsExactly(new TimeIndex.Entry(NOON + ONE_MINUTE, "a"));
  }

  @Test
  void shouldForgetARemovedEntity() {
    index.add(NOON, "a");
    index.remove(NOON, "a");

    assertThat(index.takeDue(NOON, 10)).isEmpty();
  }
}
