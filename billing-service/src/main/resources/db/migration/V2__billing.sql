-- billing-service: customers and catalog copies, the charge ledger, invoice runs, tasks and invoices.

-- Copies of other services' data (DESIGN.md section 6), upserted by key.
CREATE TABLE billing_customer (
    customer_id       TEXT PRIMARY KEY,
    name              TEXT,
    billing_currency  TEXT,
    -- Kafka partition of the customer's key (Topics.partitionFor): the watermark that closes its months
    key_partition     INT         NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE catalog_offer (
    offer_id  TEXT PRIMARY KEY,
    name      TEXT,
    version   BIGINT NOT NULL
);

-- The full FX list of the last FxRatesSnapshot (D13: effective-dated, units per 1 USD).
CREATE TABLE fx_rate (
    currency        TEXT    NOT NULL,
    effective_from  DATE    NOT NULL,
    rate            NUMERIC NOT NULL,
    PRIMARY KEY (currency, effective_from)
);

-- How far the catalog consumer has read each partition (catalog sync before a run, DESIGN.md section 4).
CREATE TABLE catalog_offset (
    partition    INT PRIMARY KEY,
    next_offset  BIGINT NOT NULL
);

-- The charge ledger (effective-dated): SEGMENT rows are monthly-billed stretches (BL-3), FIXED rows one line booked
-- on book_period (BL-6, BL-7, R-I6, late-event differences). Periods are 'YYYY-MM'.
CREATE TABLE charge (
    id                BIGSERIAL PRIMARY KEY,
    customer_id       TEXT     NOT NULL,
    subscription_id   TEXT     NOT NULL,
    offer_id          TEXT     NOT NULL,
    description       TEXT     NOT NULL,
    kind              TEXT     NOT NULL CHECK (kind IN ('SEGMENT', 'FIXED')),
    charge_type       TEXT     NOT NULL,
    start_date        DATE     NOT NULL,
    end_date          DATE     NOT NULL,
    quantity          INT      NOT NULL CHECK (quantity >= 0),
    unit_price        NUMERIC  NOT NULL,
    pricing_currency  TEXT     NOT NULL,
    billing_months    INT,
    days_active       INT,
    days_in_period    INT,
    book_period       TEXT,
    fx_period         TEXT,
    sign              SMALLINT NOT NULL DEFAULT 1 CHECK (sign IN (1, -1)),
    scheduled         BOOLEAN  NOT NULL DEFAULT FALSE,
    CHECK (end_date >= start_date)
);
CREATE INDEX charge_by_customer ON charge (customer_id);
CREATE INDEX charge_by_subscription ON charge (subscription_id);

-- The line that paid for each seat batch of an upfront plan (BL-7 credits).
CREATE TABLE batch_charge (
    subscription_id  TEXT    NOT NULL,
    batch_id         TEXT    NOT NULL,
    offer_id         TEXT    NOT NULL,
    description      TEXT    NOT NULL,
    charge_start     DATE    NOT NULL,
    charge_end       DATE    NOT NULL,
    days_in_period   INT     NOT NULL,
    unit_price       NUMERIC NOT NULL,
    currency         TEXT    NOT NULL,
    billing_months   INT     NOT NULL,
    charged_period   TEXT    NOT NULL,
    PRIMARY KEY (subscription_id, batch_id)
);

-- One run per period (unique: every replica may try, one wins). attempt = the latest attempt (1 = the run on the
-- 1st, then retries); tasks_* and dispatched_partitions describe the latest attempt.
CREATE TABLE invoice_run (
    run_id                 UUID PRIMARY KEY,
    period                 TEXT        NOT NULL UNIQUE,
    status                 TEXT        NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED')),
    attempt                INT         NOT NULL,
    issue_date             DATE        NOT NULL,
    attempt_due_at         TIMESTAMPTZ,
    tasks_total            INT         NOT NULL DEFAULT 0,
    tasks_done             INT         NOT NULL DEFAULT 0,
    dispatched_partitions  INT[]       NOT NULL DEFAULT '{}',
    customers_total        INT         NOT NULL DEFAULT 0,
    started_at             TIMESTAMPTZ NOT NULL,
    completed_at           TIMESTAMPTZ,
    created_by             TEXT        NOT NULL,
    alert_missing          INT,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

-- Customers with at least one line in the run's period (customersTotal), with their key partition.
CREATE TABLE invoice_run_customer (
    run_id         UUID NOT NULL,
    customer_id    TEXT NOT NULL,
    key_partition  INT  NOT NULL,
    PRIMARY KEY (run_id, customer_id)
);

CREATE TABLE invoice_task (
    run_id        UUID        NOT NULL,
    attempt       INT         NOT NULL,
    task_no       INT         NOT NULL,
    key_partition INT         NOT NULL,
    customer_ids  TEXT[]      NOT NULL,
    status        TEXT        NOT NULL CHECK (status IN ('PENDING', 'DONE')),
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    done_at       TIMESTAMPTZ,
    invoices      INT,
    PRIMARY KEY (run_id, attempt, task_no)
);

-- Invoices are created without a number; the attempt's completion numbers them (D21) and only then lists them.
CREATE TABLE invoice (
    invoice_id      UUID PRIMARY KEY,
    invoice_number  TEXT UNIQUE,
    invoice_seq     INT,
    customer_id     TEXT        NOT NULL,
    period          TEXT        NOT NULL,
    issue_date      DATE        NOT NULL,
    currency        TEXT        NOT NULL,
    subtotal        NUMERIC     NOT NULL,
    total           NUMERIC     NOT NULL,
    line_count      INT         NOT NULL,
    run_id          UUID        NOT NULL,
    attempt         INT         NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT invoice_once_per_customer_and_period UNIQUE (customer_id, period)
);
CREATE INDEX invoice_by_period ON invoice (period, invoice_seq);

CREATE TABLE invoice_line (
    invoice_id         UUID    NOT NULL,
    line_no            INT     NOT NULL,
    subscription_id    TEXT    NOT NULL,
    offer_id           TEXT    NOT NULL,
    description        TEXT    NOT NULL,
    charge_type        TEXT    NOT NULL,
    charge_start_date  DATE    NOT NULL,
    charge_end_date    DATE    NOT NULL,
    quantity           INT     NOT NULL,
    unit_price         NUMERIC NOT NULL,
    pricing_currency   TEXT    NOT NULL,
    fx_rate            NUMERIC NOT NULL,
    fx_rate_date       DATE,
    billing_months     INT,
    days_active        INT     NOT NULL,
    days_in_period     INT     NOT NULL,
    amount             NUMERIC NOT NULL,
    PRIMARY KEY (invoice_id, line_no)
);

-- Due work: the instant up to which runs were created and their tasks dispatched (GET /admin/clock).
CREATE TABLE billing_schedule (
    id               INT PRIMARY KEY CHECK (id = 1),
    processed_up_to  TIMESTAMPTZ NOT NULL
);
