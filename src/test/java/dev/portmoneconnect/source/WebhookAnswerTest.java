package dev.portmoneconnect.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The 202 answer to a webhook post, written out by hand, is the JSON it always was. */
class WebhookAnswerTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void namesTheConnectionAndListsTheStoredIds() throws Exception {
        assertThat(json.readValue(WebhookReceiver.accepted("landing-orders", List.of(7L, 8L, 1234567890123L)), Map.class))
                .isEqualTo(Map.of("connection", "landing-orders", "accepted", 3, "ids", List.of(7, 8, 1234567890123L),
                        "entries", List.of("/api/inbox/7", "/api/inbox/8", "/api/inbox/1234567890123")));
        assertThat(WebhookReceiver.accepted("landing-orders", List.of(42L)))
                .isEqualTo("{\"connection\":\"landing-orders\",\"accepted\":1,\"ids\":[42],\"entries\":[\"/api/inbox/42\"]}");
    }

    @Test
    void escapesWhatJsonNeedsEscaped() throws Exception {
        assertThat(json.readValue(WebhookReceiver.accepted("a\"b\\c", List.of()), Map.class))
                .isEqualTo(Map.of("connection", "a\"b\\c", "accepted", 0, "ids", List.of(), "entries", List.of()));
    }
}
