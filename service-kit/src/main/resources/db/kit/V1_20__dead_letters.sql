-- Dead letters (issue 16, issue 15 item 1): a consumed record that failed for a reason retrying cannot fix, or an
-- outbox row the broker refuses (too large), is moved here with its error; never skipped silently. Operators list
-- them (GET /admin/dead-letters), replay or resolve them.
CREATE TABLE dead_letter (
    id                UUID PRIMARY KEY,
    source            TEXT        NOT NULL CHECK (source IN ('CONSUMER', 'OUTBOX')),
    consumer          TEXT,                 -- the channel that failed (CONSUMER), null for OUTBOX
    topic             TEXT        NOT NULL, -- the original topic
    record_partition  INT,
    record_offset     BIGINT,
    msg_key           TEXT,
    customer_id       TEXT,
    event_id          UUID,
    event_type        TEXT,
    payload           TEXT        NOT NULL,
    error             TEXT        NOT NULL,
    status            TEXT        NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'REPLAYED', 'RESOLVED')),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    closed_at         TIMESTAMPTZ,
    closed_by         TEXT
);
-- A record redelivered after a crash (or a replayed topic) is filed once.
CREATE UNIQUE INDEX dead_letter_record ON dead_letter (consumer, topic, record_partition, record_offset)
    WHERE source = 'CONSUMER';
CREATE INDEX dead_letter_open ON dead_letter (topic, customer_id) WHERE status = 'OPEN';
CREATE INDEX dead_letter_created ON dead_letter (created_at, id);

-- Kafka headers of an outbox row (JSON object of strings): the <topic>.dlq copies carry the error and origin.
ALTER TABLE outbox ADD COLUMN headers TEXT;
