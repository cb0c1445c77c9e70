package dev.portmoneconnect.source;

import dev.portmoneconnect.ledger.Jdbc;
import dev.portmoneconnect.ledger.LedgerException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Where each cursor-read source has got to: the position (and, to tell apart records of the same
 * position, the key) of the last record whose outcome the ledger holds. A run reads after it; only
 * the end of a real run moves it, and only over records the ledger has taken.
 */
@ApplicationScoped
public class SourceCursors {

    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    /** Where a connection has got to. */
    public record Position(CursorValue position, CursorValue key) {
    }

    public Optional<Position> find(String connectionId) {
        return jdbc.one("SELECT position_type, position_value, key_type, key_value FROM source_cursor"
                + " WHERE connection_id = ?", rs -> new Position(
                new CursorValue(rs.getString("position_type"), rs.getString("position_value")),
                rs.getString("key_type") == null ? null
                        : new CursorValue(rs.getString("key_type"), rs.getString("key_value"))), connectionId);
    }

    public void save(String connectionId, Position at) {
        Instant now = clock.instant();
        String keyType = at.key() == null ? null : at.key().type();
        String keyValue = at.key() == null ? null : at.key().text();
        int updated = jdbc.update("UPDATE source_cursor SET position_type = ?, position_value = ?, key_type = ?,"
                        + " key_value = ?, updated_at = ? WHERE connection_id = ?", at.position().type(),
                at.position().text(), keyType, keyValue, now, connectionId);
        if (updated > 0) {
            return;
        }
        try {
            jdbc.update("INSERT INTO source_cursor (connection_id, position_type, position_value, key_type, key_value,"
                            + " updated_at) VALUES (?, ?, ?, ?, ?, ?)", connectionId, at.position().type(),
                    at.position().text(), keyType, keyValue, now);
        } catch (LedgerException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            // another instance saved it first; ours is the later position of the same single run
            save(connectionId, at);
        }
    }
}
