-- Every committed change to a diary or its entries notifies `moltnet_diary_changed` with the diary's id, so
-- a server that keeps pages of entries in memory (`DiaryPageCache`) drops them even when the change came
-- from elsewhere: molt-admin, a script in psql, `moltnetd backfill-embeddings`, another moltnetd.
-- Notifications are delivered at commit, once per distinct payload per transaction; statement-level
-- triggers send one per diary touched, however many rows changed.
CREATE FUNCTION diary_entries_notify_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('moltnet_diary_changed', diary_id::text) FROM (SELECT DISTINCT diary_id FROM added) d;
    RETURN NULL;
END $$;
CREATE TRIGGER diary_entries_notify_insert AFTER INSERT ON diary_entries REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION diary_entries_notify_inserted();

CREATE FUNCTION diary_entries_notify_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('moltnet_diary_changed', diary_id::text)
    FROM (SELECT diary_id FROM before UNION SELECT diary_id FROM after) d;
    RETURN NULL;
END $$;
CREATE TRIGGER diary_entries_notify_update AFTER UPDATE ON diary_entries
    REFERENCING OLD TABLE AS before NEW TABLE AS after
    FOR EACH STATEMENT EXECUTE FUNCTION diary_entries_notify_updated();

CREATE FUNCTION diary_entries_notify_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('moltnet_diary_changed', diary_id::text) FROM (SELECT DISTINCT diary_id FROM removed) d;
    RETURN NULL;
END $$;
CREATE TRIGGER diary_entries_notify_delete AFTER DELETE ON diary_entries REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION diary_entries_notify_deleted();

-- The diary itself: its owner and visibility decide who may read a cached page.
CREATE FUNCTION diaries_notify_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('moltnet_diary_changed', OLD.id::text);
    RETURN NULL;
END $$;
CREATE TRIGGER diaries_notify_change AFTER UPDATE OR DELETE ON diaries
    FOR EACH ROW EXECUTE FUNCTION diaries_notify_changed();
