package dev.vigil.simulator.payments;

import dev.vigil.common.fraud.Account;
import dev.vigil.common.fraud.Channel;
import dev.vigil.common.fraud.RuleSetting;
import dev.vigil.common.fraud.SpendingProfile;
import dev.vigil.common.fraud.Transaction;
import dev.vigil.simulator.SampleEvent;
import dev.vigil.simulator.Scenario;
import dev.vigil.simulator.label.LabelTopics;
import dev.vigil.simulator.label.Labels;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * An endless, deterministic stream of card payments: everyday spending by cardholders near home,
 * and, about once per hundred everyday payments (the incident ratio), an injected fraud incident,
 * one kind after another, each labelled with its card, onset and end. The same scenario gives the
 * same accounts, payments and labels in the same order.
 *
 * <p>Everyday spending is shaped to stay clear of the fraud rules' default thresholds, so that the
 * alerts a viewer sees are the incidents: every card pays once a minute (velocity: more than 5 in
 * 60 s), amounts stay within two standard deviations of the account's profile and above 6 (amount
 * anomaly, card testing), and card-present payments happen within half a kilometre of home
 * (impossible travel).
 */
public final class PaymentStream {

  /** The rule id of the blocklist setting on {@code fraud.rules}. */
  public static final String BLOCKLIST_RULE = "blocklist";

  static final List<String> BLOCKLISTED_COUNTRIES = List.of("KP", "IR");

  /** One payment per card per minute at any rate. */
  private static final int SECONDS_PER_CARD_PAYMENT = 60;

  /**
   * The bank's customers are the same whatever the seed, and the first ones the same whatever the
   * rate: a demo restarted on the same broker would otherwise move every cardholder to another
   * city, and the service would see each card jump across Europe.
   */
  private static final long CUSTOMERS_SEED = 20_250_101;

  /**
   * New cards are numbered from the minute the stream starts, so that a restarted demo does not
   * reuse the cards the last run's incidents used, whose history the service still holds.
   */
  private static final int RUNS_BEFORE_CARDS_REPEAT = 90;

  private static final int MIN_ACCOUNTS = 300;

  /** Incidents per everyday payment, unless the scenario says otherwise. */
  public static final double DEFAULT_INCIDENT_RATIO = 0.01;

  private static final int LOCAL_MERCHANTS_PER_CITY = 150;
  private static final int ATMS_PER_CITY = 20;
  private static final double NEAR_HOME_DEGREES = 0.004;
  private static final BigDecimal MIN_EVERYDAY_AMOUNT = new BigDecimal("6.00");
  private static final Duration FIRST_INCIDENT = Duration.ofSeconds(1);
  private static final int VELOCITY_BURST_PAYMENTS = 6;
  private static final List<Double> TYPICAL_MEANS =
      List.of(15.0, 22.0, 30.0, 40.0, 55.0, 75.0, 110.0);

  private final Instant start;
  private final int paymentsPerSecond;
  private final String runTag;
  private final List<Cardholder> cardholders;
  private final List<Integer> paymentOrder;
  private final Random everyday;
  private final Random incidents;
  private final Duration meanIncidentGap;
  private final Labels labels;
  private final PriorityQueue<Scheduled> pending =
      new PriorityQueue<>(Comparator.comparing(Scheduled::at).thenComparingLong(Scheduled::order));

  private long scheduled;
  private long transactions;
  private long everydaySlot;
  private Instant nextEveryday;
  private Instant nextIncident;
  private int incidentTurn;
  private Instant incidentOnset;
  private Instant incidentEnd;

  /**
   * @param start the event time of the first payment; the demo passes the current time and
   *     publishes each payment when its event time comes
   * @param paymentsPerSecond everyday payments per second, on average; incidents come on top
   */
  public PaymentStream(long seed, Instant start, int paymentsPerSecond) {
    this(Scenario.of(seed, start, paymentsPerSecond));
  }

