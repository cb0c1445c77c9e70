-- A running run's instance touches it regularly; a run whose heartbeat stopped was left by a dead process.
ALTER TABLE run ADD COLUMN heartbeat_at TIMESTAMP WITH TIME ZONE;
