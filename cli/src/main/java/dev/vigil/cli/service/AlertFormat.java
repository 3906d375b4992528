package dev.vigil.cli.service;

/** Turns the value of a record on an alert topic into the line the demo's feed prints. */
@FunctionalInterface
public interface AlertFormat {

  /**
   * @throws RuntimeException if the value is not an alert of this format; the feed then shows it
   *     raw
   */
  AlertLine format(byte[] value);
}
