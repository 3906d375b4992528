package dev.vigil.cli.down;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.cli.process.PidFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DownCommandTest {

  private static final Path RUN = Path.of(".vigil", "run");

  @Test
  void shouldStopServicesFirstAndTheBrokerLast() {
    List<PidFile> files =
        List.of(
            PidFile.in(RUN, "kafka"),
            PidFile.in(RUN, "fraud-detection-service"),
            PidFile.in(RUN, "something-else"));

    assertThat(DownCommand.inStopOrder(files))
        .extracting(PidFile::name)
        .containsExactly("fraud-detection-service", "something-else", "kafka");
  }
}
