-- Spring Modulith's event publication registry (schema v2, as in spring-modulith-events-jdbc 2.1): the outbox of
-- events between modules; an event is kept until every listener has handled it, and resubmitted after a restart.
CREATE TABLE event_publication (
    id                     uuid NOT NULL PRIMARY KEY,
    listener_id            text NOT NULL,
    event_type             text NOT NULL,
    serialized_event       text NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- Every message to a patient, one row each, never deleted: what was said, to whom, and what became of it.
CREATE TABLE message (
    id              uuid PRIMARY KEY,
    reference       text NOT NULL UNIQUE,           -- the asking module's key: one message per key, ever
    patient_id      text NOT NULL,
    kind            text NOT NULL,
    channel         text,                           -- sms or email; null when withheld before a channel was chosen
    recipient       text,
    subject         text,
    body            text NOT NULL,
    personalisation jsonb NOT NULL,
    status          text NOT NULL,                  -- queued, sending, sent, delivered, failed, withheld, cancelled
    status_reason   text,
    attempts        int NOT NULL DEFAULT 0,
    not_before      timestamptz NOT NULL,
    expires_at      timestamptz,
    claimed_at      timestamptz,
    provider        text,
    provider_id     text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    completed_at    timestamptz
);
CREATE INDEX message_due ON message (not_before) WHERE status = 'queued';
CREATE INDEX message_by_status ON message (status, updated_at DESC);
CREATE INDEX message_by_patient ON message (patient_id, created_at DESC);
CREATE INDEX message_by_provider_id ON message (provider_id);
CREATE INDEX message_by_reference_prefix ON message (reference text_pattern_ops);

-- What happened to each message, in order (queued, each attempt, receipts, an operator's retry or cancel).
CREATE TABLE message_event (
    message_id uuid NOT NULL REFERENCES message (id),
    at         timestamptz NOT NULL,
    status     text NOT NULL,
    detail     text,
    actor      text NOT NULL
);
CREATE INDEX message_event_by_message ON message_event (message_id, at);

-- Patients who asked not to be sent messages (of one kind, or 'all'); lifting one keeps the row with who and when.
CREATE TABLE message_opt_out (
    patient_id text NOT NULL,
    kind       text NOT NULL,
    since      timestamptz NOT NULL,
    recorded_by text NOT NULL,
    reason     text,
    lifted_at  timestamptz,
    lifted_by  text
);
CREATE UNIQUE INDEX message_opt_out_active ON message_opt_out (patient_id, kind) WHERE lifted_at IS NULL;

-- Links in messages: a random token, looked up by its hash, that opens a portal page after sign-in (it grants no access by itself), until it expires.
CREATE TABLE message_link (
    token_hash  bytea PRIMARY KEY,
    message_ref text NOT NULL,
    patient_id  text NOT NULL,
    target      text NOT NULL,
    expires_at  timestamptz NOT NULL,
    opened_at   timestamptz,
    opens       int NOT NULL DEFAULT 0
);
