-- service-kit tables, identical in every service database (locations db/kit, db/migration; services start at V2).

-- Transactional outbox (DESIGN.md section 6): state and events commit together; one relay publishes in id order.
CREATE TABLE outbox (
    id          BIGSERIAL PRIMARY KEY,
    event_id    UUID        NOT NULL UNIQUE,
    topic       TEXT        NOT NULL,
    msg_key     TEXT        NOT NULL,
    partition   INT,
    payload     TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    sent_at     TIMESTAMPTZ
);
CREATE INDEX outbox_unsent ON outbox (id) WHERE sent_at IS NULL;

-- Idempotent consumers: one row per processed eventId, written in the transaction of the effect.
CREATE TABLE processed_event (
    event_id     UUID PRIMARY KEY,
    topic        TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Per-partition watermarks read by this service (DESIGN.md section 3).
CREATE TABLE consumer_watermark (
    topic      TEXT        NOT NULL,
    partition  INT         NOT NULL,
    up_to      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (topic, partition)
);

-- Idempotency-Key (API.md conventions): scope = hash(subject, method, path, key).
CREATE TABLE idempotency_key (
    scope         TEXT PRIMARY KEY,
    request_hash  TEXT        NOT NULL,
    status        INT,
    content_type  TEXT,
    response_body TEXT,
    completed     BOOLEAN     NOT NULL DEFAULT FALSE,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The persisted platform clock (SIMULATED mode): one row.
CREATE TABLE platform_clock (
    id   INT PRIMARY KEY CHECK (id = 1),
    now  TIMESTAMPTZ NOT NULL
);
