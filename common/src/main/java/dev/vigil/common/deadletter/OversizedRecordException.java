package dev.vigil.common.deadletter;

import org.apache.kafka.common.errors.SerializationException;

/** A record larger than the limit its deserializer enforces. */
public class OversizedRecordException extends SerializationException {

  public OversizedRecordException(int size, int limit) {
    super("record of " + size + " bytes exceeds the limit of " + limit + " bytes");
  }
}
