package dev.portmoneconnect.mapping;

import dev.portmoneconnect.flow.RecordFailure;
import dev.portmoneconnect.reasons.Reasons;

import java.util.List;
import java.util.stream.Collectors;

/** A source record that cannot become an invoice; names every field that failed and why. */
public class InvalidRecordException extends RuntimeException implements RecordFailure {

    /** The ledger's error code column holds this many characters. */
    static final int MAX_CODE = 120;

    private final List<FieldError> errors;

    public InvalidRecordException(List<FieldError> errors) {
        super(errors.stream().map(FieldError::toString).collect(Collectors.joining(Reasons.FIELD_SEPARATOR)));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The first failing field, recorded in the ledger's error field column. */
    @Override
    public String field() {
        return errors.isEmpty() ? null : errors.get(0).field();
    }

    /**
     * The rules the record broke, in the order of its message: one code, or several joined by commas
     * ({@code REQUIRED,NOT_AN_AMOUNT}), as many as the ledger's code column holds.
     */
    @Override
    public String code() {
        StringBuilder codes = new StringBuilder();
        for (FieldError error : errors) {
            String next = (codes.isEmpty() ? "" : Reasons.CODE_SEPARATOR) + error.code();
            if (codes.length() + next.length() > MAX_CODE) {
                break;
            }
            codes.append(next);
        }
        return codes.toString();
    }

    @Override
    public boolean isTransient() {
        return false;
    }

    @Override
    public boolean isInvalidRecord() {
        return true;
    }
}
