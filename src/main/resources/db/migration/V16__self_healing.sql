-- Parked records are tried again by later runs on their own: since when the record is parked, how
-- many runs have tried it since, and when the next run may try it (none: it needs an operator).
ALTER TABLE ledger_record ADD COLUMN parked_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE ledger_record ADD COLUMN auto_retries INT NOT NULL DEFAULT 0;
ALTER TABLE ledger_record ADD COLUMN next_retry_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ledger_record_retry ON ledger_record (connection_id, status, next_retry_at);
