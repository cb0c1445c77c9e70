package dev.portmoneconnect.schedule;

import dev.portmoneconnect.connection.ConnectionRegistry;
import dev.portmoneconnect.ledger.Run;
import dev.portmoneconnect.ledger.RunStatus;
import dev.portmoneconnect.schedule.Firing.Outcome;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakesResource;
import dev.portmoneconnect.support.Observed;
import dev.portmoneconnect.support.TestStep;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** "Runs after": chain-a -> chain-b (after a success) -> chain-c (after any run). */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@Order(22)
class AfterChainTest {

    @Inject
    Observed observed;

    @Inject
    TestStep testStep;

    @Inject
    CamelContext camel;

    @Inject
    ConnectionRegistry registry;

    FakePortmone portmone;

    @BeforeEach
    void clean() {
        portmone.reset();
    }

    @Test
    void aSuccessfulRunStartsTheNextConnectionAndSoOnDownTheChain() throws Exception {
        int mark = observed.mark();
        JsonPath a = Api.run("chain-a");
        assertThat(a.getString("status")).isEqualTo("SUCCEEDED");

        Firing b = observed.awaitFiringSince(mark, f -> f.connectionId().equals("chain-b"));
        assertThat(b.cause()).isEqualTo("after:chain-a");
        assertThat(b.outcome()).isEqualTo(Outcome.STARTED);
        Run bRun = observed.awaitFinished(b.runId());
        assertThat(bRun.trigger()).isEqualTo("after:chain-a");

        Firing c = observed.awaitFiringSince(mark, f -> f.connectionId().equals("chain-c"));
        assertThat(c.cause()).isEqualTo("after:chain-b");
        assertThat(c.outcome()).isEqualTo(Outcome.STARTED);
        assertThat(observed.awaitFinished(c.runId()).trigger()).isEqualTo("after:chain-b");
    }

    @Test
    void aFailedRunDoesNotStartTheConnectionThatRunsAfterIt() {
        String lastB = Api.runs("chain-b").getString("[0].id");
        int mark = observed.mark();
        testStep.failNextRun();

        JsonPath a = Api.run("chain-a");
        assertThat(a.getString("status")).isEqualTo("FAILED");
        assertThat(a.getString("error")).contains("the source cannot be read");

        // The chain is decided before the upstream run is reported finished.
        List<Firing> firings = observed.firingsSince(mark, f -> f.connectionId().equals("chain-b"));
        assertThat(firings).extracting(Firing::outcome).containsExactly(Outcome.UPSTREAM_OUTCOME);
        assertThat(Api.runs("chain-b").getString("[0].id")).isEqualTo(lastB);
        assertThat(observed.firingsSince(mark, f -> f.connectionId().equals("chain-c"))).isEmpty();
    }

    @Test
    void aPartialRunCountsAsSuccess() throws Exception {
        Api.post("chain-a", List.of(Api.order("CH-1", "Oksana", "oksana@example.com", 10),
                Map.of("id", "CH-2", "name", "No Mail", "amount", "10")));
        int mark = observed.mark();
        JsonPath a = Api.run("chain-a");
        assertThat(a.getString("status")).isEqualTo("PARTIAL");
        Firing b = observed.awaitFiringSince(mark, f -> f.connectionId().equals("chain-b"));
        assertThat(b.outcome()).isEqualTo(Outcome.STARTED);
        observed.awaitFinished(b.runId());
    }

    @Test
    void aSwitchedOffConnectionIsNotStartedByItsUpstreamButRunsByHand() throws Exception {
        Api.setEnabled("chain-b", false);
        try {
            int mark = observed.mark();
            Api.run("chain-a");
            assertThat(observed.firingsSince(mark, f -> f.connectionId().equals("chain-b")))
                    .extracting(Firing::outcome).containsExactly(Outcome.SWITCHED_OFF);

            JsonPath byHand = Api.run("chain-b");
            assertThat(byHand.getString("trigger")).isEqualTo("manual");
            Firing c = observed.awaitFiringSince(mark, f -> f.connectionId().equals("chain-c"));
            observed.awaitFinished(c.runId());
        } finally {
            Api.setEnabled("chain-b", true);
        }
    }

    @Test
    void aCycleIsRefusedWithTheCycleNamed() {
        String yaml = """
                - route:
                    id: loop-a
                    from:
                      uri: connection:loop-a
                      parameters:
                        after: loop-b
                      steps:
                        - to: inbox:loop-a
                - route:
                    id: loop-b
                    from:
                      uri: connection:loop-b
                      parameters:
                        after: loop-a
                      steps:
                        - to: inbox:loop-b
                """;
        try {
            assertThatThrownBy(() -> load("loop.camel.yaml", yaml))
                    .isInstanceOf(InvalidTriggerException.class).hasMessage("Connections run after each other in a cycle: loop-a -> loop-b -> loop-a");
            assertThat(registry.exists("loop-a")).isFalse();
            assertThat(registry.exists("loop-b")).isFalse();
        } finally {
            remove("loop-a", "loop-b");
        }
    }

    @Test
    void anUnknownUpstreamIsRefusedWithItsName() {
        String yaml = """
                - route:
                    id: orphan
                    from:
                      uri: connection:orphan
                      parameters:
                        after: nowhere
                      steps:
                        - to: inbox:orphan
                """;
        try {
            assertThatThrownBy(() -> load("orphan.camel.yaml", yaml))
                    .isInstanceOf(InvalidTriggerException.class).hasMessage("Connection 'orphan' runs after 'nowhere', but no route declares"
                            + " connection 'nowhere'");
            assertThat(registry.exists("orphan")).isFalse();
        } finally {
            remove("orphan");
        }
    }

    @Test
    void anUnusableTriggerOptionIsRefusedWithItsName() {
        String yaml = """
                - route:
                    id: odd-interval
                    from:
                      uri: connection:odd-interval
                      parameters:
                        every: 7m
                      steps:
                        - to: inbox:odd-interval
                """;
        try {
            assertThatThrownBy(() -> load("odd.camel.yaml", yaml))
                    .isInstanceOf(InvalidTriggerException.class).hasMessageStartingWith("Connection 'odd-interval': every '7m' is not one of 1m, 5m");
            assertThat(registry.exists("odd-interval")).isFalse();
        } finally {
            remove("odd-interval");
        }
    }

    /** Loads route files the way a route reload does. */
    private void load(String name, String yaml) throws Exception {
        PluginHelper.getRoutesLoader(camel).loadRoutes(ResourceHelper.fromString(name, yaml));
    }

    private void remove(String... routeIds) {
        ModelCamelContext model = (ModelCamelContext) camel;
        for (String routeId : routeIds) {
            try {
                camel.getRouteController().stopRoute(routeId);
                camel.removeRoute(routeId);
                RouteDefinition definition = model.getRouteDefinition(routeId);
                if (definition != null) {
                    model.removeRouteDefinition(definition);
                }
            } catch (Exception e) {
                throw new IllegalStateException("cannot remove test route " + routeId, e);
            }
        }
    }
}
