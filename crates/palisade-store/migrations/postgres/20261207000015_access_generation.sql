-- One number that moves whenever access may have been taken away, on any node: a key
-- revoked or changed, a member removed or their role changed, a workspace or account
-- suspended or deleted, MFA required or an enrollment removed. A node keeps what it has
-- authorized while the number it last read (at most a second ago) is unchanged, so a cached
-- key or membership costs no round trip however many there are, and another node's change
-- still applies within a second. Triggers move it, so no writer can forget to; the
-- application role may read it but only the triggers (running as the schema owner) write it.
-- It moves to a fresh random value rather than counting, so a database restored or failed
-- over to an older state can never come back to a value a node has already seen (and
-- trusts). Triggers do not fire under `session_replication_role = replica` (a restore with
-- `--disable-triggers`, logical replication): restart the nodes after such maintenance.
CREATE TABLE access_generation (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO access_generation (id, value) VALUES (1, 0);

CREATE FUNCTION bump_access_generation() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    UPDATE access_generation SET value = (random() * 9007199254740991)::BIGINT WHERE id = 1;
    RETURN NULL;
END $$;
DO $$ BEGIN
    EXECUTE format('ALTER FUNCTION bump_access_generation() SET search_path = %I, pg_temp',
                   current_schema());
END $$;
REVOKE EXECUTE ON FUNCTION bump_access_generation() FROM PUBLIC;

CREATE TRIGGER api_keys_access_changed
AFTER UPDATE OF id, revoked_at, expires_at, scopes, verifier, created_by, workspace_id OR DELETE OR TRUNCATE
ON api_keys FOR EACH STATEMENT EXECUTE FUNCTION bump_access_generation();
CREATE TRIGGER memberships_access_changed
AFTER UPDATE OF role, workspace_id, user_id OR DELETE OR TRUNCATE
ON memberships FOR EACH STATEMENT EXECUTE FUNCTION bump_access_generation();
CREATE TRIGGER workspaces_access_changed
AFTER UPDATE OF id, slug, suspended_at, require_mfa OR DELETE OR TRUNCATE
ON workspaces FOR EACH STATEMENT EXECUTE FUNCTION bump_access_generation();
CREATE TRIGGER users_access_changed
AFTER UPDATE OF id, suspended_at OR DELETE OR TRUNCATE
ON users FOR EACH STATEMENT EXECUTE FUNCTION bump_access_generation();
CREATE TRIGGER mfa_totp_access_changed
AFTER UPDATE OF confirmed_at, user_id OR DELETE OR TRUNCATE
ON mfa_totp FOR EACH STATEMENT EXECUTE FUNCTION bump_access_generation();
