package dev.portmoneconnect.ledger;

/**
 * A step was about to call Portmone or a gateway for a record whose claim no longer holds: its run
 * went silent and another took over. The record is left to the run that holds it now.
 */
public class ClaimLostException extends RuntimeException {

    public ClaimLostException(long recordId) {
        super("another run took this record over while this run was silent; it sends nothing more for record "
                + recordId);
    }
}
