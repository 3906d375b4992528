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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The sample streams of the suite's services, as the demo publishes them. */
public final class Samples {

  /** How often each sample patient's monitor reports; vital signs change over minutes. */
  static final Duration VITALS_INTERVAL = Duration.ofSeconds(10);

  private Samples() {}

  /** Card payments with fraud incidents; accounts and rule settings first. */
  public static SampleStream payments(long seed, Instant start, int eventsPerSecond) {
    PaymentStream payments = new PaymentStream(seed, start, eventsPerSecond);
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
    };
  }

  /**
   * Bedside monitors of a few patients, one of whom deteriorates in each cycle while another's
   * monitor goes quiet; the rate does not apply, since monitors report at their own pace.
   */
  public static SampleStream vitals(long seed, Instant start, int eventsPerSecond) {
    VitalsStream vitals = new VitalsStream(seed, start, VITALS_INTERVAL);
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
        VitalsReading reading = vitals.next();
        return new SampleEvent<>(
            VitalsTopics.READINGS, reading.patientId(), reading, reading.eventTime(), false);
      }
    };
  }

  /**
   * Shoppers browsing and buying, with a newcomer, a flash sale and a sold-out product in each
   * cycle; the catalogue first. The rate does not apply: shoppers act every few seconds, so that
   * the lists they are recommended can be read as they arrive.
   */
  public static SampleStream shop(long seed, Instant start, int eventsPerSecond) {
    ShopStream shop = new ShopStream(seed, start);
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
    };
  }

  /**
   * A city fleet's sensors, some of which fail in each cycle; the devices first. The rate does not
   * apply: sensors report at their own pace.
   */
  public static SampleStream iot(long seed, Instant start, int eventsPerSecond) {
    IotStream fleet = new IotStream(seed, start);
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
        Telemetry reading = fleet.next();
        return new SampleEvent<>(
            IotTopics.TELEMETRY, reading.deviceId(), reading, reading.eventTime(), false);
      }
    };
  }
}
