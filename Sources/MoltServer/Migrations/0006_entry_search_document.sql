-- The full-text document of each entry, stored: hybrid search ranks its text matches with ts_rank, which needs
-- the document of every candidate. Computed from the expression, that re-parsed each candidate's text (twice:
-- the match recheck and the rank), the largest share of search time at 100k entries (bench/search). The GIN
-- index moves to the stored column; diary_entry_tsv stays the one definition of the document.
ALTER TABLE diary_entries
    ADD COLUMN search_document tsvector GENERATED ALWAYS AS (diary_entry_tsv(title, content, tags)) STORED;
CREATE INDEX diary_entries_search_document_idx ON diary_entries USING gin (search_document);
DROP INDEX diary_entries_fts_idx;
