package dev.vigil.benchmarks.formats;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Writing and reading each state value in each format, as a store does for every update: the time
 * per value, and (in {@link Sizes}) its bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StateFormats {

  @Param({
    "fraud.CardPayment",
    "fraud.CardHistory100",
    "fraud.AccountState",
    "fraud.Transaction",
    "recommendation.ShopperProfile",
    "recommendation.RelatedProducts",
    "vitals.PatientState",
    "iot.DeviceState",
    "iot.ZoneInput"
  })
  String value;

  @Param({"json", "binary"})
  String format;

  private StateValue<Object> state;
  private byte[] written;

  @Setup(Level.Trial)
  @SuppressWarnings("unchecked")
  public void setUp() {
    state = (StateValue<Object>) StateValues.named(value);
    written = state.write(format);
  }

  @Benchmark
  public byte[] write() {
    return state.write(format);
  }

  @Benchmark
  public Object read() {
    return state.read(format, written);
  }
}
