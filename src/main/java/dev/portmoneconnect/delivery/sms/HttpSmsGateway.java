package dev.portmoneconnect.delivery.sms;

import dev.portmoneconnect.flow.PersonalData;
import dev.portmoneconnect.delivery.DeliveryConfig;
import dev.portmoneconnect.delivery.PermanentDeliveryException;
import dev.portmoneconnect.delivery.TransientDeliveryException;
import io.quarkus.logging.Log;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Producer;
import dev.portmoneconnect.connection.TimedHttp;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.support.service.ServiceHelper;
import org.apache.camel.support.service.ServiceSupport;

import java.time.Duration;

/**
 * Sends SMS through a provider's HTTP JSON API, by Camel's http component; what the request and
 * the answer look like is {@link TurboSmsApi}'s business. The provider splits long texts itself, so
 * it gets the {@linkplain SmsText#alignedText() aligned text}, which it splits where the link stays whole.
 */
public class HttpSmsGateway extends ServiceSupport implements SmsGateway {

    private final CamelContext camelContext;
    private final DeliveryConfig.Sms.Http config;
    private final Duration timeout;
    private HttpComponent http;
    private Endpoint endpoint;
    private Producer producer;

    public HttpSmsGateway(CamelContext camelContext, DeliveryConfig.Sms.Http config, Duration timeout) {
        this.camelContext = camelContext;
        this.config = config;
        this.timeout = timeout;
    }

    @Override
    protected void doStart() throws Exception {
        if (config.url().isEmpty()) {
            return;
        }
        http = TimedHttp.start(camelContext, timeout, timeout);
        String base = config.url().get().replaceAll("/+$", "");
        endpoint = http.createEndpoint(base + TurboSmsApi.PATH + "?throwExceptionOnFailure=false&httpMethod=POST");
        ServiceHelper.startService(endpoint);
        producer = endpoint.createProducer();
        ServiceHelper.startService(producer);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(producer, endpoint, http);
    }

    @Override
    public void send(String phone, SmsText text) {
        if (endpoint == null) {
            throw notConfigured("url");
        }
        String token = config.token().filter(t -> !t.isBlank()).orElseThrow(() -> notConfigured("token"));
        String sender = config.sender().filter(t -> !t.isBlank()).orElseThrow(() -> notConfigured("sender"));

        Exchange call = endpoint.createExchange();
        call.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
        call.getMessage().setHeader("Accept", "application/json");
        call.getMessage().setHeader("Authorization", "Bearer " + token);
        call.getMessage().setBody(TurboSmsApi.request(phone, sender, text.alignedText()));
        try {
            producer.process(call);
        } catch (Exception e) {
            call.setException(e);
        }
        if (call.getException() != null) {
            throw new TransientDeliveryException("SMS_GATEWAY_UNAVAILABLE",
                    "SMS gateway not reachable: " + call.getException().getMessage(), call.getException());
        }
        Integer status = call.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        String id = TurboSmsApi.messageId(status == null ? 0 : status, call.getMessage().getBody(String.class));
        Log.debugf("SMS to %s taken by the gateway as message %s", PersonalData.maskPhone(phone), id);
    }

    private static PermanentDeliveryException notConfigured(String key) {
        return new PermanentDeliveryException("SMS_NOT_CONFIGURED", "delivery.sms.http." + key + " is not set", null);
    }
}
