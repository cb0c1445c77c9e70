package dev.portmoneconnect.schedule;

import dev.portmoneconnect.ledger.Jdbc;
import dev.portmoneconnect.ledger.LedgerException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The on/off switch of each connection and its planned next firing, in {@code connection_state}:
 * it outlives restarts and route reloads; the route file only gives the state of a new connection.
 */
@ApplicationScoped
public class ConnectionStates {

    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    public Optional<ConnectionState> find(String connectionId) {
        return jdbc.one("SELECT * FROM connection_state WHERE connection_id = ?", ConnectionStates::map, connectionId);
    }

    /** The stored switch, stored first as {@code initiallyEnabled} for a connection seen the first time. */
    public ConnectionState findOrCreate(String connectionId, boolean initiallyEnabled) {
        Optional<ConnectionState> state = find(connectionId);
        if (state.isPresent()) {
            return state.get();
        }
        try {
            jdbc.update("INSERT INTO connection_state (connection_id, enabled, updated_at) VALUES (?, ?, ?)",
                    connectionId, initiallyEnabled, clock.instant());
        } catch (LedgerException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
        }
        return find(connectionId).orElseThrow();
    }

    public boolean isEnabled(String connectionId) {
        return find(connectionId).map(ConnectionState::enabled).orElse(false);
    }

    /** @return whether the switch changed */
    public boolean setEnabled(String connectionId, boolean enabled) {
        int changed = jdbc.update("UPDATE connection_state SET enabled = ?, updated_at = ?"
                + " WHERE connection_id = ? AND enabled <> ?", enabled, clock.instant(), connectionId, enabled);
        return changed > 0;
    }

    public void savePlan(String connectionId, Instant nextFireAt) {
        jdbc.update("UPDATE connection_state SET next_fire_at = ? WHERE connection_id = ?", nextFireAt, connectionId);
    }

    public void clearPlan(String connectionId) {
        jdbc.update("UPDATE connection_state SET next_fire_at = NULL WHERE connection_id = ?", connectionId);
    }

    private static ConnectionState map(ResultSet rs) throws SQLException {
        return new ConnectionState(rs.getString("connection_id"), rs.getBoolean("enabled"),
                Optional.ofNullable(Jdbc.instant(rs, "next_fire_at")), Jdbc.instant(rs, "updated_at"));
    }
}
