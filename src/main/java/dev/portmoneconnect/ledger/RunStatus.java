package dev.portmoneconnect.ledger;

/**
 * A run is RUNNING until it ends; SUCCEEDED means no record failed, PARTIAL that some did.
 * ABANDONED: its process died (or went silent) and another run takes its records over;
 * INTERRUPTED: the app was stopped during the run, which handed in what it had in hand.
 */
public enum RunStatus {
    RUNNING, SUCCEEDED, PARTIAL, FAILED, ABANDONED, INTERRUPTED
}
