package dev.vigil.iot;

import dev.vigil.benchmarks.formats.StateValue;
import dev.vigil.iot.device.DeviceState;
import dev.vigil.iot.zone.ZoneInput;
import java.util.List;

/**
 * The IoT service's state: a device's one value (de-duplication, liveness and the alert rules'
 * state, for a five-metric device) and a closed minute as it crosses the zone repartition.
 */
public final class IotStateValues {

  private static final String MODULE = "iot-telemetry-service";

  private IotStateValues() {}

  public static List<StateValue<?>> all() {
    return List.of(
        StateValue.golden(
            "iot.DeviceState",
            MODULE,
            "DeviceState.v1.bin",
            DeviceState.class,
            IotStores.DEVICE_STATES),
        StateValue.golden(
            "iot.ZoneInput", MODULE, "ZoneInput.v1.bin", ZoneInput.class, IotStores.ZONE_INPUTS));
  }
}
