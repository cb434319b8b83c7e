-- notification-service (DESIGN.md sections 4-6, NCE-RULES.md D8). Copies of other services' data are upserted by key.

-- Customers seen in CustomerCreated / CustomerUpdated; events of customers not here are ignored (DESIGN.md section 5).
CREATE TABLE customer (
    customer_id      TEXT PRIMARY KEY,
    name             TEXT,
    contact_email    TEXT,
    billing_currency TEXT,
    event_partition  INT NOT NULL,                -- the partition of its events: due work waits for its watermark
    created_at       TIMESTAMPTZ NOT NULL,
    updated_at       TIMESTAMPTZ NOT NULL
);

-- Offer names from nce.catalog.offers.v1 (compacted; latest version wins).
CREATE TABLE offer_name (
    offer_id TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    version  BIGINT NOT NULL
);

-- The latest after-state of each subscription (SubscriptionSnapshot) and the last quoted EST price.
CREATE TABLE subscription_copy (
    subscription_id          TEXT PRIMARY KEY,
    customer_id              TEXT NOT NULL,
    offer_id                 TEXT,
    offer_name               TEXT,
    term                     TEXT,
    billing                  TEXT,
    quantity                 INT NOT NULL,
    status                   TEXT NOT NULL,
    auto_renew               BOOLEAN NOT NULL,
    end_of_term_action       TEXT,
    in_extended_service_term BOOLEAN NOT NULL,
    trial                    BOOLEAN NOT NULL,
    unit_price               NUMERIC,
    currency                 TEXT,
    start_date               DATE,
    end_date                 DATE,
    renewal_date             DATE,
    notice_deadline          DATE,
    est_unit_price           NUMERIC,
    est_currency             TEXT,
    snapshot_version         BIGINT NOT NULL,
    updated_at               TIMESTAMPTZ NOT NULL
);
CREATE INDEX subscription_copy_customer ON subscription_copy (customer_id);

-- Seat batches with their windows and the seats still in them (WINDOW_CLOSING, D8).
CREATE TABLE seat_batch (
    batch_key          TEXT PRIMARY KEY,           -- subscriptionId/batchId
    subscription_id    TEXT NOT NULL,
    batch_id           TEXT NOT NULL,
    sequence           INT,
    quantity           INT NOT NULL,
    remaining_quantity INT NOT NULL,
    opened_at          TIMESTAMPTZ,
    window_end         TIMESTAMPTZ,
    UNIQUE (subscription_id, batch_id)
);

-- One row per notification. dedup_key is the D8 uniqueness key: (subscription, term start date, kind),
-- (subscription, batchId) for WINDOW_CLOSING, the invoice for INVOICE_ISSUED; notification_id derives from it.
CREATE TABLE notification (
    notification_id  UUID PRIMARY KEY,
    dedup_key        TEXT NOT NULL UNIQUE,
    customer_id      TEXT NOT NULL,
    event_partition  INT NOT NULL,                -- partition of the customer on nce.subscription.events.v1
    kind             TEXT NOT NULL,
    subscription_id  TEXT,
    term_start_date  DATE,
    batch_id         TEXT,
    invoice_id       TEXT,
    due_at           TIMESTAMPTZ NOT NULL,
    send_until       TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,        -- platform instant of the event that created it
    status           TEXT NOT NULL,               -- SCHEDULED | PROCESSED | CANCELLED
    cancel_reason    TEXT,
    processed_at     TIMESTAMPTZ,                 -- sentAt (DESIGN.md section 3)
    facts            TEXT,                        -- event facts (state change, invoice) as JSON
    subject          TEXT,                        -- rendered when processed, so every channel and retry says the same
    body             TEXT,
    payload          TEXT                         -- the webhook JSON body
);
CREATE INDEX notification_due_by_partition ON notification (event_partition, due_at) WHERE status = 'SCHEDULED';
CREATE INDEX notification_due_by_subscription ON notification (subscription_id, due_at) WHERE status = 'SCHEDULED';
CREATE INDEX notification_by_customer ON notification (customer_id, due_at);

CREATE TABLE webhook_endpoint (
    endpoint_id  UUID PRIMARY KEY,
    customer_id  TEXT,                           -- null: partner-wide, every customer's notifications
    url          TEXT NOT NULL,
    secret       TEXT NOT NULL,                  -- needed to sign; never returned by the API
    kinds        TEXT NOT NULL,                  -- comma-separated NotificationKind names
    created_at   TIMESTAMPTZ NOT NULL,
    created_seq  BIGSERIAL,
    created_by   TEXT,
    deleted_at   TIMESTAMPTZ
);
CREATE INDEX webhook_endpoint_customer ON webhook_endpoint (customer_id) WHERE deleted_at IS NULL;

-- One row per notification and channel (per endpoint for WEBHOOK): the delivery record, written in the transaction that
-- processes the notification; the dispatcher sends it (wall-clock retries) with a stable message id.
CREATE TABLE delivery (
    delivery_id      BIGSERIAL PRIMARY KEY,
    notification_id  UUID NOT NULL REFERENCES notification (notification_id),
    channel          TEXT NOT NULL,
    endpoint_id      UUID REFERENCES webhook_endpoint (endpoint_id),
    target           TEXT NOT NULL,              -- 'email' or the endpoint id
    status           TEXT NOT NULL,              -- SCHEDULED | SENT | FAILED | CANCELLED
    message_id       TEXT NOT NULL,
    recipient        TEXT,
    attempts         INT NOT NULL DEFAULT 0,
    first_attempt_at TIMESTAMPTZ,
    next_attempt_at  TIMESTAMPTZ,                -- null until the notification is processed
    delivered_at     TIMESTAMPTZ,
    last_error       TEXT,
    UNIQUE (notification_id, target)
);
CREATE INDEX delivery_ready ON delivery (next_attempt_at) WHERE status = 'SCHEDULED' AND next_attempt_at IS NOT NULL;
CREATE INDEX delivery_by_endpoint ON delivery (endpoint_id) WHERE status = 'SCHEDULED';
