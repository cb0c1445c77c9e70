package dev.portmoneconnect.portmone;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portmoneconnect.flow.Invoice;
import io.quarkus.runtime.annotations.RegisterForReflection;
import dev.portmoneconnect.connection.TimedHttp;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;
import org.apache.camel.support.service.ServiceHelper;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.ZonedDateTime;

/** One Portmone operation for one merchant account. */
@UriEndpoint(scheme = "portmone", title = "Portmone", syntax = "portmone:operation", producerOnly = true,
        category = {Category.API}, firstVersion = "0.1.0",
        generateConfigurer = false)
@RegisterForReflection
public class PortmoneEndpoint extends DefaultEndpoint {

    @UriPath(enums = "createLinkPayment,result,closeInvoice")
    @Metadata(required = true, description = "The Portmone method to call")
    private String operation;

    @UriParam(description = "Name of the merchant account under portmone.accounts")
    @Metadata(required = true)
    private String account;

    @UriParam(description = "createLinkPayment: close the invoices this step creates at Portmone (closeInvoice)"
            + " once they expire unpaid", defaultValue = "false")
    private boolean closeExpired;

    private PortmoneAccount resolvedAccount;
    private HttpComponent http;
    private org.apache.camel.Endpoint gatewayEndpoint;
    private volatile Producer gateway;

    public PortmoneEndpoint(String uri, PortmoneComponent component) {
        super(uri, component);
    }

    @Override
    public PortmoneComponent getComponent() {
        return (PortmoneComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return switch (operation == null ? "" : operation) {
            case "createLinkPayment" -> new CreateLinkPaymentProducer(this);
            case "result" -> new ResultProducer(this);
            case "closeInvoice" -> new CloseInvoiceProducer(this);
            default -> throw new IllegalArgumentException("Unknown Portmone operation '" + operation
                    + "'; supported: createLinkPayment, result, closeInvoice");
        };
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("portmone: endpoints only send");
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        if (account == null || account.isBlank()) {
            throw new IllegalArgumentException("portmone: endpoint needs ?account=<name>");
        }
        resolvedAccount = getComponent().account(account);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        try {
            new URI(resolvedAccount.url());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("portmone.accounts." + account + ".url is not a URL: " + e.getMessage(), e);
        }
    }

    @Override
    protected void doStop() throws Exception {
        synchronized (this) {
            ServiceHelper.stopService(gateway, gatewayEndpoint, http);
            gateway = null;
            gatewayEndpoint = null;
            http = null;
        }
        super.doStop();
    }

    PortmoneAccount account() {
        return resolvedAccount;
    }

    /**
     * The signed {@code createLinkPayment} request for the invoice, as it would leave now. It holds
     * the signature, never the signing key or the account's password.
     */
    public ObjectNode createLinkPaymentRequest(Invoice invoice, String shopOrderNumber) {
        return CreateLinkPayment.request(resolvedAccount, invoice, shopOrderNumber,
                ZonedDateTime.now(getComponent().clock()));
    }

    /**
     * The producer that posts to the account's gateway, shared by this endpoint's steps and made at
     * the first call rather than at start-up: its client (connection pool, TLS context, the JVM's
     * trust store) is work the app's start does not need. Each account gets its own HTTP client
     * because Camel's http component holds timeouts per component, and accounts may be configured
     * with different ones.
     */
    Producer gateway() throws Exception {
        Producer made = gateway;
        if (made != null) {
            return made;
        }
        synchronized (this) {
            if (gateway == null) {
                http = TimedHttp.start(getCamelContext(), resolvedAccount.connectTimeout(), resolvedAccount.timeout());
                gatewayEndpoint = http.createEndpoint(resolvedAccount.url()
                        + (resolvedAccount.url().contains("?") ? "&" : "?") + "throwExceptionOnFailure=false&httpMethod=POST");
                ServiceHelper.startService(gatewayEndpoint);
                Producer producer = gatewayEndpoint.createProducer();
                ServiceHelper.startService(producer);
                gateway = producer;
            }
            return gateway;
        }
    }

    public String getOperation() {
        return operation;
    }

    public void setOperation(String operation) {
        this.operation = operation;
    }

    public boolean isCloseExpired() {
        return closeExpired;
    }

    public void setCloseExpired(boolean closeExpired) {
        this.closeExpired = closeExpired;
    }

    public String getAccount() {
        return account;
    }

    public void setAccount(String account) {
        this.account = account;
    }
}
