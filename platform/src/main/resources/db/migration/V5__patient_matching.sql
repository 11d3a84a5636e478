-- Patient matching. A pair of records that may be the same person (a feed's patient scored in the review band
-- against one the record held) waits here for a person to decide: merge them, or keep them apart.
CREATE TABLE patient_match_review (
    id          bigserial        PRIMARY KEY,
    created     timestamptz      NOT NULL DEFAULT now(),
    new_patient text             NOT NULL,
    candidate   text             NOT NULL,
    score       double precision NOT NULL,
    reasons     text             NOT NULL,
    source      text,
    status      text             NOT NULL DEFAULT 'open',   -- open, merged, kept-apart
    decided_by  text,
    decided_at  timestamptz,
    merge_id    bigint
);
CREATE INDEX patient_match_review_open ON patient_match_review (id) WHERE status = 'open';

-- Every merge of one Patient into another (from an A40/A34 message or a reviewer), with what it moved, so it can
-- be undone. Never deleted: an undone merge keeps its row, with who undid it, when and why.
CREATE TABLE patient_merge (
    id               bigserial   PRIMARY KEY,
    merged_at        timestamptz NOT NULL DEFAULT now(),
    survivor         text        NOT NULL,
    merged           text        NOT NULL,
    merged_version   integer     NOT NULL,   -- the merged Patient's version before the merge (restored by undo)
    reason           text        NOT NULL,
    merged_by        text        NOT NULL,
    moved            text[]      NOT NULL,   -- Type/id of every resource whose references were moved to the survivor
    identifiers      text        NOT NULL,   -- JSON: the identifiers the survivor gained from the merged Patient
    undone_at        timestamptz,
    undone_by        text,
    undo_reason      text
);
CREATE INDEX patient_merge_survivor ON patient_merge (survivor);
CREATE INDEX patient_merge_merged ON patient_merge (merged);
