package dev.portmoneconnect.delivery.sms;

import dev.portmoneconnect.delivery.DeliveryException;
import org.apache.camel.component.smpp.SmppException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.extra.NegativeResponseException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;

import static dev.portmoneconnect.support.ShownInUkrainian.assertShownInUkrainian;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The reasons SMS delivery gives, as the gateways write them, are shown in Ukrainian. */
class SmsReasonsTest {

    @Test
    void smppRefusalsAreShownInUkrainian() {
        shown(SmppGateway.classify(new SmppException(new NegativeResponseException(SMPPConstant.STAT_ESME_RINVDSTADR))),
                "SMS-центр не прийняв повідомлення (статус 000B)");
        shown(SmppGateway.classify(new IOException("Receive negative bind response",
                new NegativeResponseException(SMPPConstant.STAT_ESME_RINVPASWD))), "не прийняв логін (статус 000E)");
        shown(SmppGateway.classify(new ConnectException("Connection refused")), "SMS-центр недоступний");
    }

    @Test
    void httpGatewayRefusalsAreShownInUkrainian() {
        shown(catchThrowableOfType(DeliveryException.class, () -> TurboSmsApi.messageId(503, "")), "SMS-шлюз відповів HTTP 503");
        shown(catchThrowableOfType(DeliveryException.class, () -> TurboSmsApi.messageId(401, "<html/>")),
                "без коду відповіді");
        shown(catchThrowableOfType(DeliveryException.class,
                () -> TurboSmsApi.messageId(200, "{\"response_code\":305,\"response_status\":\"INVALID_PHONE\"}")),
                "SMS-шлюз не прийняв повідомлення: INVALID_PHONE (305)");
    }

    private static void shown(DeliveryException failure, String expected) {
        assertShownInUkrainian("delivery", failure.code(), failure.getMessage(), expected);
    }
}
