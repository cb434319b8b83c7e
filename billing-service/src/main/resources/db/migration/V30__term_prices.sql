-- D22: billing's copy of the catalog's imported plan prices (whole-term sell and cost prices per seat), and the exact
-- price of a whole billing period on upfront ledger rows (a whole term bills termUnitPrice x quantity, 65.18 not 65.19).

CREATE TABLE catalog_plan_price (
    offer_id         TEXT    NOT NULL,
    currency         TEXT    NOT NULL,
    effective_from   DATE    NOT NULL,
    term             TEXT    NOT NULL,
    billing          TEXT    NOT NULL,
    unit_price       NUMERIC NOT NULL,
    term_unit_price  NUMERIC,
    term_cost_price  NUMERIC,
    PRIMARY KEY (offer_id, currency, effective_from, term, billing)
);

ALTER TABLE charge ADD COLUMN period_price NUMERIC;
