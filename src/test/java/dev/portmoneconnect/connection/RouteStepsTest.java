package dev.portmoneconnect.connection;

import dev.portmoneconnect.ledger.Run;
import dev.portmoneconnect.ledger.RunStatus;
import dev.portmoneconnect.mapping.InvalidRecordException;
import dev.portmoneconnect.flow.Invoice;
import dev.portmoneconnect.schedule.ConnectionSwitch;
import dev.portmoneconnect.source.InboxRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.apache.camel.Exchange;
import org.apache.camel.builder.AdviceWith;
import org.apache.camel.builder.NotifyBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.quarkus.test.CamelQuarkusTestSupport;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps of connection routes, observed inside Camel: AdviceWith adds mock endpoints to the
 * routes as they are, and the records go through the real steps, fakes and ledger. Advice and mock
 * endpoints change the Camel context for good, so this class is its own test profile: a Quarkus
 * start of its own, first, before the suite's common start.
 */
@QuarkusTest
@TestProfile(RouteStepsTest.class)
@Order(1)
public class RouteStepsTest extends CamelQuarkusTestSupport {

    @Inject
    InboxRepository inbox;

    @Inject
    RunService runs;

    @Inject
    ConnectionSwitch connectionSwitch;

    @Test
    void aRecordThatFailsGoesToLedgerFailedAndTheRunGoesOnWithTheNextRecord() throws Exception {
        AdviceWith.adviceWith(context, "test-orders", route -> {
            // the shared error handling, not a step of the route, sends to ledger:failed: mock the endpoint
            route.mockEndpoints("ledger:failed");
            route.weaveByToUri("ledger:delivered").after().to("mock:delivered");
        });
        MockEndpoint failed = getMockEndpoint("mock:ledger:failed");
        MockEndpoint delivered = getMockEndpoint("mock:delivered");
        failed.expectedMessageCount(1);
        delivered.expectedMessageCount(2);

        inbox.store("test-orders", List.of(
                order("STEPS-GOOD-1", "100"),
                order("STEPS-BAD", "abc"),
                order("STEPS-GOOD-2", "75.50")));
        Run run = runs.start("test-orders", RunRequest.manual()).done().get(30, TimeUnit.SECONDS);

        MockEndpoint.assertIsSatisfied(context, 10, TimeUnit.SECONDS);
        Exchange failure = failed.getReceivedExchanges().get(0);
        assertThat(failure.getMessage().getBody(Map.class)).containsEntry("id", "STEPS-BAD");
        assertThat(failure.getProperty(Exchange.EXCEPTION_CAUGHT)).isInstanceOfSatisfying(
                InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThat(delivered.getReceivedExchanges()).extracting(e -> e.getMessage().getBody(Invoice.class).recordKey())
                .containsExactly("STEPS-GOOD-1", "STEPS-GOOD-2");
        assertThat(run.status()).isEqualTo(RunStatus.PARTIAL);
        assertThat(run.delivered()).isEqualTo(2);
        assertThat(run.failed()).isEqualTo(1);
    }

    @Test
    void theExampleConnectionTakesARecordThroughItsStepsInTheDocumentedOrder() throws Exception {
        connectionSwitch.set("landing-orders", false);
        AdviceWith.adviceWith(context, "landing-orders", route -> route
                .interceptSendToEndpoint("(inbox|mapping|portmone|delivery):.*|ledger:(guard|invoiced|delivered)")
                .to("mock:steps"));
        MockEndpoint steps = getMockEndpoint("mock:steps");
        steps.expectedMessageCount(7);
        NotifyBuilder runEnded = new NotifyBuilder(context).fromRoute("landing-orders").whenDone(1).create();

        inbox.store("landing-orders", List.of(
                "{\"order_id\": \"STEPS-1\", \"name\": \"Ірина Бойко\", \"email\": \"iryna@example.com\", \"amount\": \"1 250,50\"}"));
        runs.start("landing-orders", RunRequest.manual());

        assertThat(runEnded.matches(30, TimeUnit.SECONDS)).as("the run ended").isTrue();
        steps.assertIsSatisfied();
        assertThat(steps.getReceivedExchanges()).extracting(e -> step(e.getProperty(Exchange.INTERCEPTED_ENDPOINT, String.class)))
                .containsExactly("inbox:landing-orders", "mapping:landing-orders", "ledger:guard",
                        "portmone:createLinkPayment", "ledger:invoiced", "delivery:email", "ledger:delivered");
    }

    private static String order(String id, String amount) {
        return "{\"id\": \"" + id + "\", \"name\": \"Oksana Marchenko\", \"email\": \"oksana@example.com\", \"amount\": \""
                + amount + "\"}";
    }

    /** {@code portmone://createLinkPayment?account=shop} as the route file names it: {@code portmone:createLinkPayment}. */
    private static String step(String endpointUri) {
        String withoutOptions = endpointUri.contains("?") ? endpointUri.substring(0, endpointUri.indexOf('?')) : endpointUri;
        return withoutOptions.replaceFirst("://", ":");
    }
}
