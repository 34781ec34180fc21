-- Data retention: rows that have ended (sessions, one-time tokens, invitations, codes, mail)
-- are deleted some days later by upkeep.
CREATE INDEX sessions_by_last_use ON sessions (last_used_at);
CREATE INDEX invitations_by_expiry ON invitations (expires_at);
CREATE INDEX mail_outbox_by_creation ON mail_outbox (created_at);
