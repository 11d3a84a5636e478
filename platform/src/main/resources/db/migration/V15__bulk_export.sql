-- FHIR Bulk Data exports ($export): each request, its state, and the NDJSON files it wrote. The files are copies,
-- kept on disk until the export expires; the rows stay as the record of what was exported, by whom and when.
CREATE TABLE bulk_export (
    id               uuid        PRIMARY KEY,
    requested_by     text        NOT NULL,   -- the agent (token subject) who kicked it off
    client_id        text,
    request          text        NOT NULL,   -- the kick-off URL, as the manifest repeats it
    transaction_time timestamptz NOT NULL,
    status           text        NOT NULL CHECK (status IN ('accepted', 'running', 'complete', 'failed', 'cancelled', 'expired')),
    progress         text,
    error            text,
    created          timestamptz NOT NULL DEFAULT now(),
    finished         timestamptz,
    expires          timestamptz,
    heartbeat        timestamptz NOT NULL DEFAULT now() -- moved on while a node holds it: a stale one was lost with its node
);
CREATE INDEX bulk_export_open ON bulk_export (status) WHERE status IN ('accepted', 'running', 'complete');

CREATE TABLE bulk_export_file (
    export_id uuid    NOT NULL REFERENCES bulk_export (id),
    seq       int     NOT NULL,
    type      text    NOT NULL,
    error     boolean NOT NULL DEFAULT false, -- an OperationOutcome file of the export's errors
    resources bigint  NOT NULL,
    name      text    NOT NULL,               -- below the export's own directory
    PRIMARY KEY (export_id, seq)
);
