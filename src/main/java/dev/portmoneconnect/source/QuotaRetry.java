package dev.portmoneconnect.source;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import io.quarkus.logging.Log;

import org.apache.camel.ResolveEndpointFailedException;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Repeats a Google call that met its quota (HTTP 429), a server error (5xx) or a network failure:
 * it waits as long as Google's {@code Retry-After} says, or backs off exponentially when Google
 * does not say, and gives up once the next wait would overrun the budget. Other answers (403, 404,
 * 400) and a client that cannot be built (credentials) fail at once: waiting does not fix them.
 */
final class QuotaRetry {

    /** How the caller waits; a test records the waits instead of sleeping. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final GoogleSheetsConfig.Quota quota;
    private final Clock clock;
    private final Pause pause;

    QuotaRetry(GoogleSheetsConfig.Quota quota, Clock clock, Pause pause) {
        this.quota = quota;
        this.clock = clock;
        this.pause = pause;
    }

    <T> T call(String what, Callable<T> call) {
        Duration waited = Duration.ZERO;
        for (int attempt = 0; ; attempt++) {
            Exception failure;
            try {
                return call.call();
            } catch (SheetSourceException e) {
                throw e;
            } catch (Exception e) {
                failure = e;
            }
            HttpResponseException http = httpFailure(failure);
            if (!isRetryable(failure, http)) {
                Log.debugf(failure, "Google Sheets call failed: %s", what);
                throw new SheetSourceException("Google Sheets refused " + what + ": " + describe(failure, http));
            }
            Duration wait = retryAfter(http).orElse(backoff(attempt));
            if (attempt >= quota.maxRetries() || waited.plus(wait).compareTo(quota.budget()) > 0) {
                throw new SheetSourceException("Google Sheets kept failing " + what + " (" + describe(failure, http)
                        + ") after " + (attempt + 1) + " tries and " + String.format(Locale.ROOT, "%.1f",
                        waited.toMillis() / 1000.0) + " s of waiting; nothing was sent, the next run tries again");
            }
            try {
                pause.pause(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SheetSourceException("Interrupted while waiting to retry " + what);
            }
            waited = waited.plus(wait);
        }
    }

    private Duration backoff(int attempt) {
        Duration wait = quota.initialDelay().multipliedBy(1L << Math.min(attempt, 20));
        return wait.compareTo(quota.maxDelay()) > 0 ? quota.maxDelay() : wait;
    }

    /** Google's Retry-After, in seconds or as an HTTP date. */
    private Optional<Duration> retryAfter(HttpResponseException http) {
        if (http == null || http.getHeaders() == null) {
            return Optional.empty();
        }
        return RetryAfter.parse(http.getHeaders().getFirstHeaderStringValue("Retry-After"), clock);
    }

    private static boolean isRetryable(Exception failure, HttpResponseException http) {
        if (http != null) {
            return http.getStatusCode() == 429 || http.getStatusCode() >= 500;
        }
        boolean network = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ResolveEndpointFailedException) {
                return false;
            }
            network |= t instanceof IOException;
        }
        return network;
    }

    private static HttpResponseException httpFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpResponseException http) {
                return http;
            }
        }
        return null;
    }

    private static String describe(Exception failure, HttpResponseException http) {
        if (http == null) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String cause = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
            return root == failure || failure.getMessage() == null ? cause : failure.getMessage() + " (" + cause + ")";
        }
        String message = http instanceof GoogleJsonResponseException json && json.getDetails() != null
                ? json.getDetails().getMessage() : http.getStatusMessage();
        return "HTTP " + http.getStatusCode() + (message == null || message.isBlank() ? "" : " " + message);
    }
}
