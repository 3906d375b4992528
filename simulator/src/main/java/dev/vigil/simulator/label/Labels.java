package dev.vigil.simulator.label;

import dev.vigil.common.topic.Topic;
import dev.vigil.simulator.SampleEvent;
import dev.vigil.simulator.Scenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Collects a stream's labels as it plans its incidents, until the publisher takes them. The run's
 * own record comes first.
 */
public final class Labels {

  private final Topic<String, Label> topic;
  private final String runId;
  private final String domain;
  private final List<SampleEvent<?>> pending = new ArrayList<>();

  /**
   * @param first the event time of the stream's first event, before the scenario's start if it has
   *     history
   */
  public Labels(Topic<String, Label> topic, Scenario scenario, Instant first, int entities) {
    this.topic = topic;
    this.runId = scenario.runId();
    this.domain = topic.name().substring(0, topic.name().indexOf('.'));
    add(
        Label.RUN,
        "run",
        first,
        null,
        null,
        Map.of("entities", entities, Label.STARTED_AT, scenario.start().toString()));
  }

  public void add(
      String type,
      String entityId,
      Instant onset,
      Instant end,
      Instant deadline,
      Map<String, Object> details) {
    Label label = new Label(runId, domain, type, entityId, onset, end, deadline, details);
    pending.add(new SampleEvent<>(topic, entityId, label, onset, false));
  }

  /** The labels added since the last call. */
  public List<SampleEvent<?>> take() {
    List<SampleEvent<?>> taken = List.copyOf(pending);
    pending.clear();
    return taken;
  }
}
