package dev.portmoneconnect.ledger;

/** A failure of the run itself rather than of one record, for example a source that could not be read. */
public final class RunFailure {

    /** Exchange property under which the run's failure travels back to the run. */
    public static final String PROPERTY = "PortmoneConnectRunFailure";

    private RunFailure() {
    }
}
