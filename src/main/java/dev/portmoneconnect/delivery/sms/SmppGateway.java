package dev.portmoneconnect.delivery.sms;

import dev.portmoneconnect.delivery.DeliveryConfig;
import dev.portmoneconnect.delivery.DeliveryException;
import dev.portmoneconnect.delivery.PermanentDeliveryException;
import dev.portmoneconnect.delivery.TransientDeliveryException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import org.apache.camel.component.smpp.SmppComponent;
import org.apache.camel.component.smpp.SmppConfiguration;
import org.apache.camel.component.smpp.SmppConstants;
import org.apache.camel.component.smpp.SmppEndpoint;
import org.apache.camel.component.smpp.SmppSplitter;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends SMS to an operator's SMS centre over SMPP 3.4, through Camel's smpp component, bound as a
 * transmitter from the first message on. A text of several parts goes as a concatenated SMS: one
 * submit_sm per part, each starting with a user data header (reference, part count, part number),
 * the parts cut where {@link SmsText} cut them so that the link stays whole. GSM-7 texts are sent
 * unpacked, one septet per octet, with data coding 0; UCS-2 texts as UTF-16 with data coding 8.
 */
public class SmppGateway extends ServiceSupport implements SmsGateway {

    /** SMPP 3.4 field limits, checked here because jsmpp would quote the refused value in its error. */
    private static final int MAX_SYSTEM_ID = 15;
    private static final int MAX_PASSWORD = 8;

    /** Login refusals that only a change of configuration can end. */
    private static final Set<Integer> CREDENTIAL_STATUSES = Set.of(SMPPConstant.STAT_ESME_RINVPASWD,
            SMPPConstant.STAT_ESME_RINVSYSID);

    /** Refusals the SMS centre may not repeat later: it is busy, throttling or failing inside. */
    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(SMPPConstant.STAT_ESME_RSYSERR,
            SMPPConstant.STAT_ESME_RMSGQFUL, SMPPConstant.STAT_ESME_RTHROTTLED, SMPPConstant.STAT_ESME_RSUBMITFAIL,
            SMPPConstant.STAT_ESME_RX_T_APPN, SMPPConstant.STAT_ESME_RUNKNOWNERR);

    private static final AtomicInteger REFERENCES = new AtomicInteger(new SecureRandom().nextInt(256));

    private final CamelContext camelContext;
    private final DeliveryConfig.Sms.Smpp config;
    private final Duration timeout;
    private SmppEndpoint endpoint;
    private Producer producer;

    public SmppGateway(CamelContext camelContext, DeliveryConfig.Sms.Smpp config, Duration timeout) {
        this.camelContext = camelContext;
        this.config = config;
        this.timeout = timeout;
    }

    @Override
    protected void doStart() throws Exception {
        SmppConfiguration smpp = new SmppConfiguration();
        smpp.setHost(config.host());
        smpp.setPort(config.port());
        config.systemId().ifPresent(smpp::setSystemId);
        config.password().ifPresent(smpp::setPassword);
        config.sourceAddress().ifPresent(source -> {
            boolean numeric = source.matches("\\+?[0-9]+");
            smpp.setSourceAddr(numeric ? source.replace("+", "") : source);
            smpp.setSourceAddrTon((numeric ? TypeOfNumber.INTERNATIONAL : TypeOfNumber.ALPHANUMERIC).value());
            smpp.setSourceAddrNpi((numeric ? NumberingPlanIndicator.ISDN : NumberingPlanIndicator.UNKNOWN).value());
        });
        smpp.setDestAddrTon(TypeOfNumber.INTERNATIONAL.value());
        smpp.setDestAddrNpi(NumberingPlanIndicator.ISDN.value());
        smpp.setRegisteredDelivery((byte) 0);
        smpp.setTransactionTimer((int) timeout.toMillis());
        // Bind on the first message, not at start-up: the app starts while the SMS centre is away.
        smpp.setLazySessionCreation(true);
        SmppComponent component = camelContext.getComponent("smpp", SmppComponent.class);
        endpoint = new SmppEndpoint("smpp://" + config.host() + ":" + config.port(), component, smpp);
        endpoint.setCamelContext(camelContext);
        ServiceHelper.startService(endpoint);
        producer = endpoint.createProducer();
        ServiceHelper.startService(producer);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(producer, endpoint);
    }

