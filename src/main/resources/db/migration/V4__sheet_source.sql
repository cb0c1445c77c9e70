-- Google Sheets sources. Portable between H2 2.x and PostgreSQL.

-- The first run of each sheet connection: which rows it took as already handled (firstRun=new).
CREATE TABLE sheet_source (
    connection_id   VARCHAR(120) PRIMARY KEY,
    first_run       VARCHAR(10) NOT NULL,
    baseline_rows   INT NOT NULL,
    run_id          VARCHAR(36),
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Record keys a sheet connection never needs to look at again, as 64-bit fingerprints: rows that
-- were in the sheet at its first run (BASELINE) and rows delivered since (DELIVERED). A run reads
-- them with one statement and asks the ledger only about the rest, so its cost follows new rows.
CREATE TABLE sheet_settled_key (
    connection_id   VARCHAR(120) NOT NULL,
    key_fingerprint BIGINT NOT NULL,
    reason          VARCHAR(10) NOT NULL,
    PRIMARY KEY (connection_id, key_fingerprint)
);
