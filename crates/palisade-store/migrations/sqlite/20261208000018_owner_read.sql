-- PostgreSQL only (the owner's cross-workspace read for backups and account exports):
-- SQLite has no row security. The version exists on both backends.
SELECT 1;
