package dev.portmoneconnect.connection;

import dev.portmoneconnect.ledger.Jdbc;
import dev.portmoneconnect.ledger.Run;
import dev.portmoneconnect.ledger.RunRepository;
import dev.portmoneconnect.ledger.RunStatus;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A connection held by a run of another instance on the same database: it is not run here while
 * that run is alive, and is taken over, with the records that run had taken, once it went silent.
 * The other instance is played by writing what it would have written.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@Order(23)
class RunLeaseTest {

    static final String CONNECTION = "test-orders";

    @Inject
    Jdbc jdbc;

    @Inject
    RunRepository runs;

    FakePortmone portmone;

    @Test
    void aConnectionHeldByALiveRunElsewhereIsNotRunUntilThatRunGoesSilent() {
        String elsewhere = UUID.randomUUID().toString();
        runs.start(elsewhere, CONNECTION, "schedule", false, false, "other-instance");
        hold(elsewhere, Instant.now().plusSeconds(60));
        List<Integer> ids = Api.post(CONNECTION, List.of(Api.order("LEASE-1", "Ivan Lease", "lease@example.com", "5.00")));
        jdbc.update("UPDATE inbox SET claimed_by_run = ? WHERE id = ?", elsewhere, ids.get(0));

        given().when().post("/api/connections/" + CONNECTION + "/run")
                .then().statusCode(409).body("runId", equalTo(elsewhere));

        // Its instance stopped: the lease ran out and was not renewed.
        hold(elsewhere, Instant.now().minusSeconds(1));
        JsonPath run = Api.run(CONNECTION);

        assertThat(run.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(run.getInt("counts.delivered")).isEqualTo(1);
        assertThat(portmone.requestsFor("test-orders_LEASE-1")).hasSize(1);
        Run silent = runs.find(elsewhere).orElseThrow();
        assertThat(silent.status()).isEqualTo(RunStatus.ABANDONED);
        assertThat(silent.errorMessage()).isEqualTo("the process running it stopped; run " + run.getString("id")
                + " took over");
        assertThat(jdbc.one("SELECT running_run_id FROM connection_state WHERE connection_id = ?",
                rs -> String.valueOf(rs.getString(1)), CONNECTION)).contains("null");
    }

    private void hold(String runId, Instant until) {
        jdbc.update("UPDATE connection_state SET running_run_id = ?, lease_until = ? WHERE connection_id = ?", runId,
                until, CONNECTION);
    }
}
