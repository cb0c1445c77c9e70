package dev.portmoneconnect.ledger;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which run holds each connection, kept in {@code connection_state} so that every instance on the
 * database sees it: a connection never runs twice at once, on one instance or across several. The
 * holder renews its lease with each heartbeat; a lease left to expire belonged to a process that
 * stopped, and the next run takes it over.
 */
@ApplicationScoped
public class ConnectionLeases {

    static final String TAKEN_OVER = "the process running it stopped; run %s took over";

    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    /**
     * Takes the connection for a run until {@code lease} from now. A lease that has expired, or
     * whose run has ended, is taken over; a run that let its lease expire is closed as abandoned.
     *
     * @return empty when the run now holds the connection, otherwise the id of the run holding it
     */
    public Optional<String> acquire(String connectionId, String runId, Duration lease) {
        Instant now = clock.instant();
        return jdbc.inTransaction(c -> {
            List<Holder> rows = Jdbc.list(c, "SELECT running_run_id, lease_until FROM connection_state"
                            + " WHERE connection_id = ?" + jdbc.store().forUpdate(),
                    rs -> new Holder(rs.getString("running_run_id"), Jdbc.instant(rs, "lease_until")), connectionId);
            if (rows.isEmpty()) {
                throw new IllegalStateException("connection '" + connectionId + "' has no stored state");
            }
            Holder holder = rows.get(0);
            if (holder.runId() != null && holder.until() != null && holder.until().isAfter(now)) {
                List<String> status = Jdbc.list(c, "SELECT status FROM run WHERE id = ?", rs -> rs.getString("status"),
                        holder.runId());
                boolean ended = !status.isEmpty() && !RunStatus.RUNNING.name().equals(status.get(0));
                if (!ended) {
                    return Optional.of(holder.runId());
                }
            }
            Jdbc.update(c, "UPDATE connection_state SET running_run_id = ?, lease_until = ? WHERE connection_id = ?",
                    runId, now.plus(lease), connectionId);
            if (holder.runId() != null) {
                int abandoned = RunRepository.abandon(c, now, holder.runId(), TAKEN_OVER.formatted(runId), runId);
                if (abandoned > 0) {
                    Log.infof("Connection %s: run %s went silent; run %s takes over its records", connectionId,
                            holder.runId(), runId);
                }
            }
            return Optional.empty();
        });
    }

    /** @return whether the run still holds the connection; false when another run has taken it over */
    public boolean renew(String connectionId, String runId, Duration lease) {
        return jdbc.update("UPDATE connection_state SET lease_until = ? WHERE connection_id = ? AND running_run_id = ?",
                clock.instant().plus(lease), connectionId, runId) > 0;
    }

    public void release(String connectionId, String runId) {
        jdbc.update("UPDATE connection_state SET running_run_id = NULL, lease_until = NULL"
                + " WHERE connection_id = ? AND running_run_id = ?", connectionId, runId);
    }

    /** Frees every connection: only for an instance that knows it is the only one on its database. */
    public int releaseAll() {
        return jdbc.update("UPDATE connection_state SET running_run_id = NULL, lease_until = NULL"
                + " WHERE running_run_id IS NOT NULL");
    }

    private record Holder(String runId, Instant until) {
    }
}
