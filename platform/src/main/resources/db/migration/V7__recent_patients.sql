-- The patients each member of staff opened most recently (for the "recent patients" list on the search page).
CREATE TABLE recent_patient (
    username  text        NOT NULL,
    patient   text        NOT NULL,
    opened_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (username, patient)
);
CREATE INDEX recent_patient_newest ON recent_patient (username, opened_at DESC);
