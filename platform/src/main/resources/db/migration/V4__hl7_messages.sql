-- Every HL7 v2 message received, kept as it arrived, with what became of it: accepted (mapped and written),
-- duplicate (the same message, by sender, control id and content, was already accepted), or rejected (the dead-letter list, with the
-- reason; it can be corrected and replayed, which keeps the original and records the replay as a new message).
CREATE TABLE hl7_message (
    id                  bigserial   PRIMARY KEY,
    received            timestamptz NOT NULL DEFAULT now(),
    channel             text        NOT NULL,
    sending_application text,
    sending_facility    text,
    control_id          text,
    message_type        text,
    raw                 text        NOT NULL,
    content_hash        text,
    status              text        NOT NULL,
    reason              text,
    ack                 text,
    replay_of           bigint      REFERENCES hl7_message (id),
    resolved_by         bigint      REFERENCES hl7_message (id)
);
CREATE UNIQUE INDEX hl7_message_once ON hl7_message (sending_application, sending_facility, control_id, content_hash) WHERE status = 'accepted';
CREATE INDEX hl7_message_dead_letters ON hl7_message (id) WHERE status = 'rejected' AND resolved_by IS NULL;
