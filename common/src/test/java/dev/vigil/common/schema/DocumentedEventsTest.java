package dev.vigil.common.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.vigil.common.fraud.FraudTopics;
import dev.vigil.common.iot.IotTopics;
import dev.vigil.common.shop.ShopTopics;
import dev.vigil.common.topic.Topic;
import dev.vigil.common.vitals.VitalsTopics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README documents each topic with an example line; that line must match the topic's JSON
 * Schema and be accepted by the parser the services use, so the documentation cannot drift.
 */
class DocumentedEventsTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Pattern EXAMPLE =
      Pattern.compile("(?m)^### `([a-z.-]+)`\\n(?:(?!^### ).*\\n)*?```json\\n(.*)\\n```");

  private static final List<Topic<String, ?>> DOCUMENTED =
      Stream.of(FraudTopics.ALL, VitalsTopics.ALL, ShopTopics.ALL, IotTopics.ALL)
          .flatMap(List::stream)
          .toList();

  private static final SchemaRegistry SCHEMAS =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaIdResolvers(
                  resolvers ->
                      resolvers.mapPrefix("https://vigil.dev/schemas/", "classpath:schemas/")));

  static Stream<Arguments> documentedTopics() throws IOException {
    Map<String, String> examples = examples();
    return DOCUMENTED.stream().map(t -> Arguments.of(t, examples.get(t.name())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documentedTopics")
  void shouldDocumentAnExampleThatMatchesTheSchema(Topic<String, ?> topic, String example) {
    assertThat(example).as("example line in README.md for " + topic.name()).isNotNull();

    Schema schema =
        SCHEMAS.getSchema(
            SchemaLocation.of("https://vigil.dev/schemas/" + topic.name() + ".schema.json"));

    assertThat(schema.validate(example, InputFormat.JSON)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documentedTopics")
  void shouldDocumentAnExampleTheServicesAccept(Topic<String, ?> topic, String example) {
    Object event =
        topic
            .valueSerde()
            .deserializer()
            .deserialize(topic.name(), example.getBytes(StandardCharsets.UTF_8));

    assertThat(event).isNotNull();
  }

  private static Map<String, String> examples() throws IOException {
    Map<String, String> examples = new LinkedHashMap<>();
    Matcher matcher = EXAMPLE.matcher(Files.readString(README));
    while (matcher.find()) {
      examples.put(matcher.group(1), matcher.group(2));
    }
    return examples;
  }
}
