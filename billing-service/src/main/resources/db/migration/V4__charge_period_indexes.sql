-- A run selects the charges of its month (segments overlapping it, fixed charges booked on it): with these indexes it
-- reads the month's rows instead of the whole ledger history.
CREATE INDEX charge_segments_by_end ON charge (end_date) WHERE kind = 'SEGMENT';
CREATE INDEX charge_fixed_by_book_period ON charge (book_period) WHERE kind = 'FIXED';
