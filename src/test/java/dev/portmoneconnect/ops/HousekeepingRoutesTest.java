package dev.portmoneconnect.ops;

import dev.portmoneconnect.ledger.Jdbc;
import dev.portmoneconnect.support.FakesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app's own periodic work (the attention count, the store's retention) runs on timers in the
 * instance, not in Quartz's job store: instances that start together on one database each stored
 * such a job, and the one that lost that race stopped at start-up.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
class HousekeepingRoutesTest {

    @Inject
    CamelContext camel;

    @Inject
    Jdbc jdbc;

    @Test
    void thePeriodicWorkRunsOnTimersAndNothingOfItIsStored() {
        for (String route : new String[] {"records-attention", "store-retention"}) {
            assertThat(camel.getRouteController().getRouteStatus(route)).isEqualTo(ServiceStatus.Started);
            assertThat(camel.getRoute(route).getEndpoint().getEndpointUri()).startsWith("timer://" + route);
        }
        assertThat(jdbc.list("SELECT JOB_NAME FROM QRTZ_JOB_DETAILS WHERE JOB_GROUP = ?", rs -> rs.getString(1),
                "io.quarkus.scheduler.Scheduler")).isEmpty();
    }
}
