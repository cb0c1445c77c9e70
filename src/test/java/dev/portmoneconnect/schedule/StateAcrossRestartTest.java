package dev.portmoneconnect.schedule;

import dev.portmoneconnect.ledger.Run;
import dev.portmoneconnect.schedule.Firing.Outcome;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakesResource;
import dev.portmoneconnect.support.Observed;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh start of the application over a database an earlier process left behind: the stored
 * switch wins over the route file, and a firing missed while the app was down becomes one
 * catch-up run at start-up, or none with misfire=skip. Runs in its own Quarkus start, last of all, so no
 * other test needs the application started again afterwards.
 */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@TestProfile(StateAcrossRestartTest.Restarted.class)
@Order(Integer.MAX_VALUE)
class StateAcrossRestartTest {

    public static class Restarted implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StoredStateSeed.class));
        }
    }

    @Inject
    Observed observed;

    @Inject
    QuartzPlans plans;

    @Test
    void theStoredSwitchWinsOverTheRouteFile() {
        JsonPath daily = Api.connection("sched-daily");
        assertThat(daily.getBoolean("enabled")).isFalse();
        assertThat(daily.getList("nextFireTimes")).isEmpty();
        assertThat(plans.find("sched-daily")).isEmpty();
    }

    @Test
    void aFiringMissedWhileDownBecomesOneCatchUpRun() throws Exception {
        Firing catchUp = observed.awaitFiring(f -> f.connectionId().equals("sched-catchup"));
        assertThat(catchUp.outcome()).isEqualTo(Outcome.CAUGHT_UP);
        assertThat(catchUp.plannedAt()).isEqualTo(StoredStateSeed.MISSED);
        Run run = observed.awaitFinished(catchUp.runId());
        assertThat(run.trigger()).isEqualTo("schedule");

        // Six firings of "03:10, 11:10, 19:10" were missed in two days; one run catches up.
        assertThat(observed.firings(f -> f.connectionId().equals("sched-catchup") && f.outcome() == Outcome.CAUGHT_UP))
                .hasSize(1);
        assertThat(plans.find("sched-catchup").orElseThrow().at()).isAfter(Instant.now());
    }

    @Test
    void aFiringMissedWhileDownIsCaughtUpAlsoWhenTheScheduleWasEditedMeanwhile() throws Exception {
        // Quartz may deliver it before the route has started: it is then handed over again once it has
        Firing catchUp = observed.awaitFiring(f -> f.connectionId().equals("sched-edited")
                && f.outcome() != Outcome.NOT_RUNNING);
        assertThat(catchUp.outcome()).isEqualTo(Outcome.CAUGHT_UP);
        assertThat(catchUp.plannedAt()).isEqualTo(StoredStateSeed.MISSED);
        assertThat(observed.awaitFinished(catchUp.runId()).trigger()).isEqualTo("schedule");
        // then the edited schedule goes on
        FirePlan next = plans.find("sched-edited").orElseThrow();
        assertThat(next.at()).isAfter(Instant.now());
        assertThat(next.scheduleKey()).isNotEqualTo(StoredStateSeed.EDITED_AWAY_SCHEDULE).contains("04:20");
    }

    @Test
    void aFiringMissedWhileDownIsSkippedWhenTheConnectionSaysSo() throws Exception {
        Firing skipped = observed.awaitFiring(f -> f.connectionId().equals("sched-skip"));
        assertThat(skipped.outcome()).isEqualTo(Outcome.MISSED_SKIPPED);
        assertThat(skipped.runId()).isNull();
        assertThat(Api.runs("sched-skip").getList("trigger", String.class)).doesNotContain("schedule");
        assertThat(plans.find("sched-skip").orElseThrow().at()).isAfter(Instant.now());
    }
}
