package dev.portmoneconnect.mapping;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AmountParserTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1250      | 1250.00",
            "1250.5    | 1250.50",
            "'1 250,50'| 1250.50",
            "0.01      | 0.01",
            "' 99,9 '  | 99.90",
            "'12 345'  | 12345.00",
    })
    void acceptsWhatPeopleType(String raw, String expected) {
        assertThat(AmountParser.parse(raw).amount()).hasValueSatisfying(a -> assertThat(a.toPlainString())
                .isEqualTo(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "abc       | is not an amount",
            "0         | must be positive",
            "-5        | must be positive",
            "-0        | must be positive",
            "1.234     | more than two decimals",
            "1e9       | is not an amount",
            "',5'      | is not an amount",
            "'1.234,56'| is not an amount",
            "''        | is required",
            "2000000   | exceeds",
    })
    void refusesWhatItCannotReadWithoutGuessing(String raw, String reason) {
        AmountParser.Result result = AmountParser.parse(raw);
        assertThat(result.amount()).isEmpty();
        assertThat(result.error().reason()).contains(reason);
    }

    @ParameterizedTest
    @CsvSource({"1250, 1250.00", "75.5, 75.50", "0.25, 0.25"})
    void acceptsNumbersFromJson(double number, String expected) {
        assertThat(AmountParser.parse(number).amount().orElseThrow().toPlainString()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0.001", "-3", "0"})
    void refusesBadNumbersFromJson(double number) {
        assertThat(AmountParser.parse(number).amount()).isEmpty();
    }
}
