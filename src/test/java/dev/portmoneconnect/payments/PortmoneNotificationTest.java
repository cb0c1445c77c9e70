package dev.portmoneconnect.payments;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Portmone's two notification forms read, the answers it expects written, and hostile input refused. */
class PortmoneNotificationTest {

    @Test
    void theJsonFormNamesTheOrderAndItsBill() {
        PortmoneNotification n = PortmoneNotification.json("""
                {"shopOrderNumber":"shop_INV-1","shopBillId":"1234567","billAmount":"250.00","status":"PAYED"}"""
                .getBytes(StandardCharsets.UTF_8));
        assertThat(n.format()).isEqualTo(PortmoneNotification.Format.JSON);
        assertThat(n.claims()).containsExactly(new PortmoneNotification.Claim("shop_INV-1", "1234567", "250.00"));
        assertThatThrownBy(() -> PortmoneNotification.json("{\"shopBillId\":\"1\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("shopOrderNumber");
        assertThatThrownBy(() -> PortmoneNotification.json("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theXmlFormMayNameSeveralBills() {
        PortmoneNotification n = PortmoneNotification.xml("""
                <?xml version="1.0" encoding="utf-8"?>
                <BILLS><PAYEE>1185</PAYEE>
                  <BILL><BILL_ID>11</BILL_ID><BILL_NUMBER>shop_A</BILL_NUMBER><PAYED_AMOUNT>10.00</PAYED_AMOUNT></BILL>
                  <BILL><BILL_ID>12</BILL_ID><BILL_NUMBER>shop_B</BILL_NUMBER><PAYED_AMOUNT>20.00</PAYED_AMOUNT></BILL>
                </BILLS>""");
        assertThat(n.format()).isEqualTo(PortmoneNotification.Format.XML);
        assertThat(n.claims()).extracting(PortmoneNotification.Claim::shopOrderNumber).containsExactly("shop_A", "shop_B");
        assertThat(n.claims().get(1).billId()).isEqualTo("12");
    }

    @Test
    void entitiesAndDoctypesAreRefused() {
        assertThatThrownBy(() -> PortmoneNotification.xml("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<BILLS><BILL><BILL_NUMBER>&e;</BILL_NUMBER></BILL></BILLS>")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PortmoneNotification.xml("<BILLS/>")).hasMessageContaining("BILL_NUMBER");
    }

    @Test
    void theAnswerIsInTheNotificationsForm() {
        assertThat(PortmoneNotification.answer(PortmoneNotification.Format.XML, "0", "OK", "r1"))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><RESULT><ERROR_CODE>0</ERROR_CODE>"
                        + "<REASON>OK</REASON></RESULT>");
        assertThat(PortmoneNotification.answer(PortmoneNotification.Format.JSON, "0", "OK", "r1"))
                .isEqualTo("{\"errorCode\":\"0\",\"reason\":\"OK\",\"responseId\":\"r1\"}");
        assertThat(NotificationCheck.printable("a\nb\u0000c")).isEqualTo("a?b?c");
    }
}
