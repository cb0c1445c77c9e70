package dev.portmoneconnect.payments;

import dev.portmoneconnect.flow.Invoice;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.support.TypeConverterSupport;

import java.util.Map;

/**
 * {@code payments:unpaid|paid|expired}: invoices by payment status, as a connection's source, and
 * {@code payments:guard|done}: the steps around a follow-up that make it act once per invoice, and
 * on an unpaid invoice only while Portmone says it is unpaid.
 */
@Component("payments")
@Named("payments")
@Singleton
public class PaymentsComponent extends DefaultComponent {

    @Inject
    FollowUps followUps;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        PaymentsEndpoint endpoint = new PaymentsEndpoint(uri, this);
        endpoint.setKind(remaining);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // delivery steps read a follow-up's record as the invoice it was made from
        getCamelContext().getTypeConverterRegistry().addTypeConverter(Invoice.class, PaymentRecord.class,
                new TypeConverterSupport() {
                    @Override
                    public <T> T convertTo(Class<T> type, Exchange exchange, Object value) {
                        return type.cast(((PaymentRecord) value).invoice());
                    }
                });
    }

    FollowUps followUps() {
        return followUps;
    }
}
