-- D22: Microsoft's NCE price list imports; plans keep their whole-term sell and cost prices.

ALTER TABLE offer ADD COLUMN segment VARCHAR(40);
ALTER TABLE offer ADD COLUMN sellable_until DATE;

ALTER TABLE offer_plan_price ADD COLUMN term_unit_price NUMERIC(19,4) CHECK (term_unit_price >= 0);
ALTER TABLE offer_plan_price ADD COLUMN term_cost_price NUMERIC(19,4) CHECK (term_cost_price >= 0);

-- One upload; the same file (SHA-256) with the same options is the same import.
CREATE TABLE price_list_import (
    import_id     UUID         PRIMARY KEY,
    file_sha256   CHAR(64)     NOT NULL,
    options_json  TEXT         NOT NULL,
    file_name     TEXT,
    content       BYTEA        NOT NULL,     -- the CSV (unzipped), re-read when applied
    status        VARCHAR(12)  NOT NULL,
    report_json   TEXT,                      -- the validation report (rows, diff, warnings, renewal impact)
    created_at    TIMESTAMPTZ  NOT NULL,
    created_by    TEXT         NOT NULL,
    applied_at    TIMESTAMPTZ,
    applied_by    TEXT,
    UNIQUE (file_sha256, options_json)
);

-- What the catalog knows of each subscription from nce.subscription.events.v1 (the after-state snapshot), so that an
-- import can name the renewals its prices change (renewal impact) without calling subscription-service.
CREATE TABLE subscription_renewal (
    subscription_id    TEXT        PRIMARY KEY,
    customer_id        TEXT        NOT NULL,
    offer_id           TEXT        NOT NULL,
    term               VARCHAR(3)  NOT NULL,
    billing            VARCHAR(10) NOT NULL,
    status             VARCHAR(12) NOT NULL,
    end_of_term_action VARCHAR(24),
    trial              BOOLEAN     NOT NULL,
    unit_price         NUMERIC     NOT NULL,
    currency           CHAR(3)     NOT NULL,
    renewal_date       DATE,
    version            BIGINT      NOT NULL
);
CREATE INDEX subscription_renewal_date ON subscription_renewal (renewal_date);
