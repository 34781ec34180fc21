-- The schema owner reads every workspace's rows when its transaction says so
-- (`palisade.owner_read = on`): a backup's snapshot, and an account's own audit events across
-- logs for its export. Row security is forced on these tables, so without this even the owner
-- sees one workspace at a time. The policies name the owner role: the application role gains
-- nothing by setting the flag. A backup refuses a forced table without this policy.
DO $$
DECLARE
    forced record;
BEGIN
    FOR forced IN
        SELECT relname FROM pg_class
        WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r'
          AND relforcerowsecurity
    LOOP
        EXECUTE format(
            'CREATE POLICY owner_read ON %I FOR SELECT TO CURRENT_USER '
            'USING (current_setting(''palisade.owner_read'', true) = ''on'')',
            forced.relname);
    END LOOP;
END $$;
