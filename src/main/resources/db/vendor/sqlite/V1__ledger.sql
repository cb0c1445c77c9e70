-- SQLite: the same tables as PostgreSQL's V1; ids are rowids that are never reused, times are
-- milliseconds since the epoch in the TIMESTAMP WITH TIME ZONE columns.

CREATE TABLE connection_state (
    connection_id   VARCHAR(120) PRIMARY KEY,
    enabled         BOOLEAN NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE run (
    id              VARCHAR(36) PRIMARY KEY,
    connection_id   VARCHAR(120) NOT NULL,
    trigger_kind    VARCHAR(20) NOT NULL,
    status          VARCHAR(20) NOT NULL,
    dry_run         BOOLEAN NOT NULL,
    test_run        BOOLEAN NOT NULL DEFAULT FALSE,
    instance_id     VARCHAR(80),
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at     TIMESTAMP WITH TIME ZONE,
    records_seen    INT NOT NULL DEFAULT 0,
    invoiced        INT NOT NULL DEFAULT 0,
    delivered       INT NOT NULL DEFAULT 0,
    failed          INT NOT NULL DEFAULT 0,
    skipped         INT NOT NULL DEFAULT 0,
    error_message   VARCHAR(4000)
);
CREATE INDEX run_by_connection ON run (connection_id, started_at);

-- One row per source record of a connection: the guard that makes invoicing happen at most once.
CREATE TABLE ledger_record (
    id                  INTEGER PRIMARY KEY AUTOINCREMENT,
    connection_id       VARCHAR(120) NOT NULL,
    record_key          VARCHAR(512) NOT NULL,
    content_hash        VARCHAR(64),
    source_id           VARCHAR(120),
    status              VARCHAR(20) NOT NULL,
    version             INT NOT NULL DEFAULT 0,
    shop_order_number   VARCHAR(120),
    payment_link        VARCHAR(2000),
    invoice_json        VARCHAR(100000),
    portmone_request    VARCHAR(100000),
    delivery_channels   VARCHAR(40),
    delivery_preview    VARCHAR(100000),
    delivery_parts      INT,
    error_step          VARCHAR(20),
    error_field         VARCHAR(120),
    error_code          VARCHAR(120),
    error_message       VARCHAR(4000),
    attempts            INT NOT NULL DEFAULT 0,
    dry_run             BOOLEAN NOT NULL DEFAULT FALSE,
    last_run_id         VARCHAR(36),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    invoiced_at         TIMESTAMP WITH TIME ZONE,
    delivered_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT ledger_record_key UNIQUE (connection_id, record_key),
    CONSTRAINT ledger_order_number UNIQUE (shop_order_number)
);
CREATE INDEX ledger_record_status ON ledger_record (connection_id, status);

-- What each run did to each record, every try kept (a record can be seen by many runs).
CREATE TABLE record_attempt (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    record_id       BIGINT REFERENCES ledger_record (id),
    run_id          VARCHAR(36) NOT NULL,
    connection_id   VARCHAR(120) NOT NULL,
    record_key      VARCHAR(512),
    outcome         VARCHAR(20) NOT NULL,
    step            VARCHAR(20),
    error_field     VARCHAR(120),
    error_code      VARCHAR(120),
    error_message   VARCHAR(4000),
    at              TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX record_attempt_by_run ON record_attempt (run_id);
CREATE INDEX record_attempt_by_record ON record_attempt (record_id);

-- Records posted to a connection's webhook, kept until a run has settled them in the ledger.
CREATE TABLE inbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    connection_id   VARCHAR(120) NOT NULL,
    payload         VARCHAR(1048576) NOT NULL,
    status          VARCHAR(20) NOT NULL,
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by_run  VARCHAR(36),
    settled_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX inbox_pending ON inbox (connection_id, status, id);
