package dev.portmoneconnect.delivery.sms;

import dev.portmoneconnect.delivery.DeliveryException;
import dev.portmoneconnect.delivery.PermanentDeliveryException;
import dev.portmoneconnect.delivery.TransientDeliveryException;
import org.apache.camel.component.smpp.SmppException;
import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.util.StringParameter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class SmppGatewayTest {

    @Test
    void aSinglePartIsSentWithoutAHeader() {
        byte[][] segments = SmppGateway.segments(SmsText.of("Pay: https://x.example/1", null), (byte) 7);
        assertThat(segments).hasNumberOfRows(1);
        assertThat(new String(segments[0], StandardCharsets.US_ASCII))
                .isEqualTo("Pay: https://x.example/1");
    }

    @Test
    void eachPartOfALongTextStartsWithAConcatenationHeader() {
        SmsText text = SmsText.of("ж".repeat(100), null);
        byte[][] segments = SmppGateway.segments(text, (byte) 0xA1);
        assertThat(segments).hasNumberOfRows(2);
        assertThat(Arrays.copyOf(segments[0], 6)).containsExactly(0x05, 0x00, 0x03, 0xA1, 0x02, 0x01);
        assertThat(Arrays.copyOf(segments[1], 6)).containsExactly(0x05, 0x00, 0x03, 0xA1, 0x02, 0x02);
        assertThat(segments[0]).hasSize(6 + 67 * 2);
        assertThat(segments[1]).hasSize(6 + 33 * 2);
    }

    @Test
    void aGsm7PartOfALongTextIsAtMost159OctetsUnpacked() {
        byte[][] segments = SmppGateway.segments(SmsText.of("a".repeat(200), null), (byte) 1);
        assertThat(segments[0]).hasSize(6 + 153);
    }

    @Test
    void refusalsOfTheMessageAreFinalAndABusyCentreMayAcceptLater() {
        assertThat(SmppGateway.classify(new SmppException(new NegativeResponseException(SMPPConstant.STAT_ESME_RINVDSTADR))))
                .isInstanceOf(PermanentDeliveryException.class)
                .extracting(DeliveryException::code).isEqualTo("SMPP_000B");
        assertThat(SmppGateway.classify(new SmppException(new NegativeResponseException(SMPPConstant.STAT_ESME_RTHROTTLED))))
                .isInstanceOf(TransientDeliveryException.class)
                .extracting(DeliveryException::code).isEqualTo("SMPP_0058");
        assertThat(SmppGateway.classify(new SmppException(new NegativeResponseException(SMPPConstant.STAT_ESME_RMSGQFUL))))
                .isInstanceOf(TransientDeliveryException.class);
    }

    @Test
    void aRefusedLoginMayPassUnlessTheCredentialsWereRefused() {
        IOException bindFailed = new IOException("Receive negative bind response",
                new NegativeResponseException(SMPPConstant.STAT_ESME_RBINDFAIL));
        assertThat(SmppGateway.classify(bindFailed)).isInstanceOf(TransientDeliveryException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("refused the login"));
        IOException badPassword = new IOException("Receive negative bind response",
                new NegativeResponseException(SMPPConstant.STAT_ESME_RINVPASWD));
        assertThat(SmppGateway.classify(badPassword)).isInstanceOf(PermanentDeliveryException.class)
                .extracting(DeliveryException::code).isEqualTo("SMPP_000E");
    }

    @Test
    void anUnreachableOrSilentCentreMayAcceptLater() {
        assertThat(SmppGateway.classify(new ConnectException("Connection refused")))
                .isInstanceOf(TransientDeliveryException.class)
                .extracting(DeliveryException::code).isEqualTo("SMPP_UNAVAILABLE");
        assertThat(SmppGateway.classify(new SmppException(new ResponseTimeoutException("no answer"))))
                .isInstanceOf(TransientDeliveryException.class);
    }

    @Test
    void aMessageSmppCannotCarryIsFinal() {
        PDUStringException invalid = new PDUStringException("destination too long", StringParameter.DESTINATION_ADDR);
        assertThat(SmppGateway.classify(new SmppException(invalid))).isInstanceOf(PermanentDeliveryException.class)
                .extracting(DeliveryException::code).isEqualTo("SMPP_INVALID_MESSAGE");
    }
}
