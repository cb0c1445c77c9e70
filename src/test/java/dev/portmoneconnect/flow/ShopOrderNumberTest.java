package dev.portmoneconnect.flow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShopOrderNumberTest {

    @Test
    void keepsPlainKeysReadable() {
        assertThat(ShopOrderNumber.of("landing-orders", "INV-1001")).isEqualTo("landing-orders_INV-1001");
    }

    @Test
    void isDeterministic() {
        assertThat(ShopOrderNumber.of("c", "Замовлення 7")).isEqualTo(ShopOrderNumber.of("c", "Замовлення 7"));
    }

    @Test
    void digestsKeysWithOtherCharactersOrTooLong() {
        String cyrillic = ShopOrderNumber.of("sheet-orders", "Замовлення 7");
        assertThat(cyrillic).startsWith("sheet-orders.").matches("[a-z-]+\\.[0-9a-f]{40}");
        String longKey = ShopOrderNumber.of("sheet-orders", "A".repeat(200));
        assertThat(longKey).hasSizeLessThanOrEqualTo(ShopOrderNumber.MAX_LENGTH).startsWith("sheet-orders.");
    }

    @Test
    void differentConnectionsOrKeysNeverShareANumber() {
        assertThat(ShopOrderNumber.of("a-b", "c")).isNotEqualTo(ShopOrderNumber.of("a", "b-c"));
        assertThat(ShopOrderNumber.of("shop", "x")).isNotEqualTo(ShopOrderNumber.of("shop", "X "));
    }

    @Test
    void testOrdersNeverCollideWithRealOnes() {
        assertThat(ShopOrderNumber.forTest("shop", "1")).contains("~test-").isNotEqualTo(ShopOrderNumber.of("shop", "1"));
    }
}
