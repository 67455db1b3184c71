-- The embedded identity, OAuth2 and permission services (docs/identity.md): what Ory Kratos, Hydra and Keto
-- keep, reduced to what MoltNet uses. Real Ory deployments leave these tables empty.
--
-- Secrets: client secrets and recovery codes are stored only as argon2id hashes (libsodium's
-- `$argon2id$…` strings). The JWT signing keys are the exception: the private Ed25519 seed is stored as
-- base64 in oauth2_signing_keys, so every moltnetd sharing the database signs with the same key. Whoever
-- can read that table can mint access tokens; on the single-machine deployment that is the same person
-- who can already rewrite every identity, so the database's access control is the boundary.

-- Kratos identities of the `moltnet_agent` schema: traits public_key (the unique password identifier) and
-- voucher_code; the fingerprint is kept beside them for lookups. `seq` orders keyset pagination.
CREATE TABLE identities (
    id uuid PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    schema_id text NOT NULL DEFAULT 'moltnet_agent',
    state text NOT NULL DEFAULT 'active' CHECK (state IN ('active', 'inactive')),
    public_key text NOT NULL,
    voucher_code text NOT NULL,
    fingerprint text NOT NULL,
    metadata_public jsonb,
    metadata_admin jsonb,
    state_changed_at timestamptz NOT NULL DEFAULT now(),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX identities_public_key_idx ON identities (public_key);
CREATE INDEX identities_fingerprint_idx ON identities (fingerprint);
CREATE TRIGGER identities_touch BEFORE UPDATE ON identities FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- One-time recovery codes (Kratos createRecoveryCodeForIdentity). `id` is the flow id in the recovery link;
-- a code is redeemed at most once, within its lifetime, and burns after five wrong attempts.
CREATE TABLE identity_recovery_codes (
    id uuid PRIMARY KEY,
    identity_id uuid NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    code_hash text NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX identity_recovery_codes_identity_idx ON identity_recovery_codes (identity_id);
CREATE INDEX identity_recovery_codes_expires_idx ON identity_recovery_codes (expires_at);

-- Hydra OAuth2 clients. `secret_version` counts rotations (1 at creation); the secret itself is never
-- stored. `identity_id` mirrors metadata.identity_id for lookups; `extra` keeps every other field of
-- Hydra's client document as it was sent, so the admin API round-trips them.
CREATE TABLE oauth2_clients (
    id text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    secret_hash text NOT NULL,
    secret_version integer NOT NULL DEFAULT 1,
    secret_rotated_at timestamptz NOT NULL DEFAULT now(),
    name text NOT NULL DEFAULT '',
    scope text NOT NULL DEFAULT '',
    grant_types text[] NOT NULL DEFAULT '{client_credentials}',
    token_endpoint_auth_method text NOT NULL DEFAULT 'client_secret_basic',
    metadata jsonb,
    identity_id uuid,
    extra jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX oauth2_clients_identity_idx ON oauth2_clients (identity_id) WHERE identity_id IS NOT NULL;
CREATE INDEX oauth2_clients_name_idx ON oauth2_clients (name);
CREATE TRIGGER oauth2_clients_touch BEFORE UPDATE ON oauth2_clients FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- Ed25519 keys signing access tokens (EdDSA JWTs). Exactly one is active (signs new tokens); every row's
-- public key is published at /.well-known/jwks.json so tokens signed by a retired key verify until expiry.
CREATE TABLE oauth2_signing_keys (
    kid text PRIMARY KEY,
    algorithm text NOT NULL DEFAULT 'EdDSA' CHECK (algorithm = 'EdDSA'),
    public_key text NOT NULL,
    private_seed text NOT NULL,
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX oauth2_signing_keys_one_active_idx ON oauth2_signing_keys (active) WHERE active;

-- Keto relation tuples `namespace:object#relation@subject`, with set semantics: a subject is either an id
-- or a subject set (namespace, object, relation; the relation may be the empty string).
CREATE TABLE relation_tuples (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    namespace text NOT NULL,
    object text NOT NULL,
    relation text NOT NULL,
    subject_id text,
    subject_set_namespace text,
    subject_set_object text,
    subject_set_relation text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT relation_tuples_one_subject CHECK (
        (subject_id IS NOT NULL AND subject_set_namespace IS NULL AND subject_set_object IS NULL
            AND subject_set_relation IS NULL)
        OR (subject_id IS NULL AND subject_set_namespace IS NOT NULL AND subject_set_object IS NOT NULL
            AND subject_set_relation IS NOT NULL)),
    CONSTRAINT relation_tuples_unique UNIQUE NULLS NOT DISTINCT
        (namespace, object, relation, subject_id, subject_set_namespace, subject_set_object, subject_set_relation)
);
-- Checks and object lists by subject ("which diaries can this agent read").
CREATE INDEX relation_tuples_subject_idx ON relation_tuples (subject_id, namespace, relation, object)
    WHERE subject_id IS NOT NULL;
-- Reverse lookups of subject sets ("which entries belong to this diary").
CREATE INDEX relation_tuples_subject_set_idx
    ON relation_tuples (subject_set_namespace, subject_set_object, subject_set_relation, namespace, relation)
    WHERE subject_set_namespace IS NOT NULL;
