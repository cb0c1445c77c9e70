package dev.portmoneconnect.delivery.sms;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmsTextTest {

    private static final String LINK = "https://www.portmone.com.ua/r3/pg/5f2c9a1e-17";

    @Test
    void latinTextIsGsm7AndFitsOnePartUpTo160Characters() {
        SmsText text = SmsText.of("a".repeat(160), null);
        assertThat(text.encoding()).isEqualTo(SmsEncoding.GSM_7);
        assertThat(text.encoding().dataCoding()).isEqualTo((byte) 0x00);
        assertThat(text.partCount()).isEqualTo(1);
    }

    @Test
    void latinTextOver160CharactersIsSentIn153CharacterParts() {
        SmsText text = SmsText.of("a".repeat(161), null);
        assertThat(text.parts()).extracting(String::length).containsExactly(153, 8);
        SmsText three = SmsText.of("b".repeat(307), null);
        assertThat(three.parts()).extracting(String::length).containsExactly(153, 153, 1);
    }

    @Test
    void extensionCharactersTakeTwoSeptetsAndAreNeverSplitFromTheirEscape() {
        assertThat(SmsText.of("a".repeat(158) + "€", null).partCount()).isEqualTo(1);
        SmsText text = SmsText.of("a".repeat(152) + "{" + "b".repeat(10), null);
        assertThat(text.encoding()).isEqualTo(SmsEncoding.GSM_7);
        assertThat(text.parts().get(0)).isEqualTo("a".repeat(152));
        assertThat(text.parts().get(1)).startsWith("{");
        assertThat(SmsEncoding.GSM_7.encode("{")).containsExactly(0x1B, 0x28);
    }

    @Test
    void textOutsideTheGsmAlphabetIsUcs2() {
        assertThat(SmsText.of("Оплатіть рахунок", null).encoding()).isEqualTo(SmsEncoding.UCS_2);
        assertThat(SmsText.of("Pay «now»", null).encoding()).isEqualTo(SmsEncoding.UCS_2);
        assertThat(SmsText.of("Pay now: £5, 10€ @ shop_1", null).encoding()).isEqualTo(SmsEncoding.GSM_7);
        assertThat(SmsEncoding.UCS_2.dataCoding()).isEqualTo((byte) 0x08);
    }

    @Test
    void cyrillicTextFitsOnePartUpTo70CharactersAndSplitsInto67CharacterParts() {
        assertThat(SmsText.of("ж".repeat(70), null).partCount()).isEqualTo(1);
        SmsText text = SmsText.of("ж".repeat(71), null);
        assertThat(text.encoding()).isEqualTo(SmsEncoding.UCS_2);
        assertThat(text.parts()).extracting(String::length).containsExactly(67, 4);
        assertThat(SmsText.of("ж".repeat(201), null).parts()).extracting(String::length).containsExactly(67, 67, 67);
    }

    @Test
    void aCyrillicInvoiceOver70CharactersKeepsTheLinkInOnePart() {
        String message = "Петренко І., рахунок на 1250.50 UAH. Оплата: " + LINK;
        SmsText text = SmsText.of(message, LINK);

        assertThat(text.encoding()).isEqualTo(SmsEncoding.UCS_2);
        assertThat(text.text()).isEqualTo(message);
        assertThat(text.parts()).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(67));
        assertThat(text.parts()).anySatisfy(p -> assertThat(p).contains(LINK));
        // a plain split at 67 would have cut the link
        assertThat(message.indexOf(LINK)).isLessThan(67).isGreaterThan(67 - LINK.length());
        assertThat(text.parts()).containsExactly(message.substring(0, message.indexOf(LINK)), LINK);
    }

    @Test
    void theLinkIsKeptWholeWhereverItFallsInALongText() {
        for (int prefix = 0; prefix < 200; prefix++) {
            String message = "ґ".repeat(prefix) + " " + LINK + " дякуємо";
            SmsText text = SmsText.of(message, LINK);
            assertThat(text.text()).isEqualTo(message);
            assertThat(text.parts()).as("prefix %d", prefix).anySatisfy(p -> assertThat(p).contains(LINK));
        }
    }

    @Test
    void aLinkLongerThanAPartOpensAPartAndIsCutAsLittleAsPossible() {
        String longLink = "https://www.portmone.com.ua/r3/pg/" + "x".repeat(60);
        String message = "Сплатіть рахунок за посиланням " + longLink;
        SmsText text = SmsText.of(message, longLink);
        assertThat(text.parts()).hasSize(3);
        assertThat(text.parts().get(0)).isEqualTo("Сплатіть рахунок за посиланням ");
        assertThat(text.parts().get(1) + text.parts().get(2)).isEqualTo(longLink);
    }

    @Test
    void surrogatePairsAreNeverSplit() {
        String message = "ж".repeat(66) + "😀" + "ж".repeat(10);
        SmsText text = SmsText.of(message, null);
        assertThat(text.parts().get(0)).isEqualTo("ж".repeat(66));
        assertThat(text.parts().get(1)).startsWith("😀");
    }

    @Test
    void theAlignedTextSplitsAtTheStandardCapacitiesExactlyWhereTheTextWasSplit() {
        String cyrillic = "Іван Петренко, рахунок на 1250.50 UAH (Замовлення LP-1001). Оплатити: " + LINK;
        SmsText ucs2 = SmsText.of(cyrillic, LINK);
        assertThat(splitAtFixedCapacity(ucs2.alignedText(), 67)).extracting(String::stripTrailing)
                .containsExactlyElementsOf(ucs2.parts().stream().map(String::stripTrailing).toList());

        String latin = "Ivan Petrenko, your invoice for 1250.50 UAH is ready. Order LP-1001, thank you for"
                + " shopping with us. Please pay it within three days at " + LINK + " - the shop";
        SmsText gsm = SmsText.of(latin, LINK);
        assertThat(gsm.partCount()).isEqualTo(2);
        assertThat(splitAtFixedCapacity(gsm.alignedText(), 153).get(1)).startsWith(LINK);

        assertThat(SmsText.of("short", LINK).alignedText()).isEqualTo("short");
    }

    @Test
    void aTextNeedingMoreThan255PartsIsRefused() {
        assertThatThrownBy(() -> SmsText.of("ж".repeat(67 * 256), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256 SMS parts");
    }

    private static List<String> splitAtFixedCapacity(String text, int capacity) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < text.length(); i += capacity) {
            parts.add(text.substring(i, Math.min(text.length(), i + capacity)));
        }
        return parts;
    }
}
