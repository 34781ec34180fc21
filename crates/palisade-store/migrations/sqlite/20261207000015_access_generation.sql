-- One number that moves whenever access may have been taken away, on any node: a key
-- revoked or changed, a member removed or their role changed, a workspace or account
-- suspended or deleted, MFA required or an enrollment removed. A node keeps what it has
-- authorized while the number it last read (at most a second ago) is unchanged, so a cached
-- key or membership costs no round trip however many there are, and another node's change
-- still applies within a second. Triggers move it, so no writer can forget to. It moves to a
-- fresh random value rather than counting, so a database restored or failed over to an older
-- state can never come back to a value a node has already seen (and trusts).
CREATE TABLE access_generation (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
) STRICT;
INSERT INTO access_generation (id, value) VALUES (1, 0);

CREATE TRIGGER api_keys_access_changed
AFTER UPDATE OF id, revoked_at, expires_at, scopes, verifier, created_by, workspace_id ON api_keys
BEGIN UPDATE access_generation SET value = random() WHERE id = 1; END;
CREATE TRIGGER api_keys_access_removed AFTER DELETE ON api_keys
BEGIN UPDATE access_generation SET value = random() WHERE id = 1; END;

CREATE TRIGGER memberships_access_changed
AFTER UPDATE OF role, workspace_id, user_id ON memberships
BEGIN UPDATE access_generation SET value = random() WHERE id = 1; END;
CREATE TRIGGER memberships_access_removed AFTER DELETE ON memberships
BEGIN UPDATE access_generation SET value = random() WHERE id = 1; END;

CREATE TRIGGER workspaces_access_changed
AFTER UPDATE OF id, slug, suspended_at, require_mfa ON workspaces
BEGIN UPDATE access_generation SET value = random() WHERE id = 1; END;
CREATE TRIGGER workspaces_access_removed AFTER DELETE ON workspaces
BEGIN UPDATE access_generation SET value = random() WHERE id = 1; END;

CREATE TRIGGER users_access_changed AFTER UPDATE OF id, suspended_at ON users
BEGIN UPDATE access_generation SET value = random() WHERE id = 1; END;
CREATE TRIGGER users_access_removed AFTER DELETE ON users
BEGIN UPDATE access_generation SET value = random() WHERE id = 1; END;

CREATE TRIGGER mfa_totp_access_changed AFTER UPDATE OF confirmed_at, user_id ON mfa_totp
BEGIN UPDATE access_generation SET value = random() WHERE id = 1; END;
CREATE TRIGGER mfa_totp_access_removed AFTER DELETE ON mfa_totp
BEGIN UPDATE access_generation SET value = random() WHERE id = 1; END;

-- `INSERT OR REPLACE` deletes the row it replaces without firing delete triggers (unless
-- recursive triggers are on): an insert over an existing row counts as a change too.
CREATE TRIGGER api_keys_access_replaced BEFORE INSERT ON api_keys
WHEN EXISTS (SELECT 1 FROM api_keys WHERE id = NEW.id)
BEGIN UPDATE access_generation SET value = random() WHERE id = 1; END;
CREATE TRIGGER memberships_access_replaced BEFORE INSERT ON memberships
WHEN EXISTS (SELECT 1 FROM memberships WHERE workspace_id = NEW.workspace_id AND user_id = NEW.user_id)
BEGIN UPDATE access_generation SET value = random() WHERE id = 1; END;
CREATE TRIGGER workspaces_access_replaced BEFORE INSERT ON workspaces
WHEN EXISTS (SELECT 1 FROM workspaces WHERE id = NEW.id OR slug = NEW.slug)
BEGIN UPDATE access_generation SET value = random() WHERE id = 1; END;
CREATE TRIGGER users_access_replaced BEFORE INSERT ON users
WHEN EXISTS (SELECT 1 FROM users WHERE id = NEW.id)
BEGIN UPDATE access_generation SET value = random() WHERE id = 1; END;
CREATE TRIGGER mfa_totp_access_replaced BEFORE INSERT ON mfa_totp
WHEN EXISTS (SELECT 1 FROM mfa_totp WHERE user_id = NEW.user_id AND confirmed_at IS NOT NULL)
BEGIN UPDATE access_generation SET value = random() WHERE id = 1; END;
