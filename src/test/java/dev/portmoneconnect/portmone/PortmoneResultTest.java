package dev.portmoneconnect.portmone;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The result and closeInvoice requests as Portmone's contract spells them, and the reading of the answers. */
class PortmoneResultTest {

    @Test
    void aRangeQueryAsksForEveryOrderOfTheDaysWithTheMerchantsLogin() {
        ObjectNode request = PortmoneResult.request(CreateLinkPaymentTest.ACCOUNT,
                ResultQuery.range(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 28)));
        assertThat(request.path("method").asText()).isEqualTo("result");
        assertThat(request.path("id").asText()).isEqualTo("1");
        ObjectNode data = (ObjectNode) request.path("params").path("data");
        assertThat(data.path("login").asText()).isEqualTo("WDISHOP");
        assertThat(data.path("password").asText()).isEqualTo("secret-password");
        assertThat(data.path("payeeId").asText()).isEqualTo("1185");
        assertThat(data.path("shopOrderNumber").asText()).isEmpty();
        assertThat(data.path("status").asText()).isEmpty();
        assertThat(data.path("startDate").asText()).isEqualTo("01.11.2026");
        assertThat(data.path("endDate").asText()).isEqualTo("28.11.2026");

        ObjectNode one = PortmoneResult.request(CreateLinkPaymentTest.ACCOUNT,
                ResultQuery.order("shop_INV-1", LocalDate.of(2026, 11, 27), LocalDate.of(2026, 11, 28)));
        assertThat(one.path("params").path("data").path("shopOrderNumber").asText()).isEqualTo("shop_INV-1");
    }

    @Test
    void theAnswerIsReadItemByItem() {
        List<OrderStatus> statuses = PortmoneResult.statuses(200, """
                [{"shopBillId":"1234567","shopOrderNumber":"shop_INV-1","status":"PAYED","billAmount":"250.00",
                  "pay_date":"28.11.2026 14:30:05","errorCode":"0","errorMessage":""},
                 {"shopBillId":"","shopOrderNumber":"shop_INV-2","status":"created","billAmount":99.5,"pay_date":""},
                 {"shopOrderNumber":"","status":"PAYED"}]""");
        assertThat(statuses).hasSize(2);
        OrderStatus paid = statuses.get(0);
        assertThat(paid.is(OrderStatus.PAYED)).isTrue();
        assertThat(paid.shopBillId()).isEqualTo("1234567");
        assertThat(paid.billAmount()).isEqualByComparingTo(new BigDecimal("250.00"));
        // Kyiv, winter time: UTC+2
        assertThat(paid.payDate()).isEqualTo(Instant.parse("2026-11-28T12:30:05Z"));
        OrderStatus open = statuses.get(1);
        assertThat(open.is(OrderStatus.CREATED)).isTrue();
        assertThat(open.billAmount()).isEqualByComparingTo("99.5");
        assertThat(open.payDate()).isNull();
        assertThat(PortmoneResult.statuses(200, "[]")).isEmpty();
    }

    @Test
    void aRefusalOrAnOutageIsAnErrorThatSaysWhetherToTryAgain() {
        assertThatThrownBy(() -> PortmoneResult.statuses(200, "{\"errorCode\":\"2\",\"error\":\"auth failed\"}"))
                .isInstanceOfSatisfying(PortmoneException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("2");
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.getMessage()).isEqualTo("auth failed");
                });
        assertThatThrownBy(() -> PortmoneResult.statuses(503, "busy"))
                .isInstanceOfSatisfying(PortmoneException.class, e -> assertThat(e.isTransient()).isTrue());
        assertThatThrownBy(() -> PortmoneResult.statuses(200, "<html>"))
                .isInstanceOfSatisfying(PortmoneException.class, e -> assertThat(e.isTransient()).isTrue());
    }

    @Test
    void closeInvoiceSucceedsOnErrorCodeZeroInEitherSpelling() {
        ObjectNode request = CloseInvoice.request(CreateLinkPaymentTest.ACCOUNT, "shop_INV-1");
        assertThat(request.path("method").asText()).isEqualTo("closeInvoice");
        assertThat(request.path("params").path("data").path("shopOrderNumber").asText()).isEqualTo("shop_INV-1");
        CloseInvoice.check(200, "{\"errorCode\":\"0\",\"error\":\"\"}");
        CloseInvoice.check(200, "{\"error_code\":\"0\"}");
        assertThatThrownBy(() -> CloseInvoice.check(200, "{\"errorCode\":\"5\",\"error\":\"order is PAYED\"}"))
                .isInstanceOfSatisfying(PortmoneException.class, e -> assertThat(e.errorCode()).isEqualTo("5"));
        assertThatThrownBy(() -> CloseInvoice.check(200, "{}"))
                .isInstanceOfSatisfying(PortmoneException.class, e -> assertThat(e.errorCode()).isEqualTo("NOT_CLOSED"));
    }
}
