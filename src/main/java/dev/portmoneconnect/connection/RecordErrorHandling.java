package dev.portmoneconnect.connection;

import dev.portmoneconnect.ledger.Failures;
import dev.portmoneconnect.ledger.LedgerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteConfigurationBuilder;

/**
 * Error handling shared by every connection route, so a route file needs none of its own: a
 * transient failure is retried with exponential backoff and jitter, each try recorded; after the
 * last one, or at once for a permanent failure, the record is marked failed or parked in the
 * ledger and the run goes on with the next record.
 */
@ApplicationScoped
public class RecordErrorHandling extends RouteConfigurationBuilder {

    @Inject
    RetryConfig retry;

    @Inject
    LedgerService ledger;

    @Override
    public void configuration() {
        routeConfiguration()
                .onException(Exception.class)
                    .onWhen(exchange -> Failures.isTransient(exchange.getProperty(Exchange.EXCEPTION_CAUGHT,
                            Throwable.class)) || Failures.isTransient(exchange.getException()))
                    .maximumRedeliveries(retry.maxRetries())
                    .redeliveryDelay(retry.initialDelay().toMillis())
                    .useExponentialBackOff()
                    .backOffMultiplier(retry.multiplier())
                    .maximumRedeliveryDelay(retry.maxDelay().toMillis())
                    .useCollisionAvoidance()
                    .retryAttemptedLogLevel(org.apache.camel.LoggingLevel.DEBUG)
                    .onRedelivery(ledger::retrying)
                    .handled(true)
                    .to("ledger:failed")
                .end()
                .onException(Exception.class)
                    .handled(true)
                    .to("ledger:failed")
                .end();
    }
}
