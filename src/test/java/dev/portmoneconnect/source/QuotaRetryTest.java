package dev.portmoneconnect.source;

import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpResponseException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuotaRetryTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-31T12:00:00Z"), ZoneOffset.UTC);

    final List<Duration> waits = new ArrayList<>();
    final QuotaRetry retry = new QuotaRetry(quota(5, "2s", "32s", "90s"), CLOCK, waits::add);

    @Test
    void waitsAsLongAsRetryAfterSaysThenSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        String result = retry.call("reading Orders!A:Z", () -> {
            if (calls.incrementAndGet() <= 2) {
                throw answer(429, calls.get() == 1 ? "7" : "Fri, 31 Jan 2025 12:00:03 GMT");
            }
            return "values";
        });
        assertThat(result).isEqualTo("values");
        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(3));
    }

    @Test
    void withoutRetryAfterBacksOffExponentially() {
        AtomicInteger calls = new AtomicInteger();
        retry.call("reading", () -> {
            if (calls.incrementAndGet() <= 4) {
                throw answer(503, null);
            }
            return "ok";
        });
        assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(16));
    }

    @Test
    void givesUpWhenTheNextWaitWouldOverrunTheBudget() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.call("reading Orders!A:Z", () -> {
            calls.incrementAndGet();
            throw answer(429, "60");
        })).isInstanceOf(SheetSourceException.class)
                .hasMessageContaining("kept failing reading Orders!A:Z (HTTP 429")
                .hasMessageContaining("after 2 tries and 60.0 s of waiting")
                .hasMessageContaining("the next run tries again")
                .hasNoCause();
        assertThat(calls).hasValue(2);
        assertThat(waits).containsExactly(Duration.ofSeconds(60));
    }

    @Test
    void aRefusalThatWaitingCannotFixFailsAtOnce() {
        assertThatThrownBy(() -> retry.call("reading Orders!A:Z", () -> {
            throw answer(403, null);
        })).isInstanceOf(SheetSourceException.class)
                .hasMessageContaining("Google Sheets refused reading Orders!A:Z: HTTP 403");
        assertThat(waits).isEmpty();
    }

    @Test
    void aNetworkFailureIsRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThat(retry.call("reading", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IOException("Connection reset");
            }
            return "ok";
        })).isEqualTo("ok");
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aClientThatCannotBeBuiltFailsAtOnce() {
        assertThatThrownBy(() -> retry.call("reading", () -> {
            throw new org.apache.camel.ResolveEndpointFailedException("google-sheets://data/get",
                    new java.io.FileNotFoundException("/keys/sheets.json does not exist"));
        })).isInstanceOf(SheetSourceException.class).hasMessageContaining("/keys/sheets.json does not exist");
        assertThat(waits).isEmpty();
    }

    static HttpResponseException answer(int status, String retryAfter) {
        HttpHeaders headers = new HttpHeaders();
        if (retryAfter != null) {
            headers.set("Retry-After", retryAfter);
        }
        return new HttpResponseException.Builder(status, "status " + status, headers).build();
    }

    static GoogleSheetsConfig.Quota quota(int retries, String initial, String max, String budget) {
        return new GoogleSheetsConfig.Quota() {
            public int maxRetries() {
                return retries;
            }

            public Duration initialDelay() {
                return Duration.parse("PT" + initial.toUpperCase());
            }

            public Duration maxDelay() {
                return Duration.parse("PT" + max.toUpperCase());
            }

            public Duration budget() {
                return Duration.parse("PT" + budget.toUpperCase());
            }
        };
    }
}
