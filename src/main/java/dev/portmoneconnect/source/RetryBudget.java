package dev.portmoneconnect.source;

import io.quarkus.logging.Log;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * How a source waits out a remote API that is busy (HTTP 429) or failing (5xx, no answer): a try
 * that is worth repeating is repeated after the wait the API asked for, or after an exponential
 * back-off when it did not say, until the next wait would overrun the budget; then the run ends
 * and the next run tries again. What counts as worth repeating is the caller's to say.
 */
public final class RetryBudget {

    /** The settings of a source's waiting ({@code google-sheets.quota.*}, {@code rest-poll.retry.*}). */
    public interface Policy {

        /** Tries after the first one. */
        int maxRetries();

        /** Wait before the first retry when the API does not say; doubles each time. */
        Duration initialDelay();

        /** Longest single wait. */
        Duration maxDelay();

        /** Longest total wait of one call. */
        Duration budget();
    }

    /** How the caller waits; a test records the waits instead of sleeping. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    /** One try: its result, or {@link TryAgain} when the failure is worth waiting out. */
    @FunctionalInterface
    public interface Attempt<T> {
        T attempt() throws TryAgain;
    }

    /** A failed try worth repeating, with the wait the API asked for, if it said. */
    public static final class TryAgain extends Exception {

        private final transient Optional<Duration> retryAfter;

        public TryAgain(String failure, Optional<Duration> retryAfter) {
            super(failure, null, false, false);
            this.retryAfter = retryAfter;
        }
    }

    private final Policy policy;
    private final Pause pause;
    private final String api;
    private final Function<String, RuntimeException> failure;

    /**
     * @param api     how messages name the API, such as "Google Sheets"
     * @param failure the source's exception for a call given up
     */
    public RetryBudget(Policy policy, Pause pause, String api, Function<String, RuntimeException> failure) {
        this.policy = policy;
        this.pause = pause;
        this.api = api;
        this.failure = failure;
    }

    public <T> T call(String what, Attempt<T> attempt) {
        Duration waited = Duration.ZERO;
        for (int tries = 0; ; tries++) {
            TryAgain again;
            try {
                return attempt.attempt();
            } catch (TryAgain e) {
                again = e;
            }
            Duration wait = again.retryAfter.orElse(backoff(tries));
            if (tries >= policy.maxRetries() || waited.plus(wait).compareTo(policy.budget()) > 0) {
                throw failure.apply(api + " kept failing " + what + " (" + again.getMessage() + ") after " + (tries + 1)
                        + " tries and " + String.format(Locale.ROOT, "%.1f", waited.toMillis() / 1000.0)
                        + " s of waiting; nothing was sent, the next run tries again");
            }
            Log.debugf("%s: %s failed (%s); trying again in %d ms", api, what, again.getMessage(), wait.toMillis());
            try {
                pause.pause(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure.apply("Interrupted while waiting to retry " + what);
            }
            waited = waited.plus(wait);
        }
    }

    private Duration backoff(int tries) {
        Duration wait = policy.initialDelay().multipliedBy(1L << Math.min(tries, 20));
        return wait.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : wait;
    }
}
