package dev.portmoneconnect.schedule;

import dev.portmoneconnect.ledger.Run;
import dev.portmoneconnect.ledger.RunStatus;
import dev.portmoneconnect.schedule.Firing.Outcome;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakesResource;
import dev.portmoneconnect.support.Observed;
import dev.portmoneconnect.support.TestStep;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Firings delivered by the Quarkus-managed Quartz scheduler. A test makes a planned firing due by
 * planning it for now, the way the time arriving would; everything after that is the application's.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@Order(21)
class ScheduleFiringTest {

    static final Instant JAN_2099_KYIV = OffsetDateTime.parse("2099-01-01T00:00:00+02:00").toInstant();

    @Inject
    QuartzPlans plans;

    @Inject
    ConnectionStates states;

    @Inject
    Observed observed;

    @Inject
    TestStep testStep;

    @Inject
    MeterRegistry meters;

    @Test
    void aDueFiringStartsAScheduledRunAndPlansTheNextFiring() throws Exception {
        assertThat(plans.find("sched-cron").orElseThrow().at()).isEqualTo(JAN_2099_KYIV);

        Instant planned = fireNow("sched-cron");
        Firing firing = observed.awaitFiring(f -> f.connectionId().equals("sched-cron") && planned.equals(f.plannedAt()));
        assertThat(firing.outcome()).isEqualTo(Outcome.STARTED);
        assertThat(firing.cause()).isEqualTo("schedule");
        Run run = observed.awaitFinished(firing.runId());
        assertThat(run.trigger()).isEqualTo("schedule");
        assertThat(run.status()).isEqualTo(RunStatus.SUCCEEDED);

        assertThat(plans.find("sched-cron").orElseThrow().at()).isEqualTo(JAN_2099_KYIV);
        assertThat(states.find("sched-cron").orElseThrow().nextFireAt()).contains(JAN_2099_KYIV);
        assertThat(Api.connection("sched-cron").getList("nextFireTimes")).containsExactly("2099-01-01T00:00:00+02:00");
    }

    @Test
    void aFiringDuringARunIsCoalescedIntoItAndCounted() throws Exception {
        testStep.holdNextRun();
        String running = given().when().post("/api/connections/sched-slow/run")
                .then().statusCode(202).extract().path("runId");
        try {
            testStep.awaitHeld();
            double coalescedBefore = count("sched-slow", "coalesced");

            Instant planned = fireNow("sched-slow");
            Firing firing = observed.awaitFiring(f -> f.connectionId().equals("sched-slow")
                    && planned.equals(f.plannedAt()));
            assertThat(firing.outcome()).isEqualTo(Outcome.COALESCED);
            assertThat(firing.runId()).isEqualTo(running);
            assertThat(count("sched-slow", "coalesced")).isEqualTo(coalescedBefore + 1);

            given().when().post("/api/connections/sched-slow/run")
                    .then().statusCode(409).body("runId", equalTo(running));
        } finally {
            testStep.release();
        }
        assertThat(observed.awaitFinished(running).status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(Api.runs("sched-slow").getList("trigger", String.class)).doesNotContain("schedule");
        assertThat(plans.find("sched-slow").orElseThrow().at()).isEqualTo(JAN_2099_KYIV);
    }

    @Test
    void switchedOffNothingFiresAndRunNowStillWorks() throws Exception {
        String scheduleKey = plans.find("sched-cron").orElseThrow().scheduleKey();
        Api.setEnabled("sched-cron", false);
        try {
            assertThat(plans.find("sched-cron")).isEmpty();
            int scheduledRuns = scheduledRuns("sched-cron");

            // A firing already on its way when the switch went off (another instance's, say) starts nothing.
            Instant planned = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            plans.plan("sched-cron", new FirePlan(planned, scheduleKey));
            Firing firing = observed.awaitFiring(f -> f.connectionId().equals("sched-cron")
                    && planned.equals(f.plannedAt()));
            assertThat(firing.outcome()).isEqualTo(Outcome.SWITCHED_OFF);
            assertThat(firing.runId()).isNull();
            assertThat(scheduledRuns("sched-cron")).isEqualTo(scheduledRuns);
            assertThat(states.find("sched-cron").orElseThrow().nextFireAt()).isEmpty();

            JsonPath manual = Api.run("sched-cron");
            assertThat(manual.getString("status")).isEqualTo("SUCCEEDED");
        } finally {
            Api.setEnabled("sched-cron", true);
        }
        assertThat(plans.find("sched-cron").orElseThrow().at()).isEqualTo(JAN_2099_KYIV);
    }

    /** Makes the connection's planned firing due now; answers the planned instant Quartz keeps. */
    private Instant fireNow(String connectionId) {
        FirePlan current = plans.find(connectionId).orElseThrow();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        plans.plan(connectionId, new FirePlan(now, current.scheduleKey()));
        return now;
    }

    private double count(String connectionId, String outcome) {
        Counter counter = meters.find(FiringMetrics.NAME).tags("connection", connectionId, "cause", "schedule",
                "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private static int scheduledRuns(String connectionId) {
        List<String> triggers = Api.runs(connectionId).getList("trigger", String.class);
        return (int) triggers.stream().filter("schedule"::equals).count();
    }
}
