-- Messages to staff (an alert to someone on call): no patient addressee, sent at once whatever the quiet hours.
ALTER TABLE message ALTER COLUMN patient_id DROP NOT NULL;
ALTER TABLE message ADD COLUMN addressee text;                  -- the member of staff's name, for messages to staff
ALTER TABLE message ADD COLUMN urgent boolean NOT NULL DEFAULT false;

-- Who an alert goes to: by organisation (ODS code, or '*' for any), kind ('*' for any) and time of day (local;
-- from = until means all day), at each level of escalation (0 first). The most specific rule of a level wins
-- (an organisation's own over '*', a kind's own over '*'). A rule is never deleted: retiring keeps who and when.
CREATE TABLE alert_route (
    id              bigserial PRIMARY KEY,
    organisation    text NOT NULL,
    kind            text NOT NULL,
    level           int NOT NULL DEFAULT 0,
    from_time       time NOT NULL DEFAULT '00:00',
    until_time      time NOT NULL DEFAULT '00:00',
    role            text,           -- staff of the alert's organisation in this role see it live
    person          text,           -- or one named member of staff (a username), for example the manager on call
    person_name     text,
    sms             text,           -- and, out of the app, a text to this number
    email           text,           -- or an email to this address
    escalate_after  interval NOT NULL DEFAULT '5 minutes',
    added_by        text NOT NULL,
    added_at        timestamptz NOT NULL DEFAULT now(),
    retired_by      text,
    retired_at      timestamptz,
    CHECK (role IS NOT NULL OR person IS NOT NULL)
);
CREATE INDEX alert_route_by_organisation ON alert_route (organisation, level) WHERE retired_at IS NULL;

-- Every alert, once per source event (its key), never deleted: raised, acknowledged, attended, closed with an outcome.
CREATE TABLE alert (
    id              uuid PRIMARY KEY,
    source_key      text NOT NULL UNIQUE,           -- the event it is for ('fall/<device>/<event id>', 'news2/<Observation id>'): one alert per event, ever
    kind            text NOT NULL,                  -- fall, medication, news2, sepsis, overdue-readings
    event_type      text,                           -- the source event's own type (fall-detected, dose-missed), for reports
    severity        text NOT NULL,                  -- emergency, urgent, routine
    title           text NOT NULL,
    detail          text,
    organisation    text NOT NULL,                  -- whose staff it goes to (ODS code)
    place           text,                           -- where: a care home room, a person's home
    patient_id      text,
    patient_name    text,
    subject         text,                           -- the record entry it is about (Observation/123)
    occurred_at     timestamptz NOT NULL,           -- when the event happened (the device's time)
    received_at     timestamptz NOT NULL,           -- when the platform had it
    raised_at       timestamptz NOT NULL,
    status          text NOT NULL,                  -- open, acknowledged, attended, closed
    level           int NOT NULL DEFAULT 0,
    routed_to       text NOT NULL,                  -- who it is with now, in words
    roles           text[] NOT NULL,                -- the roles of the organisation's staff who see it (every level's so far)
    people          text[] NOT NULL,                -- and the members of staff named by a rule (usernames)
    escalate_at     timestamptz,                    -- when it goes to the next level if not acknowledged
    acknowledged_at timestamptz,
    acknowledged_by text,
    attended_at     timestamptz,
    attended_by     text,
    closed_at       timestamptz,
    closed_by       text,
    outcome         text,
    outcome_note    text,
    record_entry    text                            -- the Communication on the patient's record that tells of it
);
CREATE INDEX alert_open_by_organisation ON alert (organisation, raised_at DESC) WHERE status <> 'closed';
CREATE INDEX alert_escalation_due ON alert (escalate_at) WHERE status = 'open';
CREATE INDEX alert_by_organisation_month ON alert (organisation, kind, occurred_at);
CREATE INDEX alert_by_patient ON alert (patient_id, raised_at DESC);

-- Everything an alert did, in order: raised, sent to whom, escalated, acknowledged, attended, closed.
CREATE TABLE alert_event (
    alert_id uuid NOT NULL REFERENCES alert (id),
    at       timestamptz NOT NULL,
    what     text NOT NULL,
    actor    text NOT NULL,
    detail   text
);
CREATE INDEX alert_event_by_alert ON alert_event (alert_id, at);

-- Staff on shift for alerts: a care worker starts and ends their shift on the alerts page. An alert routed to a role
-- is sent to those of the role on shift; with none on shift it escalates at once rather than wait for nobody.
CREATE TABLE alert_shift (
    username     text NOT NULL,
    organisation text NOT NULL,
    role         text NOT NULL,
    started_at   timestamptz NOT NULL,
    ended_at     timestamptz
);
CREATE UNIQUE INDEX alert_shift_open ON alert_shift (username, organisation) WHERE ended_at IS NULL;
CREATE INDEX alert_shift_on ON alert_shift (organisation, role) WHERE ended_at IS NULL;
