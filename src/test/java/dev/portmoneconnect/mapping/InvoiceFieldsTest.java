package dev.portmoneconnect.mapping;

import dev.portmoneconnect.flow.Invoice;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceFieldsTest {

    static InvoiceFields.Raw raw(Object name, Object email, Object phone, Object amount) {
        return new InvoiceFields.Raw("k1", name, email, phone, amount, null, "Order k1", null);
    }

    @Test
    void buildsAnInvoiceWithDefaults() {
        Invoice invoice = InvoiceFields.validate(raw(" Ivan ", "ivan@example.com", "050-123-45-67", "10"),
                Set.of(Channel.EMAIL));
        assertThat(invoice.payerName()).isEqualTo("Ivan");
        assertThat(invoice.payerPhone()).isEqualTo("380501234567");
        assertThat(invoice.currency()).isEqualTo("UAH");
        assertThat(invoice.language()).isEqualTo("uk");
        assertThat(invoice.billAmount()).isEqualTo("10.00");
    }

    @Test
    void namesEveryFailingField() {
        assertThatThrownBy(() -> InvoiceFields.validate(raw(null, "not-an-email", null, "abc"), Set.of(Channel.EMAIL)))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> {
                    assertThat(e.field()).isEqualTo("payerName");
                    assertThat(e.errors()).extracting(FieldError::field)
                            .containsExactly("payerName", "payerEmail", "amount");
                    assertThat(e.getMessage()).contains("payerEmail: is not an e-mail address: 'not-an-email'");
                });
    }

    @Test
    void emailIsRequiredOnlyForEmailDelivery() {
        assertThat(InvoiceFields.validate(raw("Ivan", null, "0501234567", "5"), Set.of(Channel.SMS)).payerEmail())
                .isNull();
        assertThatThrownBy(() -> InvoiceFields.validate(raw("Ivan", null, null, "5"), Set.of(Channel.EMAIL)))
                .hasMessageContaining("payerEmail: is required for e-mail delivery");
    }

    @Test
    void phoneIsRequiredForSms() {
        assertThatThrownBy(() -> InvoiceFields.validate(raw("Ivan", "i@example.com", null, "5"), Set.of(Channel.SMS)))
                .hasMessageContaining("payerPhone: is required for SMS delivery");
        assertThatThrownBy(() -> InvoiceFields.validate(raw("Ivan", "i@example.com", "12345", "5"), Set.of(Channel.SMS)))
                .hasMessageContaining("payerPhone: is not a Ukrainian phone number: '12345'");
    }

    @Test
    void refusesControlCharactersAndHugeNames() {
        assertThatThrownBy(() -> InvoiceFields.validate(raw("Iv\u0000an", "i@example.com", null, "5"),
                Set.of(Channel.EMAIL))).hasMessageContaining("payerName: contains control characters");
        assertThatThrownBy(() -> InvoiceFields.validate(raw("x".repeat(5000), "i@example.com", null, "5"),
                Set.of(Channel.EMAIL))).hasMessageContaining("payerName: is longer than 200 characters");
    }

    @Test
    void refusesUnknownLanguages() {
        assertThatThrownBy(() -> InvoiceFields.validate(new InvoiceFields.Raw("k", "Ivan", "i@example.com", null, "5",
                null, null, "de"), Set.of(Channel.EMAIL))).hasMessageContaining("language: must be uk, en or ru");
    }
}
