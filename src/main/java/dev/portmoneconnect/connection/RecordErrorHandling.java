package dev.portmoneconnect.connection;

import dev.portmoneconnect.flow.ConnectHeaders;
import dev.portmoneconnect.ledger.Failures;
import dev.portmoneconnect.ledger.LedgerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.apache.camel.model.RouteConfigurationDefinition;

/**
 * Error handling shared by every connection route, so a route file needs none of its own: a
 * transient failure is retried with exponential backoff and jitter, each try recorded; after the
 * last one, or at once for a permanent failure, the record is marked failed or parked in the
 * ledger and the run goes on with the next record. A record of a payment follow-up (a reminder
 * from a {@code payments:} source) is recorded by the payments steps instead.
 */
@ApplicationScoped
public class RecordErrorHandling extends RouteConfigurationBuilder {

    @Inject
    RetryConfig retry;

    @Inject
    LedgerService ledger;

    @Override
    public void configuration() {
        RouteConfigurationDefinition connections = routeConfiguration();
        connections.onException(Exception.class)
                .onWhen(exchange -> Failures.isTransient(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class))
                        || Failures.isTransient(exchange.getException()))
                .maximumRedeliveries(retry.maxRetries())
                .redeliveryDelay(retry.initialDelay().toMillis())
                .useExponentialBackOff()
                .backOffMultiplier(retry.multiplier())
                .maximumRedeliveryDelay(retry.maxDelay().toMillis())
                .useCollisionAvoidance()
                .retryAttemptedLogLevel(LoggingLevel.DEBUG)
                .onRedelivery(ledger::retrying)
                .handled(true)
                .choice()
                    .when(header(ConnectHeaders.FOLLOW_UP).isNotNull()).to("payments:failed")
                    .otherwise().to("ledger:failed")
                .end();
        connections.onException(Exception.class)
                .handled(true)
                .choice()
                    .when(header(ConnectHeaders.FOLLOW_UP).isNotNull()).to("payments:failed")
                    .otherwise().to("ledger:failed")
                .end();
    }
}
