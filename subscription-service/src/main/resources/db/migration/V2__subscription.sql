-- subscription-service tables (the kit's V1 comes from db/kit).

CREATE TABLE customer (
    id               TEXT PRIMARY KEY,
    name             TEXT        NOT NULL,
    billing_currency TEXT        NOT NULL,
    contact_email    TEXT        NOT NULL,
    external_seats   TEXT        NOT NULL DEFAULT '{}',
    created_at       TIMESTAMPTZ NOT NULL,
    version          BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX customer_order ON customer (created_at, id);

CREATE TABLE subscription (
    id                     TEXT PRIMARY KEY,
    customer_id            TEXT        NOT NULL REFERENCES customer (id),
    offer_id               TEXT        NOT NULL,
    offer_name             TEXT,
    cap_group              TEXT,
    offer_renewable        BOOLEAN     NOT NULL DEFAULT TRUE,
    offer_mid_term_increase BOOLEAN    NOT NULL DEFAULT TRUE,
    term                   TEXT        NOT NULL,
    billing                TEXT        NOT NULL,
    quantity               INT         NOT NULL CHECK (quantity >= 1),
    status                 TEXT        NOT NULL,
    auto_renew             BOOLEAN     NOT NULL,
    end_of_term_action     TEXT        NOT NULL,
    in_extended_service_term BOOLEAN   NOT NULL DEFAULT FALSE,
    unit_price             NUMERIC NOT NULL,
    currency               TEXT        NOT NULL,
    list_unit_price        NUMERIC,
    promotion_id           TEXT,
    discount_until         DATE,
    term_start_at          TIMESTAMPTZ NOT NULL,
    start_date             DATE        NOT NULL,
    end_date               DATE        NOT NULL,
    charge_period_end_date DATE        NOT NULL,
    original_start_date    DATE        NOT NULL,
    last_term_start_date   DATE        NOT NULL,
    last_term_end_date     DATE        NOT NULL,
    trial                  BOOLEAN     NOT NULL DEFAULT FALSE,
    trial_ends_at          TIMESTAMPTZ,
    parent_subscription_id TEXT,
    migrated_from          TEXT,
    sched_quantity         INT,
    sched_term             TEXT,
    sched_billing          TEXT,
    sched_offer_id         TEXT,
    sched_custom_term_end_date DATE,
    has_scheduled_changes  BOOLEAN     NOT NULL DEFAULT FALSE,
    status_changed_at      TIMESTAMPTZ NOT NULL,
    next_due_at            TIMESTAMPTZ,
    batch_sequence         INT         NOT NULL DEFAULT 0,
    created_at             TIMESTAMPTZ NOT NULL,
    version                BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX subscription_customer ON subscription (customer_id, created_at, id);
CREATE INDEX subscription_due ON subscription (next_due_at, id) WHERE next_due_at IS NOT NULL;

-- R-C3 seat batches with their windows [opened_at, window_end); quantity is what is left after reductions.
CREATE TABLE seat_batch (
    id                TEXT PRIMARY KEY,
    subscription_id   TEXT        NOT NULL REFERENCES subscription (id),
    sequence          INT         NOT NULL,
    kind              TEXT        NOT NULL,
    original_quantity INT         NOT NULL,
    quantity          INT         NOT NULL CHECK (quantity >= 0),
    opened_at         TIMESTAMPTZ NOT NULL,
    window_end        TIMESTAMPTZ NOT NULL,
    term_start_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (subscription_id, sequence)
);

-- The history GET /v1/subscriptions/{id}/events lists: every envelope written to the outbox, by subject.
CREATE TABLE event_history (
    id           BIGSERIAL PRIMARY KEY,
    event_id     UUID        NOT NULL,
    subject_id   TEXT        NOT NULL,
    customer_id  TEXT,
    type         TEXT        NOT NULL,
    effective_at TIMESTAMPTZ NOT NULL,
    envelope     TEXT        NOT NULL
);
CREATE INDEX event_history_subject ON event_history (subject_id, id);

-- Local copy of catalog offers (compacted nce.catalog.offers.v1), upserted by key and version.
CREATE TABLE offer (
    offer_id          TEXT PRIMARY KEY,
    name              TEXT,
    product_family    TEXT,
    cap_group         TEXT,
    renewable         BOOLEAN NOT NULL,
    mid_term_increase BOOLEAN NOT NULL,
    trial_available   BOOLEAN NOT NULL,
    plans             TEXT    NOT NULL,
    upgrade_paths     TEXT    NOT NULL,
    version           BIGINT  NOT NULL
);
