package dev.portmoneconnect.ledger;

import dev.portmoneconnect.flow.RecordFailure;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Tells failures worth retrying (the other side may recover) from those that will fail again, by
 * what the steps say of their own failures ({@link RecordFailure}) and, for the rest, by kind: a
 * connection refused, a timeout or another I/O failure may pass.
 */
public final class Failures {

    private Failures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordFailure step) {
                return step.isTransient();
            }
            if (t instanceof ConnectException || t instanceof SocketTimeoutException || t instanceof TimeoutException
                    || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The code a step gave its failure (the rules an invalid record broke, Portmone's code, a
     * gateway's code), or the failure's type: the key of its reason in {@code messages/reasons*.properties}.
     */
    public static String code(Throwable failure) {
        return stepFailure(failure).map(RecordFailure::code).orElse(failure.getClass().getSimpleName());
    }

    /** The step's own account of the failure, wherever it is in the chain of causes. */
    public static Optional<RecordFailure> stepFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordFailure step) {
                return Optional.of(step);
            }
        }
        return Optional.empty();
    }

    /** Whether the record itself is wrong (invalid input), rather than a step failing with it. */
    public static boolean isInvalidRecord(Throwable failure) {
        return stepFailure(failure).filter(RecordFailure::isInvalidRecord).isPresent();
    }

    public static String message(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            message = failure.getClass().getSimpleName();
        }
        return message.length() > 3900 ? message.substring(0, 3900) + "…" : message;
    }
}
