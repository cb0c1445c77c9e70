package dev.portmoneconnect.delivery.sms;

import dev.portmoneconnect.delivery.PermanentDeliveryException;
import dev.portmoneconnect.delivery.TransientDeliveryException;
import org.apache.camel.Service;

/** Where SMS leave the app: an operator's SMS centre over SMPP, or a provider's HTTP API. */
public interface SmsGateway extends Service {

    /**
     * Sends the text to one phone.
     *
     * @param phone the recipient, {@code 380XXXXXXXXX}
     * @throws TransientDeliveryException when the gateway may accept it later
     * @throws PermanentDeliveryException when it will never accept it as it is
     */
    void send(String phone, SmsText text);
}
