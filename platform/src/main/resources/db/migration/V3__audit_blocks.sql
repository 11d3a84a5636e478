-- The audit kept as blocks of lines (see AuditLines): one row per block of consecutive entries, found by the
-- summary columns and their indexes; the lines carry the hash chain. One row and a few index entries per block,
-- instead of a row and six index entries per access, is what lets every access be audited at little cost.
CREATE TABLE audit_block (
    first_seq      bigint      PRIMARY KEY,
    last_seq       bigint      NOT NULL,
    first_recorded timestamptz NOT NULL,
    last_recorded  timestamptz NOT NULL,
    agents         text[]      COLLATE "C" NOT NULL,
    organizations  text[]      COLLATE "C" NOT NULL,
    patients       text[]      COLLATE "C" NOT NULL,
    break_glass    boolean     NOT NULL,
    lines          text        NOT NULL,
    last_hash      text        NOT NULL
);
CREATE INDEX audit_block_patients ON audit_block USING gin (patients);
CREATE INDEX audit_block_agents ON audit_block USING gin (agents);
CREATE INDEX audit_block_organizations ON audit_block USING gin (organizations);
CREATE INDEX audit_block_recorded ON audit_block (last_recorded);
CREATE INDEX audit_block_break_glass ON audit_block (first_seq) WHERE break_glass;

CREATE TRIGGER audit_block_no_update BEFORE UPDATE OR DELETE ON audit_block
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

-- Entries written before blocks become one-line blocks in format 1: the row's columns, its AuditEvent and its
-- previous hash, verified as they were chained then.
INSERT INTO audit_block (first_seq, last_seq, first_recorded, last_recorded, agents, organizations, patients, break_glass, lines, last_hash)
SELECT seq, seq, recorded, recorded, ARRAY[agent],
       CASE WHEN organization IS NULL THEN ARRAY[]::text[] ELSE ARRAY[organization] END, patients, break_glass,
       hash || ' ' || jsonb_build_object('v', 1, 'seq', seq, 'micros', (extract(epoch FROM recorded) * 1000000)::bigint,
           'agent', agent, 'kind', agent_kind, 'role', agent_role, 'org', organization, 'client', client_id, 'action', action,
           'outcome', outcome, 'bg', break_glass, 'patients', to_jsonb(patients), 'content', content, 'prev', prev_hash)::text || E'\n',
       hash
FROM audit_event;

DROP TABLE audit_event;

-- One row per entry, for operators' questions in SQL (slow over a large audit: the application searches blocks).
CREATE VIEW audit_event AS
SELECT (j ->> 'seq')::bigint AS seq,
       coalesce((j ->> 'at')::timestamptz, 'epoch'::timestamptz + (j ->> 'micros')::bigint * interval '1 microsecond') AS recorded,
       j ->> 'agent' AS agent,
       j ->> 'kind' AS agent_kind,
       j ->> 'role' AS agent_role,
       j ->> 'org' AS organization,
       j ->> 'client' AS client_id,
       j ->> 'action' AS action,
       j ->> 'outcome' AS outcome,
       coalesce((j ->> 'bg')::boolean, false) AS break_glass,
       j ->> 'purpose' AS purpose,
       j ->> 'query' AS query,
       j ->> 'detail' AS detail,
       ARRAY(SELECT jsonb_array_elements_text(j -> 'patients')) AS patients,
       ARRAY(SELECT jsonb_array_elements_text(coalesce(j -> 'resources', '[]'::jsonb))) AS resources,
       coalesce(j ->> 'content', j::text) AS content,
       split_part(line, ' ', 1) AS hash
FROM audit_block b
CROSS JOIN LATERAL regexp_split_to_table(rtrim(b.lines, E'\n'), E'\n') AS line
CROSS JOIN LATERAL (SELECT substr(line, 66)::jsonb AS j) parsed;
