package dev.portmoneconnect.ledger;

/** A run is RUNNING until it ends; SUCCEEDED means no record failed, PARTIAL that some did. */
public enum RunStatus {
    RUNNING, SUCCEEDED, PARTIAL, FAILED, ABANDONED
}
