-- Row-level security for the workspace's control-plane rows too. Each can be read and
-- written inside its own workspace (`palisade.workspace_id`), like tenant data. A credential
-- lookup (`palisade.lookup = on`: a user's memberships, an API key by id, an invitation by
-- token digest) may READ across workspaces, because that is how a scope is found before it
-- exists; it can never write, and it never sees collections or records.
ALTER TABLE memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE memberships FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON memberships
    USING (workspace_id = current_setting('palisade.workspace_id', true))
    WITH CHECK (workspace_id = current_setting('palisade.workspace_id', true));
CREATE POLICY credential_lookup ON memberships FOR SELECT
    USING (current_setting('palisade.lookup', true) = 'on');

ALTER TABLE invitations ENABLE ROW LEVEL SECURITY;
ALTER TABLE invitations FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON invitations
    USING (workspace_id = current_setting('palisade.workspace_id', true))
    WITH CHECK (workspace_id = current_setting('palisade.workspace_id', true));
CREATE POLICY credential_lookup ON invitations FOR SELECT
    USING (current_setting('palisade.lookup', true) = 'on');

ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY workspace_isolation ON api_keys
    USING (workspace_id = current_setting('palisade.workspace_id', true))
    WITH CHECK (workspace_id = current_setting('palisade.workspace_id', true));
CREATE POLICY credential_lookup ON api_keys FOR SELECT
    USING (current_setting('palisade.lookup', true) = 'on');
