package dev.vigil.iot.api;

import static dev.vigil.common.web.InvalidRequestException.requireId;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.iot.Device;
import dev.vigil.common.query.InteractiveQueries;
import dev.vigil.iot.IotStores;
import dev.vigil.iot.device.DeviceState;
import dev.vigil.iot.liveness.Liveness;
import dev.vigil.iot.rules.DeviceWatch;
import dev.vigil.iot.window.DeviceMinute;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Interactive queries on a device, answered by whichever instance holds its partition. */
@RestController
class DeviceController {

  private final InteractiveQueries queries;

  DeviceController(InteractiveQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/devices/{id}")
  DeviceView device(@PathVariable String id, HttpServletRequest request) {
    String deviceId = requireId(id, "device id");
    return queries.routed(
        IotStores.DEVICE_STATE, deviceId, request, DeviceView.class, () -> local(deviceId));
  }

  private DeviceView local(String deviceId) {
    Device device = queries.<Device>localStore(IotStores.DEVICES).get(deviceId);
    DeviceState state = queries.<DeviceState>localStore(IotStores.DEVICE_STATE).get(deviceId);
    Liveness liveness = state == null ? null : state.liveness();
    DeviceWatch watch = state == null ? null : state.watch();
    DeviceMinute minute = queries.<DeviceMinute>localStore(IotStores.LATEST_MINUTES).get(deviceId);
    if (device == null && liveness == null) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND, "device " + deviceId + " is neither registered nor reporting");
    }
    List<Alert> open = new ArrayList<>();
    if (liveness != null && !liveness.online()) {
      open.add(liveness.offline());
    }
    if (watch != null) {
      open.addAll(watch.openAlerts());
    }
    return new DeviceView(
        deviceId,
        device,
        liveness == null ? null : liveness.lastSeen(),
        liveness == null ? null : liveness.lastArrival(),
        liveness != null && liveness.online(),
        open,
        minute == null ? List.of() : minute.aggregates());
  }
}
