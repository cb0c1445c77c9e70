package dev.portmoneconnect.source.rest;

import dev.portmoneconnect.source.RetryAfter;
import io.quarkus.logging.Log;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * Repeats a call to an orders API that answered 429 (too many requests) or 5xx, or could not be
 * reached: it waits as long as the API's {@code Retry-After} says, or backs off exponentially when
 * it does not say, and gives up once the next wait would overrun the budget, as the Google Sheets
 * source does with its quota. Other answers (401, 403, 404, 400) fail at once: waiting does not fix them.
 */
final class HttpRetry {

    /** How the caller waits; a test records the waits instead of sleeping. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    /** One call's answer. */
    record Answer(int status, String body, String retryAfter) {
    }

    @FunctionalInterface
    interface Call {
        Answer call() throws IOException;
    }

    private final RestApiConfig.Retry retry;
    private final Clock clock;
    private final Pause pause;

    HttpRetry(RestApiConfig.Retry retry, Clock clock, Pause pause) {
        this.retry = retry;
        this.clock = clock;
        this.pause = pause;
    }

    /** The answer of the first try that got a 2xx. */
    Answer call(String what, Call call) {
        Duration waited = Duration.ZERO;
        for (int attempt = 0; ; attempt++) {
            Answer answer = null;
            String failure;
            try {
                answer = call.call();
                if (answer.status() >= 200 && answer.status() < 300) {
                    return answer;
                }
                failure = "HTTP " + answer.status() + snippet(answer.body());
                if (answer.status() != 429 && answer.status() < 500) {
                    throw new RestApiException("The orders API refused " + what + ": " + failure);
                }
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            Duration wait = (answer == null ? java.util.Optional.<Duration>empty()
                    : RetryAfter.parse(answer.retryAfter(), clock)).orElse(backoff(attempt));
            if (attempt >= retry.maxRetries() || waited.plus(wait).compareTo(retry.budget()) > 0) {
                throw new RestApiException("The orders API kept failing " + what + " (" + failure + ") after "
                        + (attempt + 1) + " tries and " + String.format(Locale.ROOT, "%.1f", waited.toMillis() / 1000.0)
                        + " s of waiting; nothing was sent, the next run tries again");
            }
            Log.debugf("Orders API: %s failed (%s); trying again in %d ms", what, failure, wait.toMillis());
            try {
                pause.pause(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RestApiException("Interrupted while waiting to retry " + what);
            }
            waited = waited.plus(wait);
        }
    }

    private Duration backoff(int attempt) {
        Duration wait = retry.initialDelay().multipliedBy(1L << Math.min(attempt, 20));
        return wait.compareTo(retry.maxDelay()) > 0 ? retry.maxDelay() : wait;
    }

    /** The start of an error answer, for the operator: APIs say there what is wrong. */
    private static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String oneLine = body.strip().replaceAll("\\s+", " ");
        return " " + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine);
    }
}
