package dev.portmoneconnect.api;

import com.icegreen.greenmail.util.GreenMail;
import dev.portmoneconnect.schedule.ConnectionStates;
import dev.portmoneconnect.schedule.QuartzPlans;
import dev.portmoneconnect.support.Api;
import dev.portmoneconnect.support.FakePortmone;
import dev.portmoneconnect.support.FakesResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The connection list, each connection's view and the on/off switch, through the API. */
@QuarkusTest
@QuarkusTestResource(FakesResource.class)
@Order(20)
class ConnectionsApiTest {

    static final ZoneId KYIV = ZoneId.of("Europe/Kyiv");

    @Inject
    QuartzPlans plans;

    @Inject
    ConnectionStates states;

    @Inject
    CamelContext camel;

    FakePortmone portmone;
    GreenMail mail;

    @BeforeEach
    void clean() throws Exception {
        portmone.reset();
        mail.purgeEmailFromAllMailboxes();
    }

    @Test
    void listsEachConnectionWithItsKindsTriggerAndChain() {
        JsonPath list = given().when().get("/api/connections").then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("id", String.class))
                .contains("landing-orders", "test-orders", "chain-a", "chain-b", "chain-c", "sched-every", "sched-daily")
                .isSorted();

        Map<String, Object> landing = list.getMap("find { it.id == 'landing-orders' }");
        assertThat(landing).containsEntry("description", "Landing-page orders to Portmone invoices by e-mail")
                .containsEntry("source", "webhook").containsEntry("delivery", "email")
                .containsEntry("trigger", "every 15 minutes").containsEntry("timeZone", "Europe/Kyiv");