  /** Accounts are the scenario's entities, by default one per card payment in a minute. */
  public PaymentStream(Scenario scenario) {
    this.start = scenario.start().truncatedTo(ChronoUnit.MILLIS);
    this.paymentsPerSecond = scenario.eventsPerSecond();
    this.runTag = Long.toString(this.start.getEpochSecond(), 36);
    Random customers = new Random(CUSTOMERS_SEED);
    int accounts =
        scenario.entitiesOr(Math.max(MIN_ACCOUNTS, paymentsPerSecond * SECONDS_PER_CARD_PAYMENT));
    int firstNewCard =
        2 + (int) (this.start.getEpochSecond() / 60 % RUNS_BEFORE_CARDS_REPEAT) * 100;
    this.cardholders =
        IntStream.range(0, accounts)
            .mapToObj(i -> cardholder(i, accounts, customers, firstNewCard))
            .toList();
    List<Integer> order = new ArrayList<>(IntStream.range(0, accounts).boxed().toList());
    Collections.shuffle(order, new Random(scenario.seed()));
    this.paymentOrder = List.copyOf(order);
    this.everyday = new Random(scenario.seed() + 1);
    this.incidents = new Random(scenario.seed() + 2);
    double ratio = scenario.incidentRatioOr(DEFAULT_INCIDENT_RATIO);
    this.meanIncidentGap =
        ratio == 0
            ? ChronoUnit.FOREVER.getDuration()
            : Duration.ofNanos((long) (1_000_000_000L / (ratio * paymentsPerSecond)));
    this.labels = new Labels(LabelTopics.FRAUD, scenario, this.start, accounts);
    this.nextEveryday = everydayTime(0);
    this.nextIncident = ratio == 0 ? Instant.MAX : this.start.plus(FIRST_INCIDENT);
  }

  /** The reference data to publish on {@code payments.accounts} before the first payment. */
  public List<Account> accounts() {
    return cardholders.stream().map(Cardholder::account).toList();
  }

  /** Rule settings to publish on {@code fraud.rules}, by rule id. */
  public Map<String, RuleSetting> ruleSettings() {
    return Map.of(
        BLOCKLIST_RULE,
        new RuleSetting(
            true,
            Map.of(
                "merchants",
                Merchant.BLOCKLISTED.stream().map(Merchant::id).toList(),
                "countries",
                BLOCKLISTED_COUNTRIES)));
  }

  /** The next payment in event-time order. */
  public SamplePayment next() {
    while (true) {
      Instant horizon = nextIncident.isBefore(nextEveryday) ? nextIncident : nextEveryday;
      Scheduled head = pending.peek();
      if (head != null && !head.at().isAfter(horizon)) {
        return pending.poll().payment();
      }
      if (nextIncident.isBefore(nextEveryday)) {
        injectIncident(nextIncident);
        nextIncident = nextIncident.plus(gap());
      } else {
        schedule(nextEveryday, SamplePayment.normal(everydayPayment(nextEveryday)));
        everydaySlot++;
        nextEveryday = everydayTime(everydaySlot);
      }
    }
  }

  /** The labels of the incidents planned so far, each once; the run's own record first. */
  public List<SampleEvent<?>> takeLabels() {
    return labels.take();
  }

  /** Between 0.7 and 1.3 times the mean, so incidents neither bunch up nor tick like a clock. */
  private Duration gap() {
    long mean = Math.min(meanIncidentGap.toMillis(), Duration.ofDays(3650).toMillis());
    return Duration.ofMillis(Math.max(1, (long) (mean * (0.7 + incidents.nextDouble() * 0.6))));
  }

  private Instant everydayTime(long slot) {
    long interval = 1_000_000_000L / paymentsPerSecond;
    long jitter = slot == 0 ? 0 : (long) (everyday.nextDouble() * interval * 0.4);
    return start.plusNanos(slot * interval + jitter).truncatedTo(ChronoUnit.MILLIS);
  }

  private Transaction everydayPayment(Instant at) {
    Cardholder holder =
        cardholders.get(paymentOrder.get((int) (everydaySlot % paymentOrder.size())));
    double draw = everyday.nextDouble();
    if (draw < 0.60) {
      Merchant shop = Merchant.local(holder.home(), everyday.nextInt(LOCAL_MERCHANTS_PER_CITY));
      BigDecimal amount = everydayAmount(holder, everyday);
      return payment(everyday, holder, holder.card(), at, amount, Channel.CARD_PRESENT, shop);
    }
    if (draw < 0.93) {
      Merchant shop = pick(Merchant.ONLINE, everyday);
      BigDecimal amount = everydayAmount(holder, everyday);
      return payment(everyday, holder, holder.card(), at, amount, Channel.ONLINE, shop);
    }
    Merchant atm = Merchant.atm(holder.home(), everyday.nextInt(ATMS_PER_CITY));
    BigDecimal cash = withdrawal(holder, everyday);
    return payment(everyday, holder, holder.card(), at, cash, Channel.ATM, atm);
  }

