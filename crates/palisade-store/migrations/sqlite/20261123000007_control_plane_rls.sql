-- Row-level security exists only on PostgreSQL; this keeps both backends at the same
-- migration versions. On SQLite the workspace filter in every scoped query is the wall.
SELECT 1;
