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
}
