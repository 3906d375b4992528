package dev.vigil.iot.api;

import static dev.vigil.common.web.InvalidRequestException.requireId;

import dev.vigil.common.iot.Alert;
import dev.vigil.common.query.InteractiveQueries;
import dev.vigil.iot.IotStores;
import dev.vigil.iot.zone.ZoneDevice;
import dev.vigil.iot.zone.ZoneKeys;
import dev.vigil.iot.zone.ZoneOverview;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Interactive queries on a zone, answered by whichever instance holds the zone's partition. */
@RestController
class ZoneController {

  private final InteractiveQueries queries;

  ZoneController(InteractiveQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/zones/{zone}")
  ZoneView zone(@PathVariable String zone, HttpServletRequest request) {
    String id = requireId(zone, "zone");
    return queries.routed(IotStores.ZONE_OVERVIEWS, id, request, ZoneView.class, () -> local(id));
  }

  private ZoneView local(String zone) {
    ZoneOverview overview = queries.<ZoneOverview>localStore(IotStores.ZONE_OVERVIEWS).get(zone);
    List<ZoneView.DeviceSummary> devices = new ArrayList<>();
    List<Alert> open = new ArrayList<>();
    try (KeyValueIterator<String, ZoneDevice> entries =
        queries
            .<ZoneDevice>localStore(IotStores.ZONE_DEVICES)
            .prefixScan(ZoneKeys.prefix(zone), new StringSerializer())) {
      entries.forEachRemaining(
          entry -> {
            ZoneDevice device = entry.value;
            devices.add(
                new ZoneView.DeviceSummary(
                    device.deviceId(), device.lastMinute(), device.openAlerts().size()));
            open.addAll(device.openAlerts());
          });
    }
    if (overview == null && devices.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "nothing is known of zone " + zone);
    }
    if (overview != null && overview.congestion() != null) {
      open.add(overview.congestion());
    }
    return new ZoneView(
        zone,
        devices,
        open,
        overview == null ? List.of() : List.copyOf(overview.latestStats().values()),
        overview == null ? null : overview.latestSegment());
  }
}
