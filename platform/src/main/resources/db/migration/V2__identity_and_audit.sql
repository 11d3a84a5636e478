-- The built-in identity provider's token signing key (made on first start).
CREATE TABLE identity_signing_key (
    kid         text        PRIMARY KEY,
    public_key  bytea       NOT NULL,
    private_key bytea       NOT NULL,
    created     timestamptz NOT NULL
);

-- The audit: one row per access, append-only. Each row's hash covers its content and the previous row's
-- hash, so that an edited, removed or inserted row breaks the chain from that point on.
CREATE TABLE audit_event (
    seq         bigint      PRIMARY KEY,
    recorded    timestamptz NOT NULL,
    agent       text        NOT NULL,
    agent_kind  text        NOT NULL,
    agent_role  text,
    organization text,
    client_id   text,
    action      text        NOT NULL,
    outcome     text        NOT NULL,
    break_glass boolean     NOT NULL DEFAULT false,
    patients    text[]      COLLATE "C" NOT NULL,
    content     text        NOT NULL,
    prev_hash   text        NOT NULL,
    hash        text        NOT NULL
);
CREATE INDEX audit_event_recorded ON audit_event (recorded);
CREATE INDEX audit_event_agent ON audit_event (agent, recorded);
CREATE INDEX audit_event_organization ON audit_event (organization, recorded);
CREATE INDEX audit_event_break_glass ON audit_event (recorded) WHERE break_glass;
CREATE INDEX audit_event_patients ON audit_event USING gin (patients);

-- Rows are never changed or removed through the application's connection.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit is append-only';
END $$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

-- The codes of each resource's security labels (meta.security): sensitive records are hidden by them.
ALTER TABLE resource ADD COLUMN labels text[] COLLATE "C";
UPDATE resource r SET labels = l.codes
FROM (SELECT v.pk, array_agg(s ->> 'code') AS codes
      FROM resource c
      JOIN resource_version v ON v.pk = c.pk AND v.version = c.version
      CROSS JOIN LATERAL jsonb_array_elements(v.content::jsonb -> 'meta' -> 'security') s
      WHERE v.content LIKE '%"security"%' AND s ? 'code'
      GROUP BY v.pk) l
WHERE r.pk = l.pk;

-- Break-glass: emergency access by a member of staff to a patient's record without a care relationship,
-- for a limited time, each grant queued for information-governance review.
CREATE TABLE break_glass (
    id           uuid        PRIMARY KEY,
    subject      text        NOT NULL,
    role         text,
    organization text,
    patient_id   text        COLLATE "C" NOT NULL,
    reason_code  text        NOT NULL,
    reason_text  text,
    granted_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    review       text        NOT NULL DEFAULT 'pending',
    reviewed_by  text,
    reviewed_at  timestamptz,
    review_note  text
);
CREATE INDEX break_glass_subject ON break_glass (subject, expires_at);
CREATE INDEX break_glass_review ON break_glass (review, granted_at);

-- Care relationships: which parties (organisations, practitioners) are caring for which patients, derived
-- from the resources that establish them (registration, encounters, episodes, referrals, care teams,
-- appointments). A clinician sees a record only through one of these, or by break-glass.
CREATE TABLE care_relationship (
    pk      bigint NOT NULL,
    patient text   COLLATE "C" NOT NULL,
    party   text   COLLATE "C" NOT NULL,
    kind    text   NOT NULL
);
CREATE INDEX care_relationship_patient ON care_relationship (patient, party);
CREATE INDEX care_relationship_pk ON care_relationship (pk);

-- Accounts of the built-in identity provider (staff and patients), and their sign-in failures.
CREATE TABLE account (
    username       text        PRIMARY KEY,
    password_hash  text,
    kind           text        NOT NULL CHECK (kind IN ('staff', 'patient')),
    role           text,
    organization   text,
    fhir_user      text,
    patient_id     text,
    nhs_number     text,
    identity_level text,
    display_name   text,
    external_issuer  text,
    external_subject text,
    failed_logins  integer     NOT NULL DEFAULT 0,
    locked_until   timestamptz,
    created        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX account_external ON account (external_issuer, external_subject) WHERE external_issuer IS NOT NULL;
