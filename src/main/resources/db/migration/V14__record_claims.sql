-- The claim of the one source record whose handling holds a ledger row: set by the guard, cleared
-- when the record is settled. Another record naming the same order, in this run or another, leaves
-- the row alone while the claim's run is alive; a step about to call Portmone or a gateway first
-- checks that its claim still holds.
ALTER TABLE ledger_record ADD COLUMN claim_id VARCHAR(36);

-- Which source record an attempt was about: two source records can name one order.
ALTER TABLE record_attempt ADD COLUMN source_id VARCHAR(120);

-- The ledger record an inbox entry was settled as (DONE, or DUPLICATE of an order another entry holds).
ALTER TABLE inbox ADD COLUMN record_id BIGINT;

-- The run that took over the records of a run whose process stopped.
ALTER TABLE run ADD COLUMN taken_over_by VARCHAR(36);
