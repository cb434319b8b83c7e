-- D25: what reconciliation against Microsoft's billed lines needs: each subscription's link to its Partner Center
-- subscription (from the subscription events), each customer's Microsoft tenant, and the imported files.

CREATE TABLE subscription_link (
    subscription_id            TEXT PRIMARY KEY,
    customer_id                TEXT   NOT NULL,
    offer_id                   TEXT   NOT NULL,
    term                       TEXT   NOT NULL,
    billing                    TEXT   NOT NULL,
    currency                   TEXT   NOT NULL,
    start_date                 DATE,
    microsoft_subscription_id  TEXT,
    version                    BIGINT NOT NULL
);
CREATE INDEX subscription_link_microsoft ON subscription_link (microsoft_subscription_id);

-- microsoftTenantId from CustomerCreated / CustomerUpdated when the event carries it
CREATE TABLE customer_tenant (
    customer_id          TEXT PRIMARY KEY,
    microsoft_tenant_id  TEXT NOT NULL
);

CREATE TABLE recon_import (
    import_id       UUID        PRIMARY KEY,
    file_sha256     CHAR(64)    NOT NULL UNIQUE,
    invoice_number  TEXT,
    period          TEXT,
    lines           INT         NOT NULL,
    linked_lines    INT         NOT NULL,
    unlinked_lines  INT         NOT NULL,
    content         BYTEA       NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    created_by      TEXT        NOT NULL
);
