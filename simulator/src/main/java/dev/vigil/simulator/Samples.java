package dev.vigil.simulator;

import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.fraud.Transaction;
import dev.vigil.common.iot.IotTopics;
import dev.vigil.common.iot.Telemetry;
import dev.vigil.common.shop.Activity;
import dev.vigil.common.shop.Product;
import dev.vigil.common.shop.ShopTopics;
import dev.vigil.common.vitals.VitalsReading;
import dev.vigil.common.vitals.VitalsTopics;
import dev.vigil.simulator.iot.IotStream;
import dev.vigil.simulator.payments.PaymentStream;
import dev.vigil.simulator.payments.SamplePayment;
import dev.vigil.simulator.shop.ShopStream;
import dev.vigil.simulator.vitals.VitalsStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The simulated streams of the suite's services. The {@code (seed, start, eventsPerSecond)}
 * factories use each domain's default entities and incidents, without history.
 */
public final class Samples {

  private Samples() {}

  /** Card payments with fraud incidents; accounts and rule settings first. */
  public static SampleStream payments(long seed, Instant start, int eventsPerSecond) {
    return payments(Scenario.of(seed, start, eventsPerSecond));
  }

  public static SampleStream payments(Scenario scenario) {
    PaymentStream payments = new PaymentStream(scenario);
    return new SampleStream() {
      @Override
      public List<SampleEvent<?>> referenceData() {
        List<SampleEvent<?>> records = new ArrayList<>();
        payments
            .accounts()
            .forEach(
                a -> records.add(SampleEvent.reference(FraudTopics.ACCOUNTS, a.accountId(), a)));
        payments
            .ruleSettings()
            .forEach((id, s) -> records.add(SampleEvent.reference(FraudTopics.RULES, id, s)));
        return records;
      }

      @Override
      public SampleEvent<?> next() {
        SamplePayment payment = payments.next();
        Transaction t = payment.transaction();
        return new SampleEvent<>(
            FraudTopics.TRANSACTIONS, t.cardId(), t, t.eventTime(), payment.incident().isPresent());
      }

      @Override
      public List<SampleEvent<?>> takeLabels() {
        return payments.takeLabels();
      }
    };
  }

  /**
   * Bedside monitors of admitted patients, some of whom deteriorate slowly or suddenly, or whose
   * monitor goes quiet; the rate does not apply, since monitors report at their own pace.
   */
  public static SampleStream vitals(long seed, Instant start, int eventsPerSecond) {
    return vitals(Scenario.of(seed, start, eventsPerSecond));
  }

  public static SampleStream vitals(Scenario scenario) {
    VitalsStream vitals = new VitalsStream(scenario);
    return new SampleStream() {
      @Override
      public List<SampleEvent<?>> referenceData() {
        List<SampleEvent<?>> records = new ArrayList<>();
        vitals
            .patients()
            .forEach(
                p -> records.add(SampleEvent.reference(VitalsTopics.PATIENTS, p.patientId(), p)));
        return records;
      }

      @Override
      public SampleEvent<?> next() {
        VitalsStream.Step step = vitals.next();
        VitalsReading reading = step.reading();
        return new SampleEvent<>(
            VitalsTopics.READINGS,
            reading.patientId(),
            reading,
            reading.eventTime(),
            step.incident());
      }

      @Override
      public List<SampleEvent<?>> takeLabels() {
        return vitals.takeLabels();
      }
    };
  }

  /**
   * Shoppers browsing and buying, with newcomers, flash sales and a sold-out product; the catalogue
   * first.
   */
  public static SampleStream shop(long seed, Instant start, int eventsPerSecond) {
    return shop(Scenario.of(seed, start, eventsPerSecond));
  }

  public static SampleStream shop(Scenario scenario) {
    ShopStream shop = new ShopStream(scenario);
    return new SampleStream() {
      @Override
      public List<SampleEvent<?>> referenceData() {
        List<SampleEvent<?>> records = new ArrayList<>();
        shop.products()
            .forEach(
                p -> records.add(SampleEvent.reference(ShopTopics.PRODUCTS, p.productId(), p)));
        return records;
      }

      @Override
      public SampleEvent<?> next() {
        ShopStream.Step step = shop.next();
        if (step.activity() != null) {
          Activity a = step.activity();
          return new SampleEvent<>(
              ShopTopics.ACTIVITY, a.userId(), a, step.eventTime(), step.incident());
        }
        Product p = step.product();
        return new SampleEvent<>(
            ShopTopics.PRODUCTS, p.productId(), p, step.eventTime(), step.incident());
      }

      @Override
      public List<SampleEvent<?>> takeLabels() {
        return shop.takeLabels();
      }
    };
  }

  /**
   * A city fleet's sensors, some of which fail; the devices first. The rate does not apply: sensors
   * report at their own pace, and the fleet's size sets the rate.
   */
  public static SampleStream iot(long seed, Instant start, int eventsPerSecond) {
    return iot(Scenario.of(seed, start, eventsPerSecond));
  }

  public static SampleStream iot(Scenario scenario) {
    IotStream fleet = new IotStream(scenario);
    return new SampleStream() {
      @Override
      public List<SampleEvent<?>> referenceData() {
        List<SampleEvent<?>> records = new ArrayList<>();
        fleet
            .devices()
            .forEach(d -> records.add(SampleEvent.reference(IotTopics.DEVICES, d.deviceId(), d)));
        return records;
      }

      @Override
      public SampleEvent<?> next() {
        IotStream.Step step = fleet.next();
        Telemetry reading = step.reading();
        return new SampleEvent<>(
            IotTopics.TELEMETRY, reading.deviceId(), reading, reading.eventTime(), step.incident());
      }

      @Override
      public List<SampleEvent<?>> takeLabels() {
        return fleet.takeLabels();
      }
    };
  }
}
