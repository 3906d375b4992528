package dev.vigil.cli.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

  @TempDir Path run;

  @Test
  void shouldReadWhatItWrote() {
    PidFile kafka = PidFile.in(run, "kafka");

    kafka.write(4242);

    assertThat(kafka.read()).hasValue(4242);
    assertThat(PidFile.all(run)).containsExactly(kafka);
  }

  @Test
  void shouldBeEmptyWithoutAFile() {
    assertThat(PidFile.in(run, "kafka").read()).isEmpty();
    assertThat(PidFile.all(run.resolve("missing"))).isEmpty();
  }

  @Test
  void shouldBeEmptyForAFileWithoutANumber() throws Exception {
    Files.writeString(run.resolve("kafka.pid"), "garbage");

    assertThat(PidFile.in(run, "kafka").read()).isEmpty();
  }

  @Test
  void shouldBeGoneAfterDelete() {
    PidFile kafka = PidFile.in(run, "kafka");
    kafka.write(4242);

    kafka.delete();

    assertThat(PidFile.all(run)).isEmpty();
  }
}
