-- R-K3: seats added above a promotion's maximum pay the regular price
ALTER TABLE subscription ADD COLUMN promotion_max_seats INTEGER;
