package dev.vigil.chaos;

import java.util.List;

/** A deterministic input for one service: reference data first, then events in time order. */
public interface Workload {

  /** Published and flushed before the service starts, so that the first events find it. */
  List<InputRecord> referenceData();

  /** The next event; timestamps never decrease. */
  InputRecord next();
}
