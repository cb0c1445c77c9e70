package dev.portmoneconnect.connection;

import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.camel.support.service.ServiceHelper;

import java.time.Duration;

/**
 * Camel's http component with timeouts of its own. The component holds timeouts per component, so
 * each outside service with its own timeouts (a Portmone account, an SMS gateway) gets one. The
 * services are stateless APIs, so the client keeps no cookies.
 */
public final class TimedHttp {

    private TimedHttp() {
    }

    /** A started http component that gives up connecting after {@code connect} and waiting after {@code response}. */
    public static HttpComponent start(CamelContext context, Duration connect, Duration response) {
        HttpComponent http = new HttpComponent();
        http.setCamelContext(context);
        http.setConnectTimeout((int) connect.toMillis());
        http.setConnectionRequestTimeout((int) connect.toMillis());
        http.setSoTimeout((int) response.toMillis());
        http.setResponseTimeout((int) response.toMillis());
        // the services called are stateless JSON APIs: no cookies to keep between calls
        http.setCookieManagementDisabled(true);
        ServiceHelper.startService(http);
        return http;
    }
}
