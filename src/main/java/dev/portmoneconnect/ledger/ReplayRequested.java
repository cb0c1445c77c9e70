package dev.portmoneconnect.ledger;

import java.util.List;

/**
 * An operator asked for records to be processed again: the sources that hold them make them
 * available to the next run (the inbox reopens its rows; a sheet is read again anyway).
 */
public record ReplayRequested(String connectionId, List<String> sourceIds) {
}
