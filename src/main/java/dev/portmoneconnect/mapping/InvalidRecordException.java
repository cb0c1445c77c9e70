package dev.portmoneconnect.mapping;

import java.util.List;
import java.util.stream.Collectors;

/** A source record that cannot become an invoice; names every field that failed and why. */
public class InvalidRecordException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRecordException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The first failing field, recorded in the ledger's error field column. */
    public String field() {
        return errors.isEmpty() ? null : errors.get(0).field();
    }
}
