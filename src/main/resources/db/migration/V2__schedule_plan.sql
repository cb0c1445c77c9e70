-- The next planned firing of a connection's schedule, kept so that a firing missed while the app
-- was down is noticed at start-up even when Quartz keeps its triggers in memory.
ALTER TABLE connection_state ADD COLUMN next_fire_at TIMESTAMP WITH TIME ZONE;
