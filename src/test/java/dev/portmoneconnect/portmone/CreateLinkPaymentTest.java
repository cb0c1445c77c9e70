package dev.portmoneconnect.portmone;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portmoneconnect.flow.Invoice;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CreateLinkPaymentTest {

    static final PortmoneAccount ACCOUNT = new PortmoneAccount("shop", "1185", "WDISHOP", "secret-password",
            "test-signing-key", PortmoneConfig.GATEWAY, Duration.ofSeconds(1), Duration.ofSeconds(1),
            "https://shop.example/paid", "https://shop.example/failed", 86400);

    static final Invoice INVOICE = new Invoice("1001", "Ivan Petrenko", "ivan@example.com", "380501234567",
            new BigDecimal("250.00"), "UAH", "Invoice INV-1001", "uk");

    @Test
    void buildsTheDocumentedRequestWithATwentyFourHourKyivTimestamp() {
        ZonedDateTime utc = ZonedDateTime.of(2026, 11, 28, 12, 30, 0, 0, ZoneOffset.UTC);
        ObjectNode body = CreateLinkPayment.request(ACCOUNT, INVOICE, "INV-1001", utc);

        assertThat(body.path("method").asText()).isEqualTo("createLinkPayment");
        assertThat(body.has("params")).isFalse();
        assertThat(body.path("payee").path("dt").asText()).isEqualTo("20261128143000");
        assertThat(body.path("payee").path("signature").asText())
                .isEqualTo("F4546975EDE74315AE0DB067209767569E33A7FC1779B3E10DFADDC67C2BBF4F");
        assertThat(body.path("order").path("billAmount").asText()).isEqualTo("250.00");
        assertThat(body.path("order").path("attribute1").asText()).isEqualTo("Ivan Petrenko");
        assertThat(body.path("order").path("attribute2").asText()).isEqualTo("380501234567");
        assertThat(body.path("order").path("attribute3").asText()).isEqualTo("ivan@example.com");
        assertThat(body.path("order").path("successUrl").asText()).isEqualTo("https://shop.example/paid");
        assertThat(body.path("payer").path("lang").asText()).isEqualTo("uk");
        assertThat(body.path("token").path("tokenFlag").asText()).isEqualTo("N");
        assertThat(CreateLinkPayment.toJson(body)).doesNotContain("secret-password").doesNotContain("test-signing-key");
    }

    @Test
    void readsTheLinkFromASuccessfulAnswer() {
        assertThat(CreateLinkPayment.link(200, "{\"errorCode\":\"0\",\"error\":\"\",\"linkPayment\":\"https://x/pay\"}"))
                .isEqualTo("https://x/pay");
    }

    @Test
    void aNonZeroErrorCodeIsAPermanentFailureWithPortmonesCodeAndMessage() {
        assertThatThrownBy(() -> CreateLinkPayment.link(200, "{\"errorCode\":\"15\",\"error\":\"Bad signature\"}"))
                .isInstanceOfSatisfying(PortmoneRejectedException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("15");
                    assertThat(e.getMessage()).isEqualTo("Bad signature");
                    assertThat(e.isTransient()).isFalse();
                });
    }

    @Test
    void anEmptyLinkIsAFailure() {
        assertThatThrownBy(() -> CreateLinkPayment.link(200, "{\"errorCode\":\"0\",\"linkPayment\":\"\"}"))
                .isInstanceOf(PortmoneRejectedException.class).hasMessageContaining("without a payment link");
    }

    @Test
    void serverErrorsAndThrottlingAreTransient() {
        assertThatThrownBy(() -> CreateLinkPayment.link(503, "oops"))
                .isInstanceOfSatisfying(PortmoneException.class, e -> assertThat(e.isTransient()).isTrue());
        assertThatThrownBy(() -> CreateLinkPayment.link(429, ""))
                .isInstanceOfSatisfying(PortmoneException.class, e -> assertThat(e.isTransient()).isTrue());
    }

    @Test
    void clientErrorsArePermanent() {
        assertThatThrownBy(() -> CreateLinkPayment.link(404, ""))
                .isInstanceOfSatisfying(PortmoneException.class, e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.errorCode()).isEqualTo("HTTP 404");
                });
    }
}