  private void injectIncident(Instant at) {
    Incident kind = Incident.values()[incidentTurn++ % Incident.values().length];
    Cardholder holder = pick(cardholders, incidents);
    incidentOnset = null;
    incidentEnd = null;
    String card =
        switch (kind) {
          case VELOCITY_BURST -> velocityBurst(holder, at);
          case BLOCKLISTED_MERCHANT -> blocklistedMerchant(holder, at);
          case CARD_TESTING -> cardTesting(holder, at);
          case ACCOUNT_TAKEOVER -> accountTakeover(holder, at);
          case IMPOSSIBLE_TRAVEL -> impossibleTravel(holder, at);
        };
    // The rule can only fire on the payment that completes the pattern: that is the deadline.
    labels.add(
        kind.name(),
        card,
        incidentOnset,
        incidentEnd,
        incidentEnd,
        Map.of("accountId", holder.account().accountId()));
  }

  /**
   * Six online purchases of resellable goods on a new card, seconds apart: one more than the
   * velocity rule allows, in amounts the account often spends, so that velocity alone flags it.
   */
  private String velocityBurst(Cardholder holder, Instant at) {
    String card = holder.issueCard();
    Instant t = at;
    for (int i = 0; i < VELOCITY_BURST_PAYMENTS; i++) {
      BigDecimal amount = everydayAmount(holder, incidents);
      Merchant shop = pick(Merchant.RESELLABLE, incidents);
      schedule(
          t,
          Incident.VELOCITY_BURST,
          payment(incidents, holder, card, t, amount, Channel.ONLINE, shop));
      t = t.plusMillis(1_500 + incidents.nextInt(1_500));
    }
    return card;
  }

  private String blocklistedMerchant(Cardholder holder, Instant at) {
    Merchant shop = pick(Merchant.BLOCKLISTED, incidents);
    BigDecimal amount = everydayAmount(holder, incidents);
    Transaction payment =
        payment(incidents, holder, holder.card(), at, amount, Channel.ONLINE, shop);
    schedule(at, Incident.BLOCKLISTED_MERCHANT, payment);
    return holder.card();
  }

  /** Three or four donations of cents on a new card, then an expensive purchase. */
  private String cardTesting(Cardholder holder, Instant at) {
    String card = holder.issueCard();
    int probes = 3 + incidents.nextInt(2);
    Instant t = at;
    for (int i = 0; i < probes; i++) {
      BigDecimal cents = money(0.5 + incidents.nextDouble() * 2.5);
      Transaction probe =
          payment(incidents, holder, card, t, cents, Channel.ONLINE, Merchant.DONATIONS);
      schedule(t, Incident.CARD_TESTING, probe);
      t = t.plusMillis(8_000 + incidents.nextInt(7_000));
    }
    t = t.plusMillis(2_000 + incidents.nextInt(8_000));
    BigDecimal large = money(250 + incidents.nextInt(650) + 0.99);
    Merchant shop = pick(Merchant.RESELLABLE, incidents);
    schedule(
        t, Incident.CARD_TESTING, payment(incidents, holder, card, t, large, Channel.ONLINE, shop));
    return card;
  }

  /**
   * Someone who took over the account spends ten to twenty standard deviations above its mean on
   * resellable goods online, with the account's own card.
   */
  private String accountTakeover(Cardholder holder, Instant at) {
    SpendingProfile profile = holder.account().profile();
    double amount = profile.meanAmount() + profile.stdDevAmount() * (10 + incidents.nextInt(11));
    Merchant shop = pick(Merchant.RESELLABLE, incidents);
    Transaction payment =
        payment(incidents, holder, holder.card(), at, money(amount), Channel.ONLINE, shop);
    schedule(at, Incident.ACCOUNT_TAKEOVER, payment);
    return holder.card();
  }

  /**
   * A new card used at home, then one to three minutes later in another country at least 1,000 km
   * away.
   */
  private String impossibleTravel(Cardholder holder, Instant at) {
    String card = holder.issueCard();
    City home = holder.home();
    List<City> far =
        City.ABROAD.stream()
            .filter(c -> !c.country().equals(home.country()) && c.distanceKm(home) >= 1_000)
            .toList();
    City abroad = pick(far, incidents);
    Merchant here = Merchant.local(home, incidents.nextInt(LOCAL_MERCHANTS_PER_CITY));
    Merchant there = Merchant.local(abroad, incidents.nextInt(LOCAL_MERCHANTS_PER_CITY));
    Instant later = at.plusSeconds(60 + incidents.nextInt(121));
    BigDecimal before = everydayAmount(holder, incidents);
    BigDecimal after = everydayAmount(holder, incidents);
    Channel present = Channel.CARD_PRESENT;
    schedule(
        at,
        Incident.IMPOSSIBLE_TRAVEL,
        payment(incidents, holder, card, at, before, present, here, home));
    schedule(
        later,
        Incident.IMPOSSIBLE_TRAVEL,
        payment(incidents, holder, card, later, after, present, there, abroad));
    return card;
  }

