-- D21 numbers are <period>-<seq>: one unique index on (period, invoice_seq) keeps them unique and serves the
-- "continue the period's sequence" lookup, so numbering a 100k-invoice run updates one index instead of two.
ALTER TABLE invoice DROP CONSTRAINT invoice_invoice_number_key;
DROP INDEX invoice_by_period;
CREATE UNIQUE INDEX invoice_number_in_period ON invoice (period, invoice_seq);
