package dev.portmoneconnect.payments;

import dev.portmoneconnect.portmone.OrderStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How Portmone's words become a payment status, which moves are allowed, and money as people read it. */
class PaymentRulesTest {

    @Test
    void anOrdersItemsAddUpToOneStatus() {
        assertThat(PaymentStatus.of(List.of())).isEqualTo(PaymentStatus.UNPAID);
        assertThat(PaymentStatus.of(List.of(item("CREATED")))).isEqualTo(PaymentStatus.UNPAID);
        assertThat(PaymentStatus.of(List.of(item("PREAUTH")))).isEqualTo(PaymentStatus.UNPAID);
        assertThat(PaymentStatus.of(List.of(item("REJECTED")))).isEqualTo(PaymentStatus.REJECTED);
        assertThat(PaymentStatus.of(List.of(item("REJECTED"), item("PAYED")))).isEqualTo(PaymentStatus.PAID);
        assertThat(PaymentStatus.of(List.of(item("PAYED"), item("RETURN")))).isEqualTo(PaymentStatus.RETURNED);

        Observation seen = Observation.of(List.of(item("REJECTED"), item("PAYED")));
        assertThat(seen.item().status()).isEqualTo("PAYED");
        assertThat(Observation.of(List.of(item("CREATED"))).item()).isNull();
    }

    @Test
    void aPaymentIsUndoneOnlyByARefundAndAnExpiredInvoiceReopensOnlyByBeingPaid() {
        assertThat(PaymentStatus.UNPAID.mayBecome(PaymentStatus.PAID)).isTrue();
        assertThat(PaymentStatus.REJECTED.mayBecome(PaymentStatus.PAID)).isTrue();
        assertThat(PaymentStatus.REJECTED.mayBecome(PaymentStatus.UNPAID)).isFalse();
        assertThat(PaymentStatus.PAID.mayBecome(PaymentStatus.UNPAID)).isFalse();
        assertThat(PaymentStatus.PAID.mayBecome(PaymentStatus.REJECTED)).isFalse();
        assertThat(PaymentStatus.PAID.mayBecome(PaymentStatus.RETURNED)).isTrue();
        assertThat(PaymentStatus.EXPIRED.mayBecome(PaymentStatus.PAID)).isTrue();
        assertThat(PaymentStatus.EXPIRED.mayBecome(PaymentStatus.UNPAID)).isFalse();
        assertThat(PaymentStatus.RETURNED.mayBecome(PaymentStatus.PAID)).isFalse();
        assertThat(PaymentStatus.PAID.mayBecome(PaymentStatus.PAID)).isFalse();
        assertThat(PaymentStatus.OPEN).containsExactlyInAnyOrder(PaymentStatus.UNPAID, PaymentStatus.REJECTED);
        assertThat(PaymentStatus.parse(" paid ")).isEqualTo(PaymentStatus.PAID);
        assertThatThrownBy(() -> PaymentStatus.parse("owed")).hasMessageContaining("owed");
    }

    @Test
    void moneyIsWrittenAsUkrainianOrEnglishReadersExpect() {
        assertThat(Money.format(125050, "uk")).isEqualTo("1 250,50 грн");
        assertThat(Money.format(125050, "en")).isEqualTo("UAH 1,250.50");
        assertThat(Money.format(100000000, "uk")).isEqualTo("1 000 000,00 грн");
        assertThat(Money.format(5, "uk")).isEqualTo("0,05 грн");
        assertThat(Money.number(99, "en")).isEqualTo("0.99");
        assertThat(Money.toMinor(new BigDecimal("1250.5"))).isEqualTo(125050);
        assertThat(Money.ofMinor(125050)).isEqualByComparingTo("1250.50");
    }

    private static OrderStatus item(String status) {
        return new OrderStatus("shop_1", "77", status, new BigDecimal("10.00"),
                "PAYED".equals(status) ? Instant.parse("2026-11-28T12:00:00Z") : null, "0", "");
    }
}
