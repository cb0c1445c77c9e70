package dev.portmoneconnect.portmone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PortmoneSignatureTest {

    /** Computed outside the project with {@code openssl dgst -sha256 -hmac test-signing-key}. */
    @Test
    void matchesAFixedVector() {
        assertThat(PortmoneSignature.sign("1185", "20261128143000", "INV-1001", "250.00", "WDISHOP", "test-signing-key"))
                .isEqualTo("F4546975EDE74315AE0DB067209767569E33A7FC1779B3E10DFADDC67C2BBF4F");
    }

    @Test
    void hexesNonAsciiOrderNumbersAsUtf8Bytes() {
        assertThat(PortmoneSignature.sign("1185", "20261128143000", "Замовлення №7", "250.00", "WDISHOP",
                "test-signing-key"))
                .isEqualTo("E66EDDD442D4CED8029D0369D73E1FADE823400B890BA0AB0B2DA400390ABC29");
    }

    @Test
    void hexIsLowercaseLikePhpBin2hex() {
        assertThat(PortmoneSignature.hex("INV")).isEqualTo("494e56");
    }
}
