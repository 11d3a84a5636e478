-- Every event a registered device sent, once (by the device's own event id), with what it was written as in the
-- record; refused events are kept too, with why, so that they can be looked at and sent again.
CREATE TABLE device_event (
    device      text        NOT NULL,
    event_id    text        NOT NULL,
    kind        text        NOT NULL,
    occurred_at timestamptz,
    received_at timestamptz NOT NULL DEFAULT now(),
    patient     text,
    payload     jsonb       NOT NULL,
    written_as  text,
    refused     text,
    PRIMARY KEY (device, event_id)
);
CREATE INDEX device_event_patient ON device_event (patient, occurred_at DESC) WHERE patient IS NOT NULL;
