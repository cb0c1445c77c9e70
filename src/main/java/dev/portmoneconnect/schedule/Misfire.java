package dev.portmoneconnect.schedule;

import java.util.Arrays;
import java.util.Optional;

/** What a firing that was missed (the app was down at the time) turns into once the app is back. */
public enum Misfire {
    /** One run as soon as possible, however many firings were missed. */
    CATCH_UP("catch-up"),
    /** No run; the schedule goes on with its next firing. */
    SKIP("skip");

    private final String code;

    Misfire(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Misfire> of(String code) {
        return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }
}
