-- Payment status of each real invoice, kept beside its ledger record and keyed by it. Portable
-- between H2, PostgreSQL and SQLite: amounts in kopiyky (exact sums everywhere), no identity column.
CREATE TABLE payment_status (
    record_id           BIGINT PRIMARY KEY REFERENCES ledger_record (id),
    connection_id       VARCHAR(120) NOT NULL,
    account             VARCHAR(120) NOT NULL,
    shop_order_number   VARCHAR(120) NOT NULL,
    amount_minor        BIGINT NOT NULL,
    test_send           BOOLEAN NOT NULL,
    close_expired       BOOLEAN NOT NULL,
    status              VARCHAR(20) NOT NULL,
    portmone_status     VARCHAR(20),
    invoiced_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_at             TIMESTAMP WITH TIME ZONE,
    paid_minor          BIGINT,
    bill_id             VARCHAR(64),
    checked_at          TIMESTAMP WITH TIME ZONE,
    changed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    closed_at           TIMESTAMP WITH TIME ZONE,
    close_error         VARCHAR(4000),
    version             INT NOT NULL
);
-- A poll reads an account's open invoices; lists and figures read a connection's.
CREATE INDEX payment_status_by_account ON payment_status (account, status, invoiced_at);
CREATE INDEX payment_status_by_connection ON payment_status (connection_id, status, invoiced_at);
CREATE INDEX payment_status_by_order ON payment_status (shop_order_number);
-- Invoices of the last days whose status is not followed yet are looked up by the time they were made.
CREATE INDEX ledger_record_by_invoiced_at ON ledger_record (invoiced_at);

-- The follow-ups (reminders, notices, calls) each invoice went through: one row per invoice and
-- follow-up, written before the follow-up acts, so that none acts twice on one invoice.
CREATE TABLE payment_follow_up (
    record_id       BIGINT NOT NULL REFERENCES ledger_record (id),
    follow_up       VARCHAR(120) NOT NULL,
    connection_id   VARCHAR(120) NOT NULL,
    status          VARCHAR(20) NOT NULL,
    run_id          VARCHAR(36),
    claimed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    done_at         TIMESTAMP WITH TIME ZONE,
    error_message   VARCHAR(4000),
    PRIMARY KEY (record_id, follow_up)
);

-- The last status poll of each Portmone account, for the API and the dashboard.
CREATE TABLE payment_poll (
    account         VARCHAR(120) PRIMARY KEY,
    polled_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    succeeded       BOOLEAN NOT NULL,
    calls           INT NOT NULL,
    changed         INT NOT NULL,
    error_message   VARCHAR(4000)
);
