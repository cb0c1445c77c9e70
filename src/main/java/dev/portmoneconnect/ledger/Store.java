package dev.portmoneconnect.ledger;

import java.util.Locale;

/**
 * The database the app keeps its state in: embedded SQLite (the default build) or PostgreSQL (the
 * scale-out build). H2 is read only to move an earlier version's database into SQLite.
 */
public enum Store {
    SQLITE, POSTGRESQL, H2;

    /** The store a JDBC connection reports, by {@code DatabaseMetaData.getDatabaseProductName()}. */
    public static Store of(String databaseProductName) {
        String name = databaseProductName.toLowerCase(Locale.ROOT);
        if (name.contains("sqlite")) {
            return SQLITE;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("h2")) {
            return H2;
        }
        throw new IllegalStateException("unsupported database: " + databaseProductName
                + " (the app runs on SQLite or PostgreSQL)");
    }

    /** The folder of this store's own migrations, beside the shared ones in {@code db/migration}. */
    public String migrationFolder() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether one writer at a time is the store's rule. SQLite takes its write lock for a whole
     * transaction; a transaction that read first and writes later would fail rather than wait, so
     * every writing transaction takes the lock at its start.
     */
    public boolean hasSingleWriter() {
        return this == SQLITE;
    }

    /** Row locks for a read that the same transaction writes after: none where one writer holds the whole store. */
    public String forUpdate() {
        return hasSingleWriter() ? "" : " FOR UPDATE";
    }

    /** Row locks that let two instances take disjoint rows at the same moment. */
    public String forUpdateSkipLocked() {
        return hasSingleWriter() ? "" : " FOR UPDATE SKIP LOCKED";
    }

    /** SQLite keeps times as milliseconds since the epoch; the others as {@code TIMESTAMP WITH TIME ZONE}. */
    boolean keepsTimesAsMillis() {
        return this == SQLITE;
    }
}
