package dk.klaremaal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dk.klaremaal.platform.IngestReport.RowError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of field refuses control characters and values outside its documented range with a row error, never an exception. */
class RowFieldsTest {

    private final List<RowError> errors = new ArrayList<>();

    private <T> T read(String value, Function<RowFields, T> reader) {
        errors.clear();
        RowFields fields = new RowFields(new RawRow(7, Map.of("id", "row-7", "f", value)), "id", errors);
        T result = reader.apply(fields);
        assertThat(fields.ok()).isEqualTo(errors.isEmpty());
        return result;
    }

    private String text(String value) {
        return read(value, f -> f.text("f", true));
    }

    private BigDecimal decimal(String value) {
        return read(value, f -> f.decimal("f", true));
    }

    private LocalDate date(String value) {
        return read(value, f -> f.date("f", true));
    }

    private Instant time(String value) {
        return read(value, f -> f.time("f", true));
    }

    private String reason() {
        assertThat(errors).hasSize(1);
        assertThat(errors.getFirst().row()).isEqualTo(7);
        assertThat(errors.getFirst().field()).isEqualTo("f");
        assertThat(errors.getFirst().id()).isEqualTo("row-7");
        return errors.getFirst().reason();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0000", "a\tb", "a\nb", "a\u001Fb", "a\u007Fb", "a\u0080b", "a\u009Fb", "\u0001a"})
    void controlCharactersAreRefusedInEveryKindOfField(String value) {
        assertThat(text(value)).isNull();
        assertThat(reason()).contains("U+", "control characters");
        assertThat(this.<String>read(value, f -> f.code("f", true))).isNull();
        assertThat(reason()).contains("control characters");
        assertThat(decimal(value)).isNull();
        assertThat(reason()).contains("control characters");
        assertThat(time(value)).isNull();
        assertThat(reason()).contains("control characters");
    }

    @Test
    void aNulByteIsNamedWithWhereItIsAndEchoedVisibly() {
        text("ab\u0000c");
        assertThat(reason()).isEqualTo("contains a NUL byte (U+0000) at character 3; values may not hold control characters");
        assertThat(errors.getFirst().value()).isEqualTo("ab\\u0000c");
    }

    @Test
    void blanksAroundAValueAreRemovedButNotInside() {
        assertThat(text(" \tny værdi – ok ✓ 😀\r\n")).isEqualTo("ny værdi – ok ✓ 😀");
        assertThat(errors).isEmpty();
        text("a\uD800b");
        assertThat(reason()).contains("surrogate");
    }

    @Test
    void textIsAtMostTwoHundredCharactersAndARefusedValueIsShownShortened() {
        assertThat(text("x".repeat(200))).hasSize(200);
        assertThat(text("x".repeat(201))).isNull();
        assertThat(reason()).isEqualTo("is longer than 200 characters");
        assertThat(errors.getFirst().value()).hasSize(101).endsWith("x…");
        assertThat(decimal("1".repeat(65))).isNull();
        assertThat(reason()).isEqualTo("is longer than 64 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e1000000000", "-1E+16", "1234567890123456", "NaN", "Infinity", "-inf", "0.1234567890123456", "1e-16",
            "1234567890.123456", "3,5"})
    void numbersThatAreNotFiniteOrBeyondFifteenDigitsAreRefused(String value) {
        assertThat(decimal(value)).isNull();
        assertThat(reason()).isNotBlank();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0.5", "3.776", "123456789012345", "999999999999999.0000", "1.5E3", "1.0E7", "0.000000000000001",
            "12345.6789012345", "0E-1000000"})
    void numbersWithinFifteenDigitsAreRead(String value) {
        assertThat(decimal(value)).isEqualByComparingTo(new BigDecimal(value));
        assertThat(errors).isEmpty();
    }

    @Test
    void datesAndTimesLieBetween1900And2100() {
        assertThat(date("0001-03-01")).isNull();
        assertThat(reason()).isEqualTo("must lie between 1900-01-01 and 2100-12-31");
        assertThat(time("1000-03-01T09:30")).isNull();
        assertThat(reason()).isEqualTo("must lie between 1900-01-01 and 2100-12-31");
        assertThat(date("2101-01-01")).isNull();
        assertThat(date("2100-12-31")).isEqualTo(LocalDate.of(2100, 12, 31));
        assertThat(date("1900-01-01")).isEqualTo(LocalDate.of(1900, 1, 1));
    }

    @Test
    void anOffsetBeyondEighteenHoursIsARowError() {
        assertThat(time("2024-03-01T09:30+18:30")).isNull();
        assertThat(reason()).startsWith("is not an ISO-8601 date and time");
    }

    @Test
    void aWholeNumberTooLargeForItsRangeSaysSo() {
        assertThat(this.<Integer>read("99999999999", f -> f.integer("f", true, 1, 11))).isNull();
        assertThat(reason()).isEqualTo("must be between 1 and 11");
    }
}
