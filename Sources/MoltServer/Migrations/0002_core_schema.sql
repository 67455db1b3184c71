-- MoltNet's application tables (spec §2), with the fixes of spec §9 built in:
--   * superseded_by is ON DELETE SET NULL, so deleting a superseded-by target never fails (defect 9);
--   * updated_at only changes when an entry's content or metadata changes, never on access bumps (defect 9);
--   * each embedding records the model that produced it.

CREATE TYPE visibility AS ENUM ('private', 'moltnet', 'public');
CREATE TYPE diary_share_role AS ENUM ('reader', 'writer');
CREATE TYPE diary_share_status AS ENUM ('pending', 'accepted', 'declined', 'revoked');
CREATE TYPE entry_type AS ENUM ('episodic', 'semantic', 'procedural', 'reflection', 'identity', 'soul');
CREATE TYPE signing_request_status AS ENUM ('pending', 'completed', 'expired');

CREATE TABLE agent_keys (
    identity_id uuid PRIMARY KEY,
    public_key text NOT NULL,
    fingerprint varchar(19) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX agent_keys_fingerprint_idx ON agent_keys (fingerprint);
CREATE UNIQUE INDEX agent_keys_public_key_idx ON agent_keys (public_key);

CREATE TABLE diaries (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    owner_id uuid NOT NULL,
    name varchar(255) NOT NULL,
    visibility visibility NOT NULL DEFAULT 'private',
    signed boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX diaries_owner_idx ON diaries (owner_id);
CREATE INDEX diaries_owner_visibility_idx ON diaries (owner_id, visibility);
CREATE INDEX diaries_visibility_idx ON diaries (visibility) WHERE visibility <> 'private';

CREATE TABLE diary_entries (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    diary_id uuid NOT NULL REFERENCES diaries (id) ON DELETE CASCADE,
    title varchar(255),
    content text NOT NULL,
    embedding vector(384),
    embedding_model text,
    tags text[],
    injection_risk boolean NOT NULL DEFAULT false,
    importance smallint NOT NULL DEFAULT 5 CHECK (importance BETWEEN 1 AND 10),
    access_count integer NOT NULL DEFAULT 0,
    last_accessed_at timestamptz,
    entry_type entry_type NOT NULL DEFAULT 'semantic',
    superseded_by uuid REFERENCES diary_entries (id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The English full-text document of an entry: title, content and tags (spec §2).
CREATE FUNCTION diary_entry_tsv(title text, content text, tags text[]) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN to_tsvector('english'::regconfig,
        coalesce(title, '') || ' ' || content || ' ' || coalesce(array_to_string(tags, ' '), ''));

CREATE INDEX diary_entries_diary_idx ON diary_entries (diary_id, created_at DESC);
CREATE INDEX diary_entries_entry_type_idx ON diary_entries (entry_type);
CREATE INDEX diary_entries_superseded_by_idx ON diary_entries (superseded_by) WHERE superseded_by IS NOT NULL;
CREATE INDEX diary_entries_created_idx ON diary_entries (created_at DESC, id DESC);
CREATE INDEX diary_entries_tags_idx ON diary_entries USING gin (tags);
CREATE INDEX diary_entries_fts_idx ON diary_entries USING gin (diary_entry_tsv(title, content, tags));
CREATE INDEX diary_entries_embedding_idx ON diary_entries
    USING hnsw (embedding vector_cosine_ops) WITH (m = 16, ef_construction = 64);
CREATE INDEX diary_entries_missing_embedding_idx ON diary_entries (created_at) WHERE embedding IS NULL;

CREATE TABLE diary_shares (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    diary_id uuid NOT NULL REFERENCES diaries (id) ON DELETE CASCADE,
    shared_with uuid NOT NULL,
    role diary_share_role NOT NULL DEFAULT 'reader',
    status diary_share_status NOT NULL DEFAULT 'pending',
    invited_at timestamptz NOT NULL DEFAULT now(),
    responded_at timestamptz,
    UNIQUE (diary_id, shared_with)
);
CREATE INDEX diary_shares_diary_idx ON diary_shares (diary_id);
CREATE INDEX diary_shares_shared_with_idx ON diary_shares (shared_with, status);

CREATE TABLE agent_vouchers (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code varchar(64) NOT NULL UNIQUE,
    issuer_id uuid NOT NULL,
    redeemed_by uuid,
    expires_at timestamptz NOT NULL,
    redeemed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agent_vouchers_issuer_idx ON agent_vouchers (issuer_id);
CREATE INDEX agent_vouchers_redeemed_by_idx ON agent_vouchers (redeemed_by) WHERE redeemed_by IS NOT NULL;

CREATE TABLE signing_requests (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id uuid NOT NULL,
    message text NOT NULL,
    nonce uuid NOT NULL DEFAULT gen_random_uuid(),
    status signing_request_status NOT NULL DEFAULT 'pending',
    signature text,
    valid boolean,
    workflow_id text UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    completed_at timestamptz
);
CREATE INDEX signing_requests_agent_status_idx ON signing_requests (agent_id, status, created_at DESC);
CREATE INDEX signing_requests_signature_idx ON signing_requests (signature) WHERE signature IS NOT NULL;

CREATE TABLE used_recovery_nonces (
    nonce text PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX used_recovery_nonces_expires_idx ON used_recovery_nonces (expires_at);

-- updated_at follows real changes only: access statistics and embedding backfills leave it alone.
CREATE FUNCTION diary_entries_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.title, NEW.content, NEW.tags, NEW.importance, NEW.entry_type, NEW.superseded_by, NEW.diary_id)
        IS DISTINCT FROM (OLD.title, OLD.content, OLD.tags, OLD.importance, OLD.entry_type, OLD.superseded_by,
                          OLD.diary_id) THEN
        NEW.updated_at := now();
    ELSE
        NEW.updated_at := OLD.updated_at;
    END IF;
    RETURN NEW;
END;
$$;
CREATE TRIGGER diary_entries_touch BEFORE UPDATE ON diary_entries FOR EACH ROW EXECUTE FUNCTION diary_entries_touch();

CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
CREATE TRIGGER diaries_touch BEFORE UPDATE ON diaries FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER agent_keys_touch BEFORE UPDATE ON agent_keys FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
