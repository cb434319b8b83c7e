-- Issue 18: tax rates, the seller profile, customer master data and each invoice's tax and document facts
-- (NCE-RULES D23 tax, D24 due date and snapshot; API.md "Tax, seller and invoices").

-- D23: effective-dated rates, immutable once created except effective_to (inclusive; NULL = open).
CREATE TABLE tax_rate (
    code            TEXT PRIMARY KEY,
    country         TEXT        NOT NULL,
    region          TEXT,
    tax_type        TEXT        NOT NULL CHECK (tax_type IN ('VAT', 'GST', 'SALES')),
    name            TEXT        NOT NULL,
    percent         NUMERIC     NOT NULL CHECK (percent >= 0 AND percent <= 100),
    effective_from  DATE        NOT NULL,
    effective_to    DATE,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    CHECK (effective_to IS NULL OR effective_to >= effective_from)
);
CREATE INDEX tax_rate_by_country ON tax_rate (country, effective_from);

-- The partner's legal entity (one row); JSON of the API shape.
CREATE TABLE seller_profile (
    id          INT PRIMARY KEY CHECK (id = 1),
    profile     TEXT        NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- The customer's master data from CustomerCreated/CustomerUpdated (JSON of contracts CustomerDetails).
ALTER TABLE billing_customer ADD COLUMN details TEXT;

-- D23/D24 facts of an issued invoice, fixed at issue: due date, title, seller and customer blocks, tax lines (JSON),
-- legal notes (JSON) and each line's tax code (by line_no, 1-based). An invoice without a row was issued before tax
-- existed: out of scope, tax 0.00.
CREATE TABLE invoice_tax (
    invoice_id            UUID PRIMARY KEY,
    due_date              DATE    NOT NULL,
    title                 TEXT    NOT NULL,
    seller                TEXT,
    customer              TEXT    NOT NULL,
    tax_lines             TEXT    NOT NULL,
    tax_total             NUMERIC NOT NULL,
    legal_notes           TEXT    NOT NULL,
    line_tax_codes        TEXT[]  NOT NULL,
    footer                TEXT,
    payment_instructions  TEXT
);
