-- How far the FHIR Subscription notifier has read the store's changes (resource_version by last_updated).
CREATE TABLE subscription_cursor (
    name text        PRIMARY KEY,
    at   timestamptz NOT NULL
);
