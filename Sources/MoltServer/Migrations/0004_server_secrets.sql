-- Secrets the server generates for itself when none is configured, shared by every instance on this
-- database (for example the HMAC key of recovery challenges).
CREATE TABLE server_secrets (
    name text PRIMARY KEY,
    value text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
