package dev.vigil.simulator.payments;

import dev.vigil.common.fraud.Transaction;
import java.util.Optional;

/** A payment of the sample stream, and the incident it belongs to if it is not normal spending. */
public record SamplePayment(Transaction transaction, Optional<Incident> incident) {

  static SamplePayment normal(Transaction transaction) {
    return new SamplePayment(transaction, Optional.empty());
  }

  static SamplePayment of(Incident incident, Transaction transaction) {
    return new SamplePayment(transaction, Optional.of(incident));
  }
}
