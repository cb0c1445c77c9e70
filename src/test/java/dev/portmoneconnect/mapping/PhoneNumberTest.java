package dev.portmoneconnect.mapping;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumberTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "+380 50 123 45 67   | 380501234567",
            "050-123-45-67       | 380501234567",
            "(050) 1234567       | 380501234567",
            "380501234567        | 380501234567",
            "+38 (067) 765-43-21 | 380677654321",
            "'  0931112233  '    | 380931112233",
    })
    void ukrainianNumbersAreNormalised(String raw, String normalised) {
        assertThat(PhoneNumber.normalise(raw)).isEqualTo(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"501234567", "0501234567890", "+1 202 555 0100", "+44 20 7946 0958", "80501234567",
            "+0501234567", "050 123 45 6x", "050/123/45/67", "++380501234567", "телефон", "n/a"})
    void anythingElseIsNotANumber(String raw) {
        assertThat(PhoneNumber.normalise(raw)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"501234567", "+44 20 7946 0958", "050/123/45/67"})
    void anInvalidNumberIsAFieldErrorNamingTheValue(String raw) {
        InvoiceFields.Raw record = new InvoiceFields.Raw("K-1", "Ivan", null, raw, new BigDecimal("10"), null, null,
                null);
        assertThatThrownBy(() -> InvoiceFields.validate(record, Set.of(Channel.SMS)))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> {
                    assertThat(e.field()).isEqualTo("payerPhone");
                    assertThat(e.getMessage()).contains("payerPhone").contains("'" + raw + "'");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void smsDeliveryRequiresAPhone(String raw) {
        InvoiceFields.Raw record = new InvoiceFields.Raw("K-1", "Ivan", null, raw, new BigDecimal("10"), null, null,
                null);
        assertThatThrownBy(() -> InvoiceFields.validate(record, Set.of(Channel.EMAIL, Channel.SMS)))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.getMessage())
                        .contains("payerPhone: is required for SMS delivery")
                        .contains("payerEmail: is required for e-mail delivery"));
    }
}
