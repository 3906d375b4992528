package dev.vigil.common.vitals;

/**
 * Level of consciousness on the ACVPU scale. Anything but {@link #ALERT} scores 3 in NEWS2; {@link
 * #CONFUSION} means new confusion, as the ward assesses it.
 */
public enum Consciousness {
  ALERT,
  CONFUSION,
  VOICE,
  PAIN,
  UNRESPONSIVE
}
