-- The channels (email, sms) that have delivered a record's payment link, written right after each
-- send: a record retried after one channel failed is not sent again by the channels that worked.
ALTER TABLE ledger_record ADD COLUMN delivered_channels VARCHAR(40);
