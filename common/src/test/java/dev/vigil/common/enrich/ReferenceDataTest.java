package dev.vigil.common.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.shop.Product;
import dev.vigil.common.shop.ShopTopics;
import dev.vigil.common.testing.TestDrivers;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.Test;

class ReferenceDataTest {

  private static final Instant NINE_AM = Instant.parse("2026-03-02T09:00:00Z");
  private static final String STORE = "products";
  private static final Product LAMP =
      new Product("p-1", "Desk lamp", "home", new BigDecimal("25.00"), true, List.of());

  @Test
  void shouldKeepAGlobalTablesValuesParsedForEveryLookup() {
    assertLookupsShareOneParsedValue(
        builder -> ReferenceData.global(builder, ShopTopics.PRODUCTS, STORE));
  }

  @Test
  void shouldKeepATablesValuesParsedForEveryLookup() {
    assertLookupsShareOneParsedValue(
        builder -> ReferenceData.table(builder, ShopTopics.PRODUCTS, STORE));
  }

  private static void assertLookupsShareOneParsedValue(Consumer<StreamsBuilder> table) {
    StreamsBuilder builder = new StreamsBuilder();
    table.accept(builder);
    try (TopologyTestDriver driver = TestDrivers.create(builder.build(), NINE_AM)) {
      TestDrivers.input(driver, ShopTopics.PRODUCTS).pipeInput(LAMP.productId(), LAMP, NINE_AM);
      KeyValueStore<String, ValueAndTimestamp<Product>> store =
          driver.getTimestampedKeyValueStore(STORE);

      Product first = store.get(LAMP.productId()).value();
      Product again = store.get(LAMP.productId()).value();

      assertThat(first).isEqualTo(LAMP);
      assertThat(again).isSameAs(first);
    }
  }
}
