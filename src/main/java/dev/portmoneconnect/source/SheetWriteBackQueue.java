package dev.portmoneconnect.source;

import dev.portmoneconnect.ledger.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;

/** Sheet rows whose outcome is still to be written into the sheet, kept until a write succeeds. */
@ApplicationScoped
public class SheetWriteBackQueue {

    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    public void add(String connectionId, String recordKey) {
        jdbc.update("INSERT INTO sheet_write_back (connection_id, record_key, queued_at) VALUES (?, ?, ?)",
                connectionId, recordKey, clock.instant());
    }

    public List<Queued> queued(String connectionId) {
        return jdbc.list("SELECT id, record_key FROM sheet_write_back WHERE connection_id = ? ORDER BY id",
                rs -> new Queued(rs.getLong("id"), rs.getString("record_key")), connectionId);
    }

    /** Forgets what was written, and rows no longer in the sheet, up to the last entry the write covered. */
    public void removeUpTo(String connectionId, long lastId) {
        jdbc.update("DELETE FROM sheet_write_back WHERE connection_id = ? AND id <= ?", connectionId, lastId);
    }

    public record Queued(long id, String recordKey) {
    }
}