        assertThat(list.getMap("find { it.id == 'chain-a' }")).containsEntry("trigger", "manual only")
                .containsEntry("upstream", null).containsEntry("downstream", List.of("chain-b"))
                .containsEntry("nextFireTimes", List.of());
        assertThat(list.getMap("find { it.id == 'chain-b' }")).containsEntry("trigger", "after chain-a succeeds")
                .containsEntry("upstream", "chain-a").containsEntry("downstream", List.of("chain-c"))
                .containsEntry("source", "webhook").containsEntry("delivery", null);
        assertThat(list.getMap("find { it.id == 'chain-c' }")).containsEntry("trigger", "after chain-b finishes");
        assertThat(list.getMap("find { it.id == 'sched-daily' }"))
                .containsEntry("trigger", "daily at 09:00, 13:30, 18:00 (Europe/Kyiv)");
    }

    @Test
    void anIntervalShowsItsNextFiveFiringsOnTheQuarterHours() {
        Instant now = Instant.now();
        List<OffsetDateTime> next = nextFireTimes(Api.connection("sched-every"));
        assertThat(next).hasSize(5);
        assertThat(next.get(0).toInstant()).isAfter(now).isBefore(now.plus(Duration.ofMinutes(15)).plusSeconds(5));
        for (int i = 0; i < next.size(); i++) {
            assertThat(next.get(i).getMinute() % 15).isZero();
            assertThat(next.get(i).getSecond()).isZero();
            assertThat(next.get(i).getOffset()).isEqualTo(KYIV.getRules().getOffset(next.get(i).toInstant()));
            if (i > 0) {
                assertThat(Duration.between(next.get(i - 1), next.get(i))).isEqualTo(Duration.ofMinutes(15));
            }
        }
        assertThat(plans.find("sched-every").orElseThrow().at()).isEqualTo(next.get(0).toInstant());
    }

    @Test
    void timesOfDayShowTheirNextFiveFiringsAtLeastFiveMinutesAhead() {
        Instant now = Instant.now();
        List<OffsetDateTime> next = nextFireTimes(Api.connection("sched-daily"));
        assertThat(next).hasSize(5);
        assertThat(next.get(0).toInstant()).isAfter(now.plus(Duration.ofMinutes(4)))
                .isBefore(now.plus(Duration.ofHours(24)).plus(Duration.ofMinutes(6)));
        for (int i = 0; i < next.size(); i++) {
            assertThat(next.get(i).atZoneSameInstant(KYIV).toLocalTime())
                    .isIn(Set.of(LocalTime.of(9, 0), LocalTime.of(13, 30), LocalTime.of(18, 0)));
            assertThat(next.get(i).getOffset()).isEqualTo(KYIV.getRules().getOffset(next.get(i).toInstant()));
            if (i > 0) {
                assertThat(next.get(i)).isAfter(next.get(i - 1));
                assertThat(Duration.between(next.get(i - 1), next.get(i))).isLessThanOrEqualTo(Duration.ofHours(16));
            }
        }
    }

    @Test
    void aConnectionTheRouteFileSwitchesOffShowsNoFirings() {
        JsonPath off = Api.connection("sched-off");
        assertThat(off.getBoolean("enabled")).isFalse();
        assertThat(off.getString("trigger")).isEqualTo("every hour");
        assertThat(off.getList("nextFireTimes")).isEmpty();
        assertThat(plans.find("sched-off")).isEmpty();
    }

    @Test
    void switchedOffNothingIsPlannedButWebhooksAcceptAndRunNowWorks() {
        JsonPath off = given().contentType(ContentType.TEXT).body("false")
                .when().put("/api/connections/sched-every/enabled")
                .then().statusCode(200).extract().jsonPath();
        try {
            assertThat(off.getBoolean("enabled")).isFalse();
            assertThat(off.getList("nextFireTimes")).isEmpty();
            assertThat(plans.find("sched-every")).isEmpty();
            assertThat(states.find("sched-every").orElseThrow().nextFireAt()).isEmpty();

            Api.post("sched-every", Api.order("OFF-1", "Maria", "maria@example.com", 99));
            JsonPath run = Api.run("sched-every");
            assertThat(run.getString("trigger")).isEqualTo("manual");
            assertThat(run.getInt("counts.delivered")).isEqualTo(1);
            assertThat(portmone.orders()).containsKey("sched-every_OFF-1");
        } finally {
            JsonPath on = given().contentType(ContentType.JSON).body("true")
                    .when().put("/api/connections/sched-every/enabled")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(on.getBoolean("enabled")).isTrue();
            assertThat(on.getList("nextFireTimes")).hasSize(5);
            assertThat(plans.find("sched-every").orElseThrow().at().toString())
                    .isEqualTo(OffsetDateTime.parse(on.getString("nextFireTimes[0]")).toInstant().toString());
        }
    }

    @Test
    void theSwitchSurvivesARouteRestart() throws Exception {
        Api.setEnabled("sched-daily", false);
        try {
            camel.getRouteController().stopRoute("sched-daily");
            given().when().get("/api/connections/sched-daily").then().statusCode(404);
            camel.getRouteController().startRoute("sched-daily");

            JsonPath restarted = Api.connection("sched-daily");
            assertThat(restarted.getBoolean("enabled")).isFalse();
            assertThat(restarted.getList("nextFireTimes")).isEmpty();
            assertThat(plans.find("sched-daily")).isEmpty();
            assertThat(states.find("sched-daily").orElseThrow().enabled()).isFalse();
        } finally {
            assertThat(Api.setEnabled("sched-daily", true).getList("nextFireTimes")).hasSize(5);
        }
    }

    @Test
    void theSwitchTakesOnlyTrueOrFalse() {
        given().contentType(ContentType.TEXT).body("maybe")
                .when().put("/api/connections/sched-every/enabled")
                .then().statusCode(400).body("error", containsString("enabled"));
        given().contentType(ContentType.TEXT).body("false")
                .when().put("/api/connections/no-such-connection/enabled")
                .then().statusCode(404).body("error", containsString("no-such-connection"));
        given().when().get("/api/connections/no-such-connection").then().statusCode(404);
        assertThat(Api.connection("sched-every").getBoolean("enabled")).isTrue();
    }

    @Test
    void showsTheLastRun() {
        JsonPath run = Api.run("chain-c");
        JsonPath view = Api.connection("chain-c");
        assertThat(view.getString("lastRun.id")).isEqualTo(run.getString("id"));
        assertThat(view.getString("lastRun.trigger")).isEqualTo("manual");
        assertThat(view.getString("lastRun.status")).isEqualTo("SUCCEEDED");
    }

    private static List<OffsetDateTime> nextFireTimes(JsonPath view) {
        return view.getList("nextFireTimes", String.class).stream().map(OffsetDateTime::parse).toList();
    }
}
