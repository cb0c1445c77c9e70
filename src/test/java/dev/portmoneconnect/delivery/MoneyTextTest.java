package dev.portmoneconnect.delivery;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1250.50    | UAH | uk | 1 250,50 грн",
            "1000000.00 | UAH | uk | 1 000 000,00 грн",
            "0.25       | UAH | uk | 0,25 грн",
            "99.90      | USD | uk | 99,90 USD",
            "1250.50    | UAH | ru | 1 250,50 грн",
            "1250.50    | UAH | en | 1,250.50 UAH",
            "12.50      | UAH | en | 12.50 UAH",
    })
    void writesMoneyAsThePayersLanguageDoes(String amount, String currency, String language, String expected) {
        assertThat(MoneyText.of(new BigDecimal(amount), currency, language)).isEqualTo(expected);
    }
}
