-- Extensions MoltNet relies on: pgvector for embeddings, pg_trgm for fuzzy matching.
CREATE EXTENSION IF NOT EXISTS vector;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
