package dev.portmoneconnect.source.rest;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HttpRetryTest {

    static final RestApiConfig.Retry RETRY = new RestApiConfig.Retry() {
        public int maxRetries() {
            return 5;
        }

        public Duration initialDelay() {
            return Duration.ofSeconds(2);
        }

        public Duration maxDelay() {
            return Duration.ofSeconds(32);
        }

        public Duration budget() {
            return Duration.ofSeconds(90);
        }
    };

    final List<Duration> waits = new ArrayList<>();
    final HttpRetry retry = new HttpRetry(RETRY, Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC),
            waits::add);

    @Test
    void waitsAsLongAsRetryAfterSaysThenBacksOffExponentially() {
        Deque<Object> answers = new ArrayDeque<>(List.of(
                new HttpRetry.Answer(429, "slow down", "7"),
                new HttpRetry.Answer(429, "slow down", "Tue, 01 Dec 2026 10:00:30 GMT"),
                new HttpRetry.Answer(503, "", null),
                new ConnectException("Connection refused"),
                new HttpRetry.Answer(200, "[]", null)));
        HttpRetry.Answer answer = retry.call("reading page 1", () -> next(answers));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(30), Duration.ofSeconds(8),
                Duration.ofSeconds(16));
    }

    @Test
    void refusalsThatWaitingCannotFixFailAtOnce() {
        assertThatThrownBy(() -> retry.call("reading page 1",
                () -> new HttpRetry.Answer(401, "{\"error\": \"invalid API key\"}", null)))
                .isInstanceOf(RestApiException.class)
                .hasMessage("The orders API refused reading page 1: HTTP 401 {\"error\": \"invalid API key\"}");
        assertThat(waits).isEmpty();
    }

    @Test
    void givesUpOnceTheNextWaitWouldOverrunTheBudget() {
        assertThatThrownBy(() -> retry.call("reading the orders", () -> new HttpRetry.Answer(503, "down", "60")))
                .isInstanceOf(RestApiException.class)
                .hasMessage("The orders API kept failing reading the orders (HTTP 503 down) after 2 tries and 60.0 s"
                        + " of waiting; nothing was sent, the next run tries again");
        assertThat(waits).containsExactly(Duration.ofSeconds(60));
    }

    private static HttpRetry.Answer next(Deque<Object> answers) throws IOException {
        Object next = answers.removeFirst();
        if (next instanceof IOException e) {
            throw e;
        }
        return (HttpRetry.Answer) next;
    }
}
