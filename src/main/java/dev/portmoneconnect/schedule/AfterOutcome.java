package dev.portmoneconnect.schedule;

import dev.portmoneconnect.ledger.RunStatus;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which runs of the upstream connection start a connection declared with {@code after}. A run
 * succeeds when it completes: SUCCEEDED, or PARTIAL when some records failed on their own (each is
 * kept in the ledger for a replay). A FAILED run, one that could not do its work at all, starts
 * the downstream connection only with {@code afterOutcome=any}.
 */
public enum AfterOutcome {
    SUCCESS("success", "succeeds"),
    ANY("any", "finishes");

    private final String code;
    private final String verb;

    AfterOutcome(String code, String verb) {
        this.code = code;
        this.verb = verb;
    }

    public String code() {
        return code;
    }

    String verb() {
        return verb;
    }

    public boolean startsAfter(RunStatus upstream) {
        return this == ANY || upstream == RunStatus.SUCCEEDED || upstream == RunStatus.PARTIAL;
    }

    public static Optional<AfterOutcome> of(String code) {
        return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
    }
}
