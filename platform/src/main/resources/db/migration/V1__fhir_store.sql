-- The FHIR store. Each resource version's JSON is stored once, as the exact text served on reads;
-- search values are extracted on write, in the same transaction, into narrow typed index tables that
-- describe the current version only. Text columns that are compared use the "C" collation (byte order),
-- so prefix searches use B-tree indexes on any server.

CREATE SEQUENCE resource_pk_seq;

-- One row per logical resource, describing its current version.
CREATE TABLE resource (
    pk           bigint      PRIMARY KEY,
    res_type     text        COLLATE "C" NOT NULL,
    res_id       text        COLLATE "C" NOT NULL,
    version      integer     NOT NULL,
    last_updated timestamptz NOT NULL,
    deleted      boolean     NOT NULL DEFAULT false,
    -- ids of the patients whose compartment holds this resource (a Patient holds itself)
    patients     text[]      COLLATE "C",
    CONSTRAINT resource_type_id UNIQUE (res_type, res_id)
);
CREATE INDEX resource_type_updated ON resource (res_type, last_updated, pk);
CREATE INDEX resource_patients ON resource USING gin (patients);

-- Every version of every resource: nothing is ever removed. A deletion is a version without content.
CREATE TABLE resource_version (
    pk            bigint      NOT NULL,
    version       integer     NOT NULL,
    res_type      text        COLLATE "C" NOT NULL,
    res_id        text        COLLATE "C" NOT NULL,
    last_updated  timestamptz NOT NULL,
    method        text        NOT NULL,
    content       text,
    changed_by    text,
    change_reason text,
    PRIMARY KEY (pk, version)
);
-- Versions are read far more often than written: keep their JSON cheap to read. Where the server has lz4,
-- compress with it; otherwise (the embedded build has only pglz, which costs more CPU than it saves) store
-- the JSON uncompressed, out of line.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals)) THEN
        ALTER TABLE resource_version ALTER COLUMN content SET COMPRESSION lz4;
    ELSE
        ALTER TABLE resource_version ALTER COLUMN content SET STORAGE EXTERNAL;
    END IF;
END $$;
CREATE INDEX resource_version_updated ON resource_version (last_updated);
CREATE INDEX resource_version_type_updated ON resource_version (res_type, last_updated);

-- Search index tables. p is the search parameter key (see ParamIds); comp is a hash of the id of a
-- patient whose compartment holds the resource (null when none), repeated per patient, so that searches
-- within one patient's record walk one index range.
CREATE TABLE sp_string (
    pk    bigint  NOT NULL,
    p     integer NOT NULL,
    v     text    COLLATE "C" NOT NULL,
    exact text    COLLATE "C" NOT NULL
);
CREATE INDEX sp_string_value ON sp_string (p, v, pk);
CREATE INDEX sp_string_pk ON sp_string (pk);

CREATE TABLE sp_token (
    pk   bigint  NOT NULL,
    p    integer NOT NULL,
    comp bigint,
    sys  text    COLLATE "C",
    code text    COLLATE "C",
    txt  text    COLLATE "C"
);
CREATE INDEX sp_token_code ON sp_token (p, code, sys, pk);
CREATE INDEX sp_token_comp ON sp_token (comp, p, code, pk) WHERE comp IS NOT NULL;
CREATE INDEX sp_token_pk ON sp_token (pk);

CREATE TABLE sp_date (
    pk   bigint      NOT NULL,
    p    integer     NOT NULL,
    comp bigint,
    lo   timestamptz NOT NULL,
    hi   timestamptz NOT NULL
);
CREATE INDEX sp_date_range ON sp_date (p, lo, hi, pk);
-- newest first within one patient's record: _sort=-date walks this index in order
CREATE INDEX sp_date_comp ON sp_date (comp, p, hi DESC, pk) WHERE comp IS NOT NULL;
CREATE INDEX sp_date_pk ON sp_date (pk);

CREATE TABLE sp_number (
    pk bigint  NOT NULL,
    p  integer NOT NULL,
    v  numeric NOT NULL
);
CREATE INDEX sp_number_value ON sp_number (p, v, pk);
CREATE INDEX sp_number_pk ON sp_number (pk);

CREATE TABLE sp_quantity (
    pk   bigint  NOT NULL,
    p    integer NOT NULL,
    v    numeric NOT NULL,
    sys  text    COLLATE "C",
    code text    COLLATE "C",
    unit text    COLLATE "C"
);
CREATE INDEX sp_quantity_value ON sp_quantity (p, v, pk);
CREATE INDEX sp_quantity_pk ON sp_quantity (pk);

CREATE TABLE sp_reference (
    pk    bigint  NOT NULL,
    p     integer NOT NULL,
    ttype text    COLLATE "C",
    tid   text    COLLATE "C",
    url   text    COLLATE "C"
);
CREATE INDEX sp_reference_target ON sp_reference (p, tid, ttype, pk);
CREATE INDEX sp_reference_url ON sp_reference (p, url, pk) WHERE url IS NOT NULL;
CREATE INDEX sp_reference_pk ON sp_reference (pk);

CREATE TABLE sp_uri (
    pk bigint  NOT NULL,
    p  integer NOT NULL,
    v  text    COLLATE "C" NOT NULL
);
CREATE INDEX sp_uri_value ON sp_uri (p, v, pk);
CREATE INDEX sp_uri_pk ON sp_uri (pk);

-- Composite parameters: two values taken from the same element (a code and its quantity, say).
CREATE TABLE sp_composite (
    pk     bigint  NOT NULL,
    p      integer NOT NULL,
    a_sys  text    COLLATE "C",
    a_code text    COLLATE "C",
    b_sys  text    COLLATE "C",
    b_code text    COLLATE "C",
    b_num  numeric,
    b_lo   timestamptz,
    b_hi   timestamptz
);
CREATE INDEX sp_composite_first ON sp_composite (p, a_code, pk);
CREATE INDEX sp_composite_pk ON sp_composite (pk);