    @Override
    public void send(String phone, SmsText text) {
        checkConfigured();
        Exchange exchange = endpoint.createExchange();
        exchange.getMessage().setHeader(SmppConstants.DEST_ADDR, phone);
        exchange.getMessage().setHeader(SmppConstants.DATA_CODING, text.encoding().dataCoding());
        exchange.getMessage().setHeader(SmppConstants.DATA_SPLITTER, new PreparedParts(segments(text, nextReference())));
        exchange.getMessage().setBody(text.text());
        try {
            producer.process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        if (exchange.getException() != null) {
            throw classify(exchange.getException());
        }
    }

    private void checkConfigured() {
        if (config.systemId().isEmpty()) {
            throw new PermanentDeliveryException("SMS_NOT_CONFIGURED", "delivery.sms.smpp.system-id is not set", null);
        }
        if (config.systemId().get().length() > MAX_SYSTEM_ID) {
            throw new PermanentDeliveryException("SMS_NOT_CONFIGURED",
                    "delivery.sms.smpp.system-id is longer than the " + MAX_SYSTEM_ID + " characters SMPP allows", null);
        }
        if (config.password().map(String::length).orElse(0) > MAX_PASSWORD) {
            throw new PermanentDeliveryException("SMS_NOT_CONFIGURED",
                    "delivery.sms.smpp.password is longer than the " + MAX_PASSWORD + " characters SMPP allows", null);
        }
    }

    private static byte nextReference() {
        return (byte) REFERENCES.updateAndGet(r -> (r + 1) % 256);
    }

    /** The short_message of each submit_sm: the part's octets, after a concatenation header when there are several. */
    static byte[][] segments(SmsText text, byte reference) {
        int count = text.partCount();
        byte[][] segments = new byte[count][];
        for (int i = 0; i < count; i++) {
            byte[] data = text.encoding().encode(text.parts().get(i));
            if (count == 1) {
                segments[i] = data;
                continue;
            }
            byte[] header = {0x05, 0x00, 0x03, reference, (byte) count, (byte) (i + 1)};
            segments[i] = new byte[header.length + data.length];
            System.arraycopy(header, 0, segments[i], 0, header.length);
            System.arraycopy(data, 0, segments[i], header.length, data.length);
        }
        return segments;
    }

    /**
     * A refused login (it comes wrapped in an I/O error) may pass unless the credentials were
     * refused; a busy or failing centre may accept later; a refusal of the message itself (bad
     * number, bad text) is final.
     */
    static DeliveryException classify(Throwable failure) {
        boolean binding = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NegativeResponseException refused) {
                int status = refused.getCommandStatus();
                String code = String.format("SMPP_%04X", status);
                String message = "SMS centre refused " + (binding ? "the login" : "the message") + ": "
                        + refused.getMessage();
                boolean mayPass = binding ? !CREDENTIAL_STATUSES.contains(status) : TRANSIENT_STATUSES.contains(status);
                return mayPass
                        ? new TransientDeliveryException(code, message, failure)
                        : new PermanentDeliveryException(code, message, failure);
            }
            if (t instanceof PDUException invalid && !binding) {
                return new PermanentDeliveryException("SMPP_INVALID_MESSAGE",
                        "the message cannot be sent by SMPP: " + invalid.getMessage(), failure);
            }
            if (t instanceof IOException) {
                binding = true;
            }
        }
        return new TransientDeliveryException("SMPP_UNAVAILABLE", "SMS centre not reachable: " + failure.getMessage(),
                failure);
    }

    /** Hands Camel the parts as {@link SmsText} cut them, instead of cutting the text at fixed lengths. */
    private static final class PreparedParts extends SmppSplitter {

        private final byte[][] segments;

        PreparedParts(byte[][] segments) {
            super(0, 0, 0);
            this.segments = segments;
        }

        @Override
        public byte[][] split(byte[] message) {
            return segments;
        }
    }
}
