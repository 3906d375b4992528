package dev.vigil.chaos;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A workload with hostile records mixed into its events: each event is followed, with a given
 * probability, by a bad copy of itself on the same topic and key. The good events are exactly those
 * of the wrapped workload, so the verifier's recomputation is unchanged.
 */
final class PoisonWorkload implements Workload {

  /** The kinds of bad input, each a function of a valid record's JSON. */
  enum Kind {
    RANDOM_BYTES,
    TRUNCATED_JSON,
    WRONG_TYPE,
    HUGE_STRING,
    DEEPLY_NESTED,
    NAN,
    FAR_FUTURE,
    FAR_PAST
  }

  private static final Pattern EVENT_TIME = Pattern.compile("\"eventTime\":\"[^\"]*\"");
  private static final Pattern NUMBER = Pattern.compile("\":(-?\\d+(\\.\\d+)?)([,}])");

  /** Above the 64 KiB the services accept, below the broker's 1 MiB. */
  private static final int HUGE = 100 * 1024;

  /** Far deeper than any JSON parser's default limit (Jackson: 500–1000). */
  private static final int NESTING = 5_000;

  private final Workload workload;
  private final double probability;
  private final Random random;
  private final Set<InputRecord> poisoned = Collections.newSetFromMap(new IdentityHashMap<>());

  /**
   * The reference data's topics: a change to a table row among the events (a product's stock) is
   * left alone, since the kinds of bad input are made for events (a row has no event time).
   */
  private final Set<String> tables = new HashSet<>();

  private InputRecord pending;
  private int turn;

  PoisonWorkload(Workload workload, double probability, long seed) {
    this.workload = workload;
    this.probability = probability;
    this.random = new Random(seed);
  }

  @Override
  public synchronized List<InputRecord> referenceData() {
    List<InputRecord> records = workload.referenceData();
    records.forEach(r -> tables.add(r.topic()));
    return records;
  }

  @Override
  public synchronized InputRecord next() {
    if (pending != null) {
      InputRecord bad = pending;
      pending = null;
      return bad;
    }
    InputRecord good = workload.next();
    if (!tables.contains(good.topic()) && random.nextDouble() < probability) {
      Kind kind = Kind.values()[turn++ % Kind.values().length];
      pending =
          new InputRecord(
              good.topic(),
              good.key(),
              spoil(kind, new String(good.value(), StandardCharsets.UTF_8)),
              good.timestamp());
      poisoned.add(pending);
    }
    return good;
  }

  /** The next event of the wrapped workload, with no bad copy after it. */
  synchronized InputRecord nextClean() {
    return workload.next();
  }

  synchronized boolean isPoison(InputRecord record) {
    return poisoned.contains(record);
  }

  private byte[] spoil(Kind kind, String json) {
    String bad =
        switch (kind) {
          case RANDOM_BYTES -> null;
          case TRUNCATED_JSON -> json.substring(0, json.length() / 2);
          case WRONG_TYPE -> replaceEventTime(json, "\"eventTime\":{\"not\":\"a time\"}");
          case HUGE_STRING -> "{\"padding\":\"" + "x".repeat(HUGE) + "\"," + json.substring(1);
          case DEEPLY_NESTED ->
              "{\"nested\":" + "[".repeat(NESTING) + "]".repeat(NESTING) + "," + json.substring(1);
          case NAN -> nan(json);
          case FAR_FUTURE -> replaceEventTime(json, "\"eventTime\":\"3100-01-01T00:00:00Z\"");
          case FAR_PAST -> replaceEventTime(json, "\"eventTime\":\"1960-01-01T00:00:00Z\"");
        };
    if (bad == null) {
      byte[] bytes = new byte[64];
      random.nextBytes(bytes);
      // A leading '{' that is never closed keeps random bytes from ever reading as a JSON value.
      bytes[0] = '{';
      return bytes;
    }
    return bad.getBytes(StandardCharsets.UTF_8);
  }

  private static String replaceEventTime(String json, String replacement) {
    Matcher m = EVENT_TIME.matcher(json);
    if (!m.find()) {
      throw new IllegalArgumentException("No eventTime in " + json);
    }
    return json.substring(0, m.start()) + replacement + json.substring(m.end());
  }

  private static String nan(String json) {
    Matcher m = NUMBER.matcher(json);
    if (!m.find()) {
      throw new IllegalArgumentException("No number in " + json);
    }
    return json.substring(0, m.start(1)) + "NaN" + json.substring(m.end(1));
  }
}
