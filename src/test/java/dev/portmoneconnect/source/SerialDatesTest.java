package dev.portmoneconnect.source;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class SerialDatesTest {

    @Test
    void serialNumbersAreDaysSinceTheLastDayOf1899() {
        assertThat(SerialDates.toIso(45688)).isEqualTo("2025-01-31");
        assertThat(SerialDates.toIso(1)).isEqualTo("1899-12-31");
        assertThat(SerialDates.toIso(new BigDecimal("45688.5"))).isEqualTo("2025-01-31T12:00");
        assertThat(SerialDates.toIso(new BigDecimal("45688.604166666664"))).isEqualTo("2025-01-31T14:30");
        assertThat(SerialDates.toIso(new BigDecimal("0.75"))).isEqualTo("18:00");
    }

    @Test
    void aDateTypedAsTextReadsAsTheSerialNumberOfThatDayDoes() {
        assertThat(SerialDates.textToIso("2025-01-31")).isEqualTo(SerialDates.toIso(45688));
        assertThat(SerialDates.textToIso(" 31.01.2025 ")).isEqualTo(SerialDates.toIso(45688));
        assertThat(SerialDates.textToIso("1.2.2025")).isEqualTo("2025-02-01");
        assertThat(SerialDates.textToIso("31.01.2025 12:00")).isEqualTo(SerialDates.toIso(new BigDecimal("45688.5")));
        assertThat(SerialDates.textToIso("2025-01-31 14:30")).isEqualTo("2025-01-31T14:30");
        assertThat(SerialDates.textToIso("2025-01-31T00:00")).isEqualTo("2025-01-31");
        assertThat(SerialDates.textToIso("31.02.2025")).isNull();
        assertThat(SerialDates.textToIso("1/31/2025")).as("month and day order unknown").isNull();
        assertThat(SerialDates.textToIso("tomorrow")).isNull();
    }
}
