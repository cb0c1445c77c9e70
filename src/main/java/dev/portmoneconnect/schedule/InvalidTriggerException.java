package dev.portmoneconnect.schedule;

import dev.portmoneconnect.reasons.Reasons;

import java.util.HashMap;
import java.util.Map;

/** A connection's trigger options cannot be used; the message names the connection and the option. */
public class InvalidTriggerException extends IllegalArgumentException {

    private final String option;
    private final String code;

    /**
     * @param option the option of {@code connection:} that cannot be used, such as {@code every}
     * @param code   the reason's key in {@code messages/reasons*.properties}, such as {@code TRIGGER_EVERY}
     */
    InvalidTriggerException(String connectionId, String option, String code, Map<String, ?> values) {
        super(Reasons.english(code, with(values, "connection", connectionId)));
        this.option = option;
        this.code = code;
    }

    public String option() {
        return option;
    }

    public String code() {
        return code;
    }

    private static Map<String, Object> with(Map<String, ?> values, String key, Object value) {
        Map<String, Object> all = new HashMap<>(values);
        all.put(key, value);
        return all;
    }
}
