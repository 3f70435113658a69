package almacen.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificRecordBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The build gate: fails when a schema change breaks any released version. */
class SchemaCompatibilityGateTest {

  static final List<Class<? extends SpecificRecordBase>> EVENTS = EventSchemas.EVENT_TYPES;

  @ParameterizedTest
  @FieldSource("EVENTS")
  void shouldBeCompatibleBothWaysWithEveryReleasedVersionWhenBuilt(
      Class<? extends SpecificRecordBase> type) {
    // given
    Schema current = EventSchemas.currentSchema(type);
    List<Schema> history = EventSchemas.get().history(type.getSimpleName());

    // when
    List<String> problems = SchemaCompatibilityGate.check(current, history);

    // then
    assertThat(history).as("released versions of %s", type.getSimpleName()).isNotEmpty();
    assertThat(problems).isEmpty();
  }

  @ParameterizedTest
  @FieldSource("EVENTS")
  void shouldHaveCurrentSchemaReleasedAsLatestVersionWhenBuilt(
      Class<? extends SpecificRecordBase> type) {
    // given
    Schema current = EventSchemas.currentSchema(type);
    List<Schema> history = EventSchemas.get().history(type.getSimpleName());

    // then: a changed schema must be added as avro/history/<Name>/v<N+1>.avsc
    assertThat(EventSchemas.fingerprint(history.get(history.size() - 1)))
        .as("%s changed without a new history version", type.getSimpleName())
        .isEqualTo(EventSchemas.fingerprint(current));
  }

  @Test
  void shouldRejectChangeWhenNewFieldHasNoDefault() {
    // given: v1 of a small event and a v2 that adds a required field
    Schema v1 =
        parse(
            "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");
    Schema v2 =
        parse(
            "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
                + "{\"name\":\"b\",\"type\":\"int\"}]}");

    // when
    List<String> problems = SchemaCompatibilityGate.check(v2, List.of(v1));

    // then
    assertThat(problems).hasSize(1).first().asString().startsWith("cannot read T v1 records");
  }

  @Test
  void shouldRejectChangeWhenFieldTypeChanges() {
    // given
    Schema v1 =
        parse(
            "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"qty\",\"type\":\"long\"}]}");
    Schema v2 =
        parse(
            "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"qty\",\"type\":\"string\"}]}");

    // when
    List<String> problems = SchemaCompatibilityGate.check(v2, List.of(v1));

    // then
    assertThat(problems).hasSize(2);
  }

  @Test
  void shouldAcceptChangeWhenOptionalFieldWithDefaultIsAdded() {
    // given
    Schema v1 =
        parse(
            "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}");
    Schema v2 =
        parse(
            "{\"type\":\"record\",\"name\":\"T\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
                + "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null}]}");

    // then
    assertThat(SchemaCompatibilityGate.check(v2, List.of(v1))).isEmpty();
  }

  @Test
  void shouldLetTheCurrentInvoiceReaderReadALaterStatusWhenOneIsAdded() {
    // given: a later Invoice whose status has one more symbol than today's
    Schema current = EventSchemas.currentSchema(almacen.events.Invoice.class);
    Schema later =
        parse(
            current
                .toString()
                .replace(
                    "\"symbols\":[\"CONFIRMED\",\"NEEDS_REVIEW\",\"REJECTED\"]",
                    "\"symbols\":[\"CONFIRMED\",\"NEEDS_REVIEW\",\"REJECTED\",\"ARCHIVED\"]"));

    // when
    var forward = SchemaCompatibility.checkReaderWriterCompatibility(current, later);

    // then: today's readers take the unknown status as NEEDS_REVIEW (the enum's default)
    assertThat(later.getField("status").schema().getEnumSymbols()).hasSize(4);
    assertThat(forward.getType()).isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    assertThat(current.getField("status").schema().getEnumDefault()).isEqualTo("NEEDS_REVIEW");
  }

  @Test
  void shouldAcceptTheRejectedStatusOnlyForInvoiceReadersReleasedWithoutAnEnumDefault() {
    // given
    Schema current = EventSchemas.currentSchema(almacen.events.Invoice.class);
    List<Schema> history = EventSchemas.get().history("Invoice");

    // then: v1 and v2 cannot read REJECTED (accepted, documented), v3 and later can
    assertThat(SchemaCompatibilityGate.ACCEPTED_FORWARD_BREAKS)
        .containsKeys("Invoice v1", "Invoice v2")
        .doesNotContainKey("Invoice v3");
    assertThat(
            SchemaCompatibility.checkReaderWriterCompatibility(history.get(1), current).getType())
        .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    assertThat(
            SchemaCompatibility.checkReaderWriterCompatibility(history.get(2), current).getType())
        .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
  }

  private static Schema parse(String json) {
    return new Schema.Parser().parse(json);
  }
}
