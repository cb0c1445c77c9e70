package dev.portmoneconnect.flow;

/**
 * A step's failure for one record, as the ledger records it and the error handling decides on it:
 * whether trying again can help, the code the reason is known by, and for invalid input the field.
 * Steps throw their own exceptions implementing it; the ledger needs to know none of them.
 */
public interface RecordFailure {

    /** Whether the other side may recover, so that the record is tried again and parked, not failed. */
    boolean isTransient();

    /** The code its reason is known by: a field rule, Portmone's code, a gateway's code. */
    String code();

    /** The field of the record that failed, for invalid input; null otherwise. */
    default String field() {
        return null;
    }

    /** Whether the record itself is wrong (its fields), rather than a step failing with it. */
    default boolean isInvalidRecord() {
        return false;
    }
}
