-- A member of staff may hold several roles, in several organisations (as NHS CIS2 role profiles are): the account's
-- own role and organisation are its first; these are the others. Which one a session acts in is chosen after
-- signing in, and kept with the session.
CREATE TABLE account_role (
    username     text NOT NULL REFERENCES account (username) ON DELETE CASCADE,
    role         text NOT NULL,
    organization text NOT NULL,
    PRIMARY KEY (username, role, organization)
);
