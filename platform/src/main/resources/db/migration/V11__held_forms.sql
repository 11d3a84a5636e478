-- What a patient typed into a portal form when their session had already ended: kept for at most two hours, for the
-- same person and record only (who: a keyed hash of username and record, never the name), and deleted once shown.
CREATE TABLE held_form (
    token_hash bytea       PRIMARY KEY,
    path       text        NOT NULL,
    fields     jsonb       NOT NULL,
    who        text        NOT NULL,
    held_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX held_form_oldest ON held_form (held_at);
