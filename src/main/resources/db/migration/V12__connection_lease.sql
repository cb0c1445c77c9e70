-- The run that holds a connection now, and until when. An instance starts a run only while no
-- other run holds the connection; the holder's heartbeat renews the lease, and a lease left to
-- expire (its process died) is taken over. Shared by every instance on the same database.
ALTER TABLE connection_state ADD COLUMN running_run_id VARCHAR(36);
ALTER TABLE connection_state ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;

-- Runs still going, looked up by the claims of inbox and ledger rows.
CREATE INDEX run_by_status ON run (status, heartbeat_at);
