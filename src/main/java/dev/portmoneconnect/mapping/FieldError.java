package dev.portmoneconnect.mapping;

/** Why one invoice field could not be taken from a source record. */
public record FieldError(String field, String reason) {

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
