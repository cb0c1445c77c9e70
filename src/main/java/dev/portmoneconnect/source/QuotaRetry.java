package dev.portmoneconnect.source;

import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.HttpResponseException;
import io.quarkus.logging.Log;

import org.apache.camel.ResolveEndpointFailedException;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Repeats a Google call that met its quota (HTTP 429), a server error (5xx) or a network failure,
 * within the {@link RetryBudget} of {@code google-sheets.quota.*}, waiting as long as Google's
 * {@code Retry-After} says when it does. Other answers (403, 404, 400) and a client that cannot be
 * built (credentials) fail at once: waiting does not fix them.
 */
final class QuotaRetry {

    private final RetryBudget budget;
    private final Clock clock;

    QuotaRetry(GoogleSheetsConfig.Quota quota, Clock clock, RetryBudget.Pause pause) {
        this.budget = new RetryBudget(quota, pause, "Google Sheets", SheetSourceException::new);
        this.clock = clock;
    }

    <T> T call(String what, Callable<T> call) {
        return budget.call(what, () -> {
            try {
                return call.call();
            } catch (SheetSourceException e) {
                throw e;
            } catch (Exception e) {
                HttpResponseException http = httpFailure(e);
                if (!isRetryable(e, http)) {
                    Log.debugf(e, "Google Sheets call failed: %s", what);
                    throw new SheetSourceException("Google Sheets refused " + what + ": " + describe(e, http));
                }
                throw new RetryBudget.TryAgain(describe(e, http), retryAfter(http));
            }
        });
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
