package dev.vigil.simulator.payments;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toMap;
import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.common.fraud.Account;
import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.fraud.RuleSetting;
import dev.vigil.common.fraud.Transaction;
import dev.vigil.common.topic.Topic;
import dev.vigil.simulator.SampleEvent;
import dev.vigil.simulator.label.Label;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PaymentStreamTest {

  private static String[] names(Incident[] incidents) {
    return java.util.Arrays.stream(incidents).map(Enum::name).toArray(String[]::new);
  }

  private static final Instant MORNING = Instant.parse("2025-03-14T09:00:00Z");
  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);

  /** Long enough for every incident that starts in the first ten minutes to finish. */
  private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

  private static final long SEED = 42;
  private static final int RATE = 25;

  /** The rules' default thresholds, which everyday spending must stay clear of. */
  private static final int MAX_PAYMENTS_PER_MINUTE = 5;

  private static final BigDecimal SMALL_AMOUNT = new BigDecimal("5");
  private static final BigDecimal LARGE_AMOUNT = new BigDecimal("200");
  private static final double MAX_SPEED_KMH = 900;
  private static final double MIN_TRAVEL_KM = 100;

  private static PaymentStream stream;
  private static List<SamplePayment> tenMinutes;
  private static Map<String, List<Transaction>> cardsFromTheFirstTenMinutes;

  @BeforeAll
  static void generate() {
    stream = new PaymentStream(SEED, MORNING, RATE);
    List<SamplePayment> fifteenMinutes = take(stream, MORNING.plus(FIFTEEN_MINUTES));
    tenMinutes =
        fifteenMinutes.stream()
            .filter(p -> p.transaction().eventTime().isBefore(MORNING.plus(TEN_MINUTES)))
            .toList();
    Set<String> cards = tenMinutes.stream().map(p -> p.transaction().cardId()).collect(toSet());
    cardsFromTheFirstTenMinutes =
        fifteenMinutes.stream()
            .map(SamplePayment::transaction)
            .filter(t -> cards.contains(t.cardId()))
            .collect(groupingBy(Transaction::cardId));
  }

  @Test
  void shouldGiveTheSameStreamForTheSameSeed() {
    PaymentStream again = new PaymentStream(SEED, MORNING, RATE);

    assertThat(take(again, MORNING.plus(TEN_MINUTES))).isEqualTo(tenMinutes);
    assertThat(again.accounts()).isEqualTo(stream.accounts());
  }

  @Test
  void shouldLabelEachIncidentWithItsCardAndTheSpanOfItsPayments() {
    PaymentStream again = new PaymentStream(SEED, MORNING, RATE);
    List<SamplePayment> payments = take(again, MORNING.plus(FIFTEEN_MINUTES));
    List<Label> labels =
        again.takeLabels().stream().map(SampleEvent::value).map(Label.class::cast).toList();

    assertThat(labels.get(0).isRun()).isTrue();
    assertThat(labels.get(0).entities()).isEqualTo(again.accounts().size());
    List<Label> incidents =
        labels.stream()
            .filter(l -> !l.isRun() && l.end().isBefore(MORNING.plus(TEN_MINUTES)))
            .toList();
    assertThat(incidents).extracting(Label::type).contains(names(Incident.values()));
    assertThat(incidents)
        .allSatisfy(
            label -> {
              List<Instant> times =
                  payments.stream()
                      .filter(p -> p.incident().map(Enum::name).orElse("").equals(label.type()))
                      .map(SamplePayment::transaction)
                      .filter(t -> t.cardId().equals(label.entityId()))
                      .map(Transaction::eventTime)
                      .filter(t -> !t.isBefore(label.onset()) && !t.isAfter(label.end()))
                      .toList();
              assertThat(times).contains(label.onset(), label.end());
            });
  }

  @Test
  void shouldGiveAnotherStreamForAnotherSeed() {
    PaymentStream other = new PaymentStream(SEED + 1, MORNING, RATE);

    assertThat(take(other, MORNING.plusSeconds(10)))
        .isNotEqualTo(take(new PaymentStream(SEED, MORNING, RATE), MORNING.plusSeconds(10)));
  }

  @Test
  void shouldKeepTheSameCustomersWhateverTheSeedOrRate() {
    List<Account> fewer = new PaymentStream(SEED + 1, MORNING, 5).accounts();

    assertThat(fewer).isEqualTo(stream.accounts().subList(0, fewer.size()));
  }

  @Test
  void shouldIssueOtherNewCardsWhenRestartedAMinuteLater() {
    Set<String> later =
        take(new PaymentStream(SEED, MORNING.plusSeconds(60), RATE), MORNING.plusSeconds(120))
            .stream()
            .filter(p -> p.incident().isPresent())
            .map(p -> p.transaction().cardId())
            .collect(toSet());

    assertThat(later).isNotEmpty().doesNotContainAnyElementsOf(cardsOf(Incident.VELOCITY_BURST));
  }

  @Test
  void shouldComeInEventTimeOrderFromTheStart() {
    assertThat(tenMinutes.get(0).transaction().eventTime()).isEqualTo(MORNING);
    assertThat(tenMinutes)
        .extracting(p -> p.transaction().eventTime())
        .isSortedAccordingTo(Instant::compareTo);
  }

  @Test
  void shouldPayAtTheRequestedRate() {
    long everyday = tenMinutes.stream().filter(p -> p.incident().isEmpty()).count();

    assertThat(everyday).isBetween(RATE * 600L - RATE, RATE * 600L + RATE);
  }

  @Test
  void shouldGiveEveryPaymentAUniqueId() {
    assertThat(tenMinutes.stream().map(p -> p.transaction().transactionId()).distinct().count())
        .isEqualTo(tenMinutes.size());
  }

  @Test
  void shouldPayOnlyFromPublishedAccounts() {
    Set<String> accounts = stream.accounts().stream().map(Account::accountId).collect(toSet());

    assertThat(tenMinutes)
        .allSatisfy(p -> assertThat(accounts).contains(p.transaction().accountId()));
  }

  @Test
  void shouldSurviveTheTopicsSerdes() {
    assertThat(tenMinutes)
        .allSatisfy(
            p ->
                assertThat(roundTrip(FraudTopics.TRANSACTIONS, p.transaction()))
                    .isEqualTo(p.transaction()));
    assertThat(stream.accounts())
        .allSatisfy(a -> assertThat(roundTrip(FraudTopics.ACCOUNTS, a)).isEqualTo(a));
    assertThat(stream.ruleSettings().values())
        .allSatisfy(s -> assertThat(roundTrip(FraudTopics.RULES, s)).isEqualTo(s));
  }

  @Test
  void shouldInjectEveryKindOfIncidentWithinAMinute() {
    Set<Incident> seen = EnumSet.noneOf(Incident.class);
    take(new PaymentStream(SEED, MORNING, RATE), MORNING.plusSeconds(60))
        .forEach(p -> p.incident().ifPresent(seen::add));

    assertThat(seen).containsExactlyInAnyOrder(Incident.values());
  }

  @Test
  void shouldStartWithAVelocityBurstForAQuickFirstAlert() {
    SamplePayment first =
        tenMinutes.stream().filter(p -> p.incident().isPresent()).findFirst().orElseThrow();

    assertThat(first.incident()).contains(Incident.VELOCITY_BURST);
    assertThat(first.transaction().eventTime()).isBefore(MORNING.plusSeconds(2));
  }

  @Test
  void shouldBurstAboveTheVelocityLimitOnlyInVelocityIncidents() {
    Map<String, List<Transaction>> byCard = cardsFromTheFirstTenMinutes;
    Set<String> burstCards = cardsOf(Incident.VELOCITY_BURST);

    assertThat(burstCards).isNotEmpty();
    byCard.forEach(
        (card, payments) ->
            assertThat(busiestMinute(payments) > MAX_PAYMENTS_PER_MINUTE)
                .as("card %s", card)
                .isEqualTo(burstCards.contains(card)));
  }

  @Test
  void shouldTestCardsWithSmallPaymentsBeforeALargeOne() {
    Set<String> testedCards = cardsOf(Incident.CARD_TESTING);

    assertThat(testedCards).isNotEmpty();
    cardsFromTheFirstTenMinutes.forEach(
        (card, payments) -> {
          if (!testedCards.contains(card)) {
            return;
          }
          Transaction large = payments.get(payments.size() - 1);
          List<Transaction> probes = payments.subList(0, payments.size() - 1);
          assertThat(large.amount()).isGreaterThanOrEqualTo(LARGE_AMOUNT);
          assertThat(probes).hasSizeGreaterThanOrEqualTo(3);
          assertThat(probes)
              .allSatisfy(p -> assertThat(p.amount()).isLessThanOrEqualTo(SMALL_AMOUNT));
          assertThat(Duration.between(probes.get(0).eventTime(), large.eventTime()))
              .isLessThan(Duration.ofMinutes(10));
        });
  }

  @Test
  void shouldTravelFasterThanAPlaneOnlyInTravelIncidents() {
    Set<String> travelCards = cardsOf(Incident.IMPOSSIBLE_TRAVEL);

    assertThat(travelCards).isNotEmpty();
    cardsFromTheFirstTenMinutes.forEach(
        (card, payments) -> {
          List<Transaction> present = payments.stream().filter(Transaction::hasLocation).toList();
          boolean impossible = false;
          for (int i = 1; i < present.size(); i++) {
            impossible |= impossibleTravel(present.get(i - 1), present.get(i));
          }
          if (travelCards.contains(card)) {
            assertThat(present).hasSize(2);
            assertThat(present.get(0).country()).isNotEqualTo(present.get(1).country());
          }
          assertThat(impossible).as("card %s", card).isEqualTo(travelCards.contains(card));
        });
  }

  @Test
  void shouldSpendFarAboveTheProfileOnlyInTakeoversAndTheCardTestersBigPurchase() {
    Map<String, Account> accounts =
        stream.accounts().stream().collect(toMap(Account::accountId, Function.identity()));

    assertThat(payments(Incident.ACCOUNT_TAKEOVER)).isNotEmpty();
    assertThat(tenMinutes)
        .allSatisfy(
            p -> {
              Account account = accounts.get(p.transaction().accountId());
              double limit = account.profile().meanAmount() + 4 * account.profile().stdDevAmount();
              boolean anomalous = p.transaction().amount().doubleValue() > limit;
              if (p.incident().isEmpty() || p.incident().get() != Incident.CARD_TESTING) {
                assertThat(anomalous)
                    .isEqualTo(p.incident().equals(Optional.of(Incident.ACCOUNT_TAKEOVER)));
              }
            });
  }

  @Test
  void shouldPayBlocklistedMerchantsOnlyInBlocklistIncidents() {
    RuleSetting blocklist = stream.ruleSettings().get(PaymentStream.BLOCKLIST_RULE);
    List<?> merchants = (List<?>) blocklist.parameters().get("merchants");

    assertThat(blocklist.enabled()).isTrue();
    assertThat(payments(Incident.BLOCKLISTED_MERCHANT)).isNotEmpty();
    assertThat(tenMinutes)
        .allSatisfy(
            p ->
                assertThat(merchants.contains(p.transaction().merchantId()))
                    .isEqualTo(p.incident().equals(Optional.of(Incident.BLOCKLISTED_MERCHANT))));
  }

  @Test
  void shouldKeepEverydayAmountsAboveWhatCountsAsATestPayment() {
    assertThat(tenMinutes.stream().filter(p -> p.incident().isEmpty()))
        .allSatisfy(p -> assertThat(p.transaction().amount()).isGreaterThan(SMALL_AMOUNT));
  }

  private static List<SamplePayment> take(PaymentStream stream, Instant until) {
    List<SamplePayment> payments = new ArrayList<>();
    for (SamplePayment p = stream.next();
        p.transaction().eventTime().isBefore(until);
        p = stream.next()) {
      payments.add(p);
    }
    return payments;
  }

  private static List<SamplePayment> payments(Incident incident) {
    return tenMinutes.stream().filter(p -> p.incident().equals(Optional.of(incident))).toList();
  }

  private static Set<String> cardsOf(Incident incident) {
    return payments(incident).stream().map(p -> p.transaction().cardId()).collect(toSet());
  }

  private static int busiestMinute(List<Transaction> payments) {
    int busiest = 0;
    for (int start = 0, end = 0; start < payments.size(); start++) {
      Instant windowEnd = payments.get(start).eventTime().plusSeconds(60);
      while (end < payments.size() && !payments.get(end).eventTime().isAfter(windowEnd)) {
        end++;
      }
      busiest = Math.max(busiest, end - start);
    }
    return busiest;
  }

  private static boolean impossibleTravel(Transaction from, Transaction to) {
    City origin =
        new City("from", from.country(), from.currency(), from.latitude(), from.longitude());
    double km = origin.distanceKm(to.latitude(), to.longitude());
    double hours = Duration.between(from.eventTime(), to.eventTime()).toMillis() / 3_600_000.0;
    return km >= MIN_TRAVEL_KM && km / hours > MAX_SPEED_KMH;
  }

  private static <V> V roundTrip(Topic<String, V> topic, V value) {
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    return topic.valueSerde().deserializer().deserialize(topic.name(), bytes);
  }
}