  private void schedule(Instant at, Incident incident, Transaction transaction) {
    incidentOnset = incidentOnset == null || at.isBefore(incidentOnset) ? at : incidentOnset;
    incidentEnd = incidentEnd == null || at.isAfter(incidentEnd) ? at : incidentEnd;
    schedule(at, SamplePayment.of(incident, transaction));
  }

  private void schedule(Instant at, SamplePayment payment) {
    pending.add(new Scheduled(at, scheduled++, payment));
  }

  private Transaction payment(
      Random random,
      Cardholder holder,
      String card,
      Instant at,
      BigDecimal amount,
      Channel channel,
      Merchant merchant) {
    return payment(random, holder, card, at, amount, channel, merchant, holder.home());
  }

  /**
   * Card-present payments carry the terminal's position, a few hundred metres from the city centre.
   */
  private Transaction payment(
      Random random,
      Cardholder holder,
      String card,
      Instant at,
      BigDecimal amount,
      Channel channel,
      Merchant merchant,
      City where) {
    Double latitude = null;
    Double longitude = null;
    if (channel.cardPresent()) {
      latitude = coordinate(where.latitude() + nearby(random));
      longitude = coordinate(where.longitude() + nearby(random));
    }
    return new Transaction(
        "t-" + runTag + "-" + ++transactions,
        holder.account().accountId(),
        card,
        amount,
        holder.home().currency(),
        merchant.id(),
        merchant.categoryCode(),
        channel.cardPresent() ? where.country() : holder.home().country(),
        latitude,
        longitude,
        channel,
        at);
  }

  private static double nearby(Random random) {
    return (random.nextDouble() * 2 - 1) * NEAR_HOME_DEGREES;
  }

  private static Double coordinate(double degrees) {
    return Math.round(degrees * 100_000) / 100_000.0;
  }

  private static BigDecimal everydayAmount(Cardholder holder, Random random) {
    SpendingProfile profile = holder.account().profile();
    double deviations = Math.max(-2, Math.min(2, random.nextGaussian()));
    BigDecimal amount = money(profile.meanAmount() + deviations * profile.stdDevAmount());
    return amount.max(MIN_EVERYDAY_AMOUNT);
  }

  /** Cash comes in tens, and a withdrawal is no more unusual for the account than a purchase. */
  private static BigDecimal withdrawal(Cardholder holder, Random random) {
    double tens = Math.floor(everydayAmount(holder, random).doubleValue() / 10);
    return money(Math.max(2, tens) * 10);
  }

  private static BigDecimal money(double amount) {
    return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
  }

  private static <T> T pick(List<T> choices, Random random) {
    return choices.get(random.nextInt(choices.size()));
  }

  private Cardholder cardholder(int index, int accounts, Random random, int firstNewCard) {
    int digits = Math.max(4, Integer.toString(accounts).length());
    String number = String.format(Locale.ROOT, "%0" + digits + "d", index + 1);
    City home = pick(City.HOMES, random);
    double mean = pick(TYPICAL_MEANS, random);
    SpendingProfile profile = new SpendingProfile(mean, mean * (0.3 + random.nextDouble() * 0.2));
    LocalDate opened =
        LocalDate.ofInstant(start, ZoneOffset.UTC).minusDays(100 + random.nextInt(5_000));
    Account account = new Account("a-" + number, home.country(), opened, profile);
    return new Cardholder(account, home, number, firstNewCard);
  }

  /**
   * An account holder with their everyday card; incidents issue new cards to them, so that a fraud
   * story starts from a clean card history.
   */
  private static final class Cardholder {

    private final Account account;
    private final City home;
    private final String number;
    private int nextCard;

    Cardholder(Account account, City home, String number, int firstNewCard) {
      this.account = account;
      this.home = home;
      this.number = number;
      this.nextCard = firstNewCard;
    }

    Account account() {
      return account;
    }

    City home() {
      return home;
    }

    String card() {
      return "c-" + number + "-1";
    }

    String issueCard() {
      return "c-" + number + "-" + nextCard++;
    }
  }

  private record Scheduled(Instant at, long order, SamplePayment payment) {}
}
