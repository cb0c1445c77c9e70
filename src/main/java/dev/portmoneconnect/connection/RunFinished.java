package dev.portmoneconnect.connection;

import dev.portmoneconnect.ledger.Run;

/** Fired after a run's outcome is stored; downstream connections start from it. */
public record RunFinished(Run run) {
}
