-- How far the NEWS2 calculator has followed the store's change feed (so that after a restart it goes on from there).
CREATE TABLE monitoring_cursor (
    name text        PRIMARY KEY,
    at   timestamptz NOT NULL
);
