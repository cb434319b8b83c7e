-- R-K6: a charge and an invoice line priced at a promotion's discounted price carry its promotionId (else NULL).
ALTER TABLE charge ADD COLUMN promotion_id TEXT;
-- BL-7: seat-days of the same paying line credited before this credit (its amount is the rounded total minus the
-- rounded earlier credits, so credits never exceed the charge).
ALTER TABLE charge ADD COLUMN prior_seat_days BIGINT NOT NULL DEFAULT 0;
ALTER TABLE invoice_line ADD COLUMN promotion_id TEXT;

-- BL-7 with promotions (R-K3, R-K7): a seat batch can be paid by several lines (seats above the promotion's maximum
-- at list, the days after discountUntil at list). Each piece keeps its price, promotion, which seats it paid for
-- (tier 0 = within the maximum, 1 = above it) and how many of them are not credited yet (NULL on older rows: the
-- piece covers the whole batch) and the seat-days credited so far.
ALTER TABLE batch_charge ADD COLUMN piece INT NOT NULL DEFAULT 0;
ALTER TABLE batch_charge ADD COLUMN promotion_id TEXT;
ALTER TABLE batch_charge ADD COLUMN tier INT NOT NULL DEFAULT 0;
ALTER TABLE batch_charge ADD COLUMN seats INT CHECK (seats >= 0);
ALTER TABLE batch_charge ADD COLUMN credited_seat_days BIGINT NOT NULL DEFAULT 0;
ALTER TABLE batch_charge DROP CONSTRAINT batch_charge_pkey;
ALTER TABLE batch_charge ADD PRIMARY KEY (subscription_id, batch_id, piece);
