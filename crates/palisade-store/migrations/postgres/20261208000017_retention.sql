-- Data retention: rows that have ended (sessions, one-time tokens, invitations, codes, mail)
-- are deleted some days later by upkeep.
CREATE INDEX sessions_by_last_use ON sessions (last_used_at);
CREATE INDEX invitations_by_expiry ON invitations (expires_at);
CREATE INDEX mail_outbox_by_creation ON mail_outbox (created_at);

-- Invitations of any workspace that ended (accepted, revoked or expired) before
-- `palisade.invitations_ended_before` may be found and deleted by the retention sweep. The
-- setting is the application's to make, so the database bounds it too: only invitations that
-- ended more than a day ago match, whatever it says (the shortest retention is a day), and
-- an open invitation never does.
CREATE POLICY ended_sweep_find ON invitations FOR SELECT
    USING (LEAST(expires_at, accepted_at, revoked_at)
           < LEAST(NULLIF(current_setting('palisade.invitations_ended_before', true), '')::timestamptz,
                   now() - interval '1 day'));
CREATE POLICY ended_sweep ON invitations FOR DELETE
    USING (LEAST(expires_at, accepted_at, revoked_at)
           < LEAST(NULLIF(current_setting('palisade.invitations_ended_before', true), '')::timestamptz,
                   now() - interval '1 day'));
