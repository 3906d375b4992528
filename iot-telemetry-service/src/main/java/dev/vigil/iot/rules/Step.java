package dev.vigil.iot.rules;

import dev.vigil.common.iot.Alert;

/**
 * What a rule makes of one observation: its next state, and the alert that opened or closed ({@code
 * null} if none did).
 */
public record Step<S>(S state, Alert alert) {

  public static <S> Step<S> quiet(S state) {
    return new Step<>(state, null);
  }
}
