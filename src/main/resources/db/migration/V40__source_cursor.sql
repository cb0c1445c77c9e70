-- How far a source that reads by a cursor (a shop's database table, a REST API) has got, per
-- connection: the position and key of the last record whose outcome the ledger holds. Each value
-- is kept as text with its type, so it is bound back to the shop's query as it was read.
-- Portable: no identity column, no vendor type.
CREATE TABLE source_cursor (
    connection_id   VARCHAR(120) PRIMARY KEY,
    position_type   VARCHAR(20) NOT NULL,
    position_value  VARCHAR(500) NOT NULL,
    key_type        VARCHAR(20),
    key_value       VARCHAR(500),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
