package dev.vigil.cli.produce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LineParserTest {

  private final LineParser byCard = new LineParser(Optional.of("cardId"));

  @Test
  void shouldKeyAJsonLineByItsKeyField() {
    ParsedLine line = byCard.parse("{\"cardId\":\"c-0001-1\",\"amount\":12.5}");

    assertThat(line.key()).isEqualTo("c-0001-1");
    assertThat(line.valueText()).isEqualTo("{\"cardId\":\"c-0001-1\",\"amount\":12.5}");
    assertThat(line.json()).isTrue();
  }

  @Test
  void shouldReachANestedKeyFieldThroughDots() {
    LineParser nested = new LineParser(Optional.of("transaction.cardId"));

    assertThat(nested.parse("{\"transaction\":{\"cardId\":\"c-7\"}}").key()).isEqualTo("c-7");
  }

  @Test
  void shouldUseTheTextOfANumericKeyField() {
    LineParser byId = new LineParser(Optional.of("id"));

    assertThat(byId.parse("{\"id\":42}").key()).isEqualTo("42");
  }

  @Test
  void shouldLeaveTheKeyEmptyWhenTheFieldIsMissing() {
    ParsedLine line = byCard.parse("{\"accountId\":\"a-1\"}");

    assertThat(line.key()).isNull();
    assertThat(line.json()).isTrue();
  }

  @Test
  void shouldLeaveTheKeyEmptyWhenTheFieldIsAnObject() {
    assertThat(byCard.parse("{\"cardId\":{\"number\":\"1\"}}").key()).isNull();
  }

  @Test
  void shouldLeaveTheKeyEmptyWithoutAKeyField() {
    assertThat(new LineParser(Optional.empty()).parse("{\"cardId\":\"c-1\"}").key()).isNull();
  }

  @Test
  void shouldTakeTheKeyBeforeATab() {
    ParsedLine line = byCard.parse("blocklist\t{\"enabled\":true}");

    assertThat(line.key()).isEqualTo("blocklist");
    assertThat(line.valueText()).isEqualTo("{\"enabled\":true}");
    assertThat(line.json()).isTrue();
  }

  @Test
  void shouldPreferTheTabKeyOverTheKeyField() {
    assertThat(byCard.parse("mine\t{\"cardId\":\"c-1\"}").key()).isEqualTo("mine");
  }

  @Test
  void shouldKeepLaterTabsInTheValue() {
    assertThat(byCard.parse("k\ta\tb").valueText()).isEqualTo("a\tb");
  }

  @Test
  void shouldReadAWholeJsonLineWithTabsAsJson() {
    ParsedLine line = byCard.parse("{\t\"cardId\":\t\"c-1\"}");

    assertThat(line.key()).isEqualTo("c-1");
    assertThat(line.valueText()).isEqualTo("{\t\"cardId\":\t\"c-1\"}");
  }

  @Test
  void shouldTreatANumberBeforeATabAsAKey() {
    ParsedLine line = byCard.parse("42\t{\"cardId\":\"c-1\"}");

    assertThat(line.key()).isEqualTo("42");
    assertThat(line.valueText()).isEqualTo("{\"cardId\":\"c-1\"}");
  }

  @Test
  void shouldProduceALineThatIsNotJsonAsItIsWithoutAKey() {
    ParsedLine line = byCard.parse("{\"cardId\": \"c-1\", oops");

    assertThat(line.key()).isNull();
    assertThat(line.valueText()).isEqualTo("{\"cardId\": \"c-1\", oops");
    assertThat(line.json()).isFalse();
  }

  @Test
  void shouldKeyAMalformedValueByItsTabKey() {
    ParsedLine line = byCard.parse("c-9\tnot json");

    assertThat(line.key()).isEqualTo("c-9");
    assertThat(line.valueText()).isEqualTo("not json");
    assertThat(line.json()).isFalse();
  }
}
