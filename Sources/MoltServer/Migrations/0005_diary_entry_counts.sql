-- The number of entries per diary, kept by statement-level triggers, so listing a diary's entries reads its
-- total from one row instead of counting every entry (`count(*) OVER ()` scanned the whole diary per page).
-- A separate table rather than a column of `diaries`: entry writes must not touch the diary row (its
-- `updated_at` trigger) nor queue behind it.
CREATE TABLE diary_entry_counts (
    diary_id uuid PRIMARY KEY REFERENCES diaries (id) ON DELETE CASCADE,
    entries bigint NOT NULL DEFAULT 0 CHECK (entries >= 0)
);

INSERT INTO diary_entry_counts (diary_id, entries)
SELECT d.id, (SELECT count(*) FROM diary_entries e WHERE e.diary_id = d.id) FROM diaries d;

-- Every new diary starts at zero, so the counter row always exists and entry inserts only update it.
CREATE FUNCTION diary_entry_counts_create() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO diary_entry_counts (diary_id) SELECT id FROM created ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER diaries_entry_counts AFTER INSERT ON diaries REFERENCING NEW TABLE AS created
    FOR EACH STATEMENT EXECUTE FUNCTION diary_entry_counts_create();

CREATE FUNCTION diary_entry_counts_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO diary_entry_counts AS c (diary_id, entries)
    SELECT diary_id, count(*) FROM added GROUP BY diary_id
    ON CONFLICT (diary_id) DO UPDATE SET entries = c.entries + EXCLUDED.entries;
    RETURN NULL;
END $$;
CREATE TRIGGER diary_entries_count_insert AFTER INSERT ON diary_entries REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION diary_entry_counts_added();

-- Rows of a deleted diary are gone already (ON DELETE CASCADE), so the update simply finds nothing.
CREATE FUNCTION diary_entry_counts_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE diary_entry_counts c SET entries = c.entries - r.n
    FROM (SELECT diary_id, count(*) AS n FROM removed GROUP BY diary_id) r WHERE c.diary_id = r.diary_id;
    RETURN NULL;
END $$;
CREATE TRIGGER diary_entries_count_delete AFTER DELETE ON diary_entries REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION diary_entry_counts_removed();

-- Entries never change diary through the API; should a script move one, both counters follow. Row-level and
-- only for `UPDATE OF diary_id`, so the frequent updates (access counts, embeddings) never fire it.
CREATE FUNCTION diary_entry_counts_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE diary_entry_counts SET entries = entries - 1 WHERE diary_id = OLD.diary_id;
    INSERT INTO diary_entry_counts AS c (diary_id, entries) VALUES (NEW.diary_id, 1)
    ON CONFLICT (diary_id) DO UPDATE SET entries = c.entries + 1;
    RETURN NULL;
END $$;
CREATE TRIGGER diary_entries_count_move AFTER UPDATE OF diary_id ON diary_entries
    FOR EACH ROW WHEN (OLD.diary_id IS DISTINCT FROM NEW.diary_id) EXECUTE FUNCTION diary_entry_counts_moved();

-- Pages are read newest first with the id as tie-breaker; this index serves that order directly.
CREATE INDEX diary_entries_diary_page_idx ON diary_entries (diary_id, created_at DESC, id DESC);
