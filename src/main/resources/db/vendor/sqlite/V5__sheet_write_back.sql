-- Sheet rows whose outcome waits to be written back into the sheet. The write at the end of a run
-- takes them all in one call and deletes them; a write that fails leaves them for the next run.
CREATE TABLE sheet_write_back (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    connection_id   VARCHAR(120) NOT NULL,
    record_key      VARCHAR(512) NOT NULL,
    queued_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sheet_write_back_by_connection ON sheet_write_back (connection_id, id);
