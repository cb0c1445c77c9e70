package dev.portmoneconnect.source.rest;

import dev.portmoneconnect.source.RetryAfter;
import dev.portmoneconnect.source.RetryBudget;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

/**
 * Repeats a call to an orders API that answered 429 (too many requests) or 5xx, or could not be
 * reached, within the {@link RetryBudget} of {@code rest-poll.retry.*}, waiting as long as the API's
 * {@code Retry-After} says when it does. Other answers (401, 403, 404, 400) fail at once: waiting
 * does not fix them.
 */
final class HttpRetry {

    /** One call's answer. */
    record Answer(int status, String body, String retryAfter) {
    }

    @FunctionalInterface
    interface Call {
        Answer call() throws IOException;
    }

    private final RetryBudget budget;
    private final Clock clock;

    HttpRetry(RestApiConfig.Retry retry, Clock clock, RetryBudget.Pause pause) {
        this.budget = new RetryBudget(retry, pause, "The orders API", RestApiException::new);
        this.clock = clock;
    }

    /** The answer of the first try that got a 2xx. */
    Answer call(String what, Call call) {
        return budget.call(what, () -> {
            Answer answer;
            try {
                answer = call.call();
            } catch (IOException e) {
                throw new RetryBudget.TryAgain(e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()), Optional.empty());
            }
            if (answer.status() >= 200 && answer.status() < 300) {
                return answer;
            }
            String failure = "HTTP " + answer.status() + snippet(answer.body());
            if (answer.status() != 429 && answer.status() < 500) {
                throw new RestApiException("The orders API refused " + what + ": " + failure);
            }
            throw new RetryBudget.TryAgain(failure, RetryAfter.parse(answer.retryAfter(), clock));
        });
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
