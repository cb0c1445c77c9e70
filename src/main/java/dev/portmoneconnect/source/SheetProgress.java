package dev.portmoneconnect.source;

import dev.portmoneconnect.ledger.Jdbc;
import dev.portmoneconnect.ledger.LedgerException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/**
 * What a sheet connection already knows about its rows: whether it has had its first run, and the
 * keys it never needs to look at again (rows taken as the first-run baseline, rows delivered).
 * The ledger stays the authority; this only spares a run from asking it about every old row.
 */
@ApplicationScoped
public class SheetProgress {

    static final String BASELINE = "BASELINE";
    static final String DELIVERED = "DELIVERED";

    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    public Optional<FirstRun> firstRun(String connectionId) {
        return jdbc.one("SELECT first_run FROM sheet_source WHERE connection_id = ?",
                rs -> FirstRun.valueOf(rs.getString("first_run")), connectionId);
    }

    /** All settled keys of the connection, read with one statement. */
    public SettledKeys settledKeys(String connectionId) {
        return jdbc.inConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT key_fingerprint FROM sheet_settled_key WHERE connection_id = ?")) {
                ps.setString(1, connectionId);
                ps.setFetchSize(10_000);
                try (var rs = ps.executeQuery()) {
                    long[] fingerprints = new long[1024];
                    int n = 0;
                    while (rs.next()) {
                        if (n == fingerprints.length) {
                            fingerprints = Arrays.copyOf(fingerprints, n * 2);
                        }
                        fingerprints[n++] = rs.getLong(1);
                    }
                    long[] sorted = Arrays.copyOf(fingerprints, n);
                    Arrays.sort(sorted);
                    return new SettledKeys(sorted);
                }
            }
        });
    }

    /**
     * Records the connection's first run and, for {@link FirstRun#NEW}, the keys of the rows already
     * in the sheet, all in one transaction.
     *
     * @return false when another run recorded the first run already
     */
    public boolean recordFirstRun(String connectionId, FirstRun mode, String runId, Collection<String> baselineKeys) {
        MessageDigest sha256 = sha256();
        long[] fingerprints = baselineKeys.stream().mapToLong(k -> fingerprint(sha256, k)).distinct().toArray();
        Instant now = clock.instant();
        try {
            return jdbc.inTransaction(c -> {
                Jdbc.update(c, "INSERT INTO sheet_source (connection_id, first_run, baseline_rows, run_id, started_at)"
                        + " VALUES (?, ?, ?, ?, ?)", connectionId, mode.name(), fingerprints.length, runId,
                        now.atOffset(ZoneOffset.UTC));
                insertAll(c, connectionId, fingerprints, BASELINE);
                return true;
            });
        } catch (LedgerException e) {
            if (e.isUniqueViolation()) {
                return false;
            }
            throw e;
        }
    }

    /** Adds keys the ledger holds as delivered; keys already there are left as they are. */
    public void settle(String connectionId, Collection<String> keys, String reason) {
        if (keys.isEmpty()) {
            return;
        }
        MessageDigest sha256 = sha256();
        long[] fingerprints = keys.stream().mapToLong(k -> fingerprint(sha256, k)).distinct().toArray();
        try {
            jdbc.inTransaction(c -> {
                insertAll(c, connectionId, fingerprints, reason);
                return null;
            });
        } catch (LedgerException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
            for (long fingerprint : fingerprints) {
                insertOne(connectionId, fingerprint, reason);
            }
        }
    }

    public void settle(String connectionId, String key, String reason) {
        insertOne(connectionId, fingerprint(key), reason);
    }

    private void insertOne(String connectionId, long fingerprint, String reason) {
        try {
            jdbc.update("INSERT INTO sheet_settled_key (connection_id, key_fingerprint, reason) VALUES (?, ?, ?)",
                    connectionId, fingerprint, reason);
        } catch (LedgerException e) {
            if (!e.isUniqueViolation()) {
                throw e;
            }
        }
    }

    private static void insertAll(java.sql.Connection c, String connectionId, long[] fingerprints, String reason)
            throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sheet_settled_key (connection_id, key_fingerprint, reason) VALUES (?, ?, ?)")) {
            int pending = 0;
            for (long fingerprint : fingerprints) {
                ps.setString(1, connectionId);
                ps.setLong(2, fingerprint);
                ps.setString(3, reason);
                ps.addBatch();
                if (++pending == 1000) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /**
     * The first 64 bits of the key's SHA-256. Among 100,000 keys of one connection, the odds that
     * two share a fingerprint are about one in 3.7 billion; that is the price of reading all of a
     * connection's settled keys with one small statement.
     */
    static long fingerprint(String key) {
        return fingerprint(sha256(), key);
    }

    static long fingerprint(MessageDigest sha256, String key) {
        byte[] digest = sha256.digest(key.getBytes(StandardCharsets.UTF_8));
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (digest[i] & 0xFF);
        }
        return value;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A sorted set of key fingerprints, for one run's thread. */
    public static final class SettledKeys {
        private final long[] sorted;
        private final MessageDigest sha256 = sha256();

        SettledKeys(long[] sorted) {
            this.sorted = sorted;
        }

        boolean contains(String key) {
            return Arrays.binarySearch(sorted, fingerprint(sha256, key)) >= 0;
        }

        int size() {
            return sorted.length;
        }
    }
}
