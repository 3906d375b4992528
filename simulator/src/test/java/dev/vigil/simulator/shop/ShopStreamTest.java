package dev.vigil.simulator.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.shop.Activity;
import dev.vigil.common.shop.ActivityType;
import dev.vigil.common.shop.Product;
import dev.vigil.common.shop.ShopTopics;
import dev.vigil.simulator.SampleEvent;
import dev.vigil.simulator.SampleStream;
import dev.vigil.simulator.Samples;
import dev.vigil.simulator.Scenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ShopStreamTest {

  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

  /** Every step within the first {@code cycles} cycles. */
  private static List<ShopStream.Step> steps(ShopStream stream, int cycles) {
    Instant end = START.plus(ShopStream.CYCLE.multipliedBy(cycles));
    List<ShopStream.Step> steps = new ArrayList<>();
    for (ShopStream.Step step = stream.next();
        step.eventTime().isBefore(end);
        step = stream.next()) {
      steps.add(step);
    }
    return steps;
  }

  private static List<Activity> activity(List<ShopStream.Step> steps) {
    return steps.stream().map(ShopStream.Step::activity).filter(a -> a != null).toList();
  }

  @Test
  void shouldSendEverythingInEventTimeOrder() {
    assertThat(steps(new ShopStream(Scenario.of(1, START, 1)), 2))
        .extracting(ShopStream.Step::eventTime)
        .isSortedAccordingTo(Instant::compareTo);
  }

  @Test
  void shouldBeTheSameForTheSameSeed() {
    assertThat(steps(new ShopStream(Scenario.of(7, START, 1)), 1))
        .isEqualTo(steps(new ShopStream(Scenario.of(7, START, 1)), 1));
  }

  @Test
  void shouldOnlyTouchProductsOfTheCatalogue() {
    ShopStream stream = new ShopStream(Scenario.of(1, START, 1));
    Set<String> catalogue =
        stream.products().stream().map(Product::productId).collect(Collectors.toSet());

    assertThat(activity(steps(stream, 2)))
        .extracting(Activity::productId)
        .allMatch(catalogue::contains);
  }

  @Test
  void shouldHaveANewcomerViewTheLaptopInEveryCycle() {
    assertThat(activity(steps(new ShopStream(Scenario.of(1, START, 1)), 3)))
        .filteredOn(a -> a.userId().startsWith("newcomer-"))
        .hasSize(3)
        .allSatisfy(a -> assertThat(a.type()).isEqualTo(ActivityType.VIEW))
        .allSatisfy(a -> assertThat(a.productId()).isEqualTo(ShopStream.LAPTOP));
  }

  @Test
  void shouldHaveSomeoneBuyTheLaptopWithItsBagBeforeEachNewcomerArrives() {
    List<Activity> firstCycle = activity(steps(new ShopStream(Scenario.of(1, START, 1)), 1));
    int newcomer = indexOf(firstCycle, a -> a.userId().startsWith("newcomer-"));

    assertThat(firstCycle.subList(0, newcomer))
        .filteredOn(a -> a.userId().startsWith("laptop-buyer-"))
        .filteredOn(a -> a.type() == ActivityType.PURCHASE)
        .extracting(Activity::productId)
        .containsExactly(ShopStream.LAPTOP, "laptop-bag");
  }

  private static int indexOf(List<Activity> activity, java.util.function.Predicate<Activity> p) {
    for (int i = 0; i < activity.size(); i++) {
      if (p.test(activity.get(i))) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void shouldSellTheMouseOutAndRestockItInEveryCycle() {
    assertThat(steps(new ShopStream(Scenario.of(1, START, 1)), 2))
        .filteredOn(s -> s.product() != null)
        .allSatisfy(s -> assertThat(s.product().productId()).isEqualTo(ShopStream.SOLD_OUT))
        .allSatisfy(s -> assertThat(s.incident()).isTrue())
        .extracting(s -> s.product().inStock())
        .containsExactly(false, true, false, true);
  }

  @Test
  void shouldHaveShoppersBuyAccessoriesWithTheirLaptopsInOneSession() {
    Map<String, List<String>> boughtPerSession =
        activity(steps(new ShopStream(Scenario.of(1, START, 1)), 2)).stream()
            .filter(a -> a.type() == ActivityType.PURCHASE)
            .collect(
                Collectors.groupingBy(
                    Activity::sessionId,
                    Collectors.mapping(Activity::productId, Collectors.toList())));

    assertThat(boughtPerSession.values())
        .anySatisfy(bought -> assertThat(bought).contains(ShopStream.LAPTOP, "laptop-bag"));
  }

  @Test
  void shouldUseNewEventIdsInEveryRun() {
    Set<String> first =
        activity(steps(new ShopStream(Scenario.of(1, START, 1)), 1)).stream()
            .map(Activity::eventId)
            .collect(Collectors.toSet());

    assertThat(activity(steps(new ShopStream(Scenario.of(1, START.plusSeconds(3600), 1)), 1)))
        .extracting(Activity::eventId)
        .noneMatch(first::contains);
  }

  @Test
  void shouldPublishTheCatalogueFirstAndKeyActivityByUser() {
    SampleStream shop = Samples.shop(1, START, 25);

    assertThat(shop.referenceData())
        .extracting(e -> e.topic().name())
        .containsOnly(ShopTopics.PRODUCTS.name());
    SampleEvent<?> event = shop.next();
    assertThat(event.topic()).isEqualTo(ShopTopics.ACTIVITY);
    assertThat(event.value()).hasFieldOrPropertyWithValue("userId", event.key());
  }
}
