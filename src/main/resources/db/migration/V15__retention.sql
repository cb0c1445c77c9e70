-- The retention job finds settled inbox records and finished runs by age.
CREATE INDEX inbox_settled ON inbox (status, settled_at);
CREATE INDEX run_finished ON run (finished_at);
