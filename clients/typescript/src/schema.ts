export interface paths {
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public keys that verify access tokens (RFC 7517). */
        get: operations["well_known_jwks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/palisade-audit-keys.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public keys that verify the audit log's signed checkpoints, as a JSON Web Key Set:
         *     what an auditor checks an export against.
         */
        get: operations["well_known_audit_keys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/security.txt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How to report a vulnerability in this deployment, per RFC 9116. */
        get: operations["well_known_security_txt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up and serving HTTP. */
        get: operations["health_healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document. */
        get: operations["openapi_openapi_json"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: the database answers. Load balancers should route only to ready nodes. A node
         *     that cannot reach Redis stays ready (it limits in-process) but says it is degraded.
         */
        get: operations["health_readyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/security-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The default vulnerability disclosure policy that security.txt links to. */
        get: operations["well_known_security_policy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every account, by id. */
        get: operations["admin_accounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/accounts/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend an account: its sessions are revoked and its API keys refused, at once. */
        post: operations["admin_suspend_account"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/accounts/{id}/unsuspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift an account's suspension. */
        post: operations["admin_unsuspend_account"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The platform log (accounts, sessions, operators, admins), oldest first. */
        get: operations["admin_audit_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/ip-blocks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Addresses whose sign-ins are blocked now (credential stuffing). */
        get: operations["admin_ip_blocks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/ip-blocks/{ip}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Lift the block on an address. */
        delete: operations["admin_lift_ip_block"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every workspace, by id (no tenant data). */
        get: operations["admin_workspaces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/workspaces/{ws}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Suspend a workspace: no member or key reaches it until it is reinstated. */
        post: operations["admin_suspend_workspace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/workspaces/{ws}/unsuspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Lift a workspace's suspension. */
        post: operations["admin_unsuspend_workspace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with e-mail and password. An account with MFA gets `{mfa_required, mfa_token}`
         *     instead of a session.
         */
        post: operations["auth_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out: revoke the current session. */
        post: operations["auth_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/mfa/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a sign-in with a TOTP code or a recovery code. A code works once; wrong codes
         *     count towards the account's lock. Using a recovery code says how many remain in
         *     `X-Recovery-Codes-Remaining`.
         */
        post: operations["auth_mfa_verify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a password reset mail. Any well-formed address gets 202 with the same body: whether
         *     an account exists is never revealed.
         */
        post: operations["auth_request_password_reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the token from the reset mail; every session is revoked. */
        post: operations["auth_confirm_password_reset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a refresh token for a new pair; the old one is spent. */
        post: operations["auth_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account. */
        post: operations["auth_signup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation addressed to the signed-in account's e-mail. */
        post: operations["invitations_accept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in account. */
        get: operations["me_me"];
        put?: never;
        post?: never;
        /**
         * Delete the signed-in account, its sessions, memberships and the API keys it created.
         *     Refused while it is the only owner of a workspace. Audit events stay, naming the account
         *     only by its id.
         */
        delete: operations["privacy_delete_me"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Everything held about the signed-in account (profile, sessions, memberships, invitations
         *     sent, API keys created, audit events it is the actor of), as one JSON document, streamed.
         */
        get: operations["privacy_export_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/mfa/step-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Prove a second factor again in this session; sensitive actions accept it for ten minutes. */
        post: operations["mfa_step_up"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/mfa/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start TOTP enrolment (replacing one not yet confirmed). Confirm it with a first code. */
        post: operations["mfa_enroll"];
        /** Turn MFA off (the enrolment and its recovery codes are deleted). */
        delete: operations["mfa_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/mfa/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm enrolment with a first code: MFA is on from now, and the ten recovery codes are
         *     returned (only here). This session counts as having just proved a second factor.
         */
        post: operations["mfa_confirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change the password; every other session is revoked. */
        post: operations["me_change_password"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Active sessions of the signed-in account. */
        get: operations["me_sessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of the signed-in account's sessions. */
        delete: operations["me_revoke_session"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller's workspaces, with their role in each. */
        get: operations["workspaces_list"];
        put?: never;
        /** Create a workspace; the caller becomes its owner. */
        post: operations["workspaces_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One workspace. */
        get: operations["workspaces_get"];
        put?: never;
        post?: never;
        /** Delete a workspace and everything in it (`workspace:delete`, owners only). */
        delete: operations["workspaces_delete"];
        options?: never;
        head?: never;
        /**
         * Rename a workspace, set its audit retention, and/or require MFA of every member
         *     (`settings:admin`).
         */
        patch: operations["workspaces_update"];
        trace?: never;
    };
    "/v1/workspaces/{ws}/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's keys, without secrets (`keys:manage`). */
        get: operations["api_keys_list"];
        put?: never;
        /** Create an API key (`keys:manage`); its scopes are a subset of the creator's permissions. */
        post: operations["api_keys_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a key; the next request with it is refused (`keys:manage`). */
        delete: operations["api_keys_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's audit events in sequence order (`audit:read`). */
        get: operations["audit_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/audit-events/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stream the log's events between two times, and the signed checkpoint that lets the file
         *     be verified offline (`palisade audit verify --export FILE`) (`audit:read`).
         */
        get: operations["audit_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recompute the workspace's chain and check every checkpoint (`audit:read`). */
        get: operations["audit_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/collections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's collections (`records:read`). */
        get: operations["collections_list"];
        put?: never;
        /** Create a collection (`collections:manage`). */
        post: operations["collections_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/collections/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One collection and its schema (`records:read`). */
        get: operations["collections_get"];
        put?: never;
        post?: never;
        /** Delete the collection and every record in it (`collections:manage`). */
        delete: operations["collections_delete"];
        options?: never;
        head?: never;
        /** Set or drop the collection's schema (`collections:manage`). */
        patch: operations["collections_update"];
        trace?: never;
    };
    "/v1/workspaces/{ws}/collections/{name}/records": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page of records in id (creation) order, with equality filters (`records:read`). */
        get: operations["records_list"];
        put?: never;
        /** Create a record; the body is the record's JSON object (`records:write`). */
        post: operations["records_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/collections/{name}/records/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One record, with its `ETag`; `If-None-Match` answers 304 when unchanged (`records:read`). */
        get: operations["records_get"];
        /** Replace the record's JSON object (`records:write`). */
        put: operations["records_replace"];
        post?: never;
        /** Delete the record; with `If-Match`, only at that version (`records:write`). */
        delete: operations["records_delete"];
        options?: never;
        head?: never;
        /** Change fields with a JSON Merge Patch (RFC 7396): `null` removes a field (`records:write`). */
        patch: operations["records_patch"];
        trace?: never;
    };
    "/v1/workspaces/{ws}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every collection, schema and record of the workspace, and its secrets by name only, as a
         *     tar archive of JSON files and JSON Lines with a `manifest.json` (`workspace:export`,
         *     owners; a recent second factor when the account has MFA).
         */
        get: operations["privacy_export_workspace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pending invitations (`members:manage`). */
        get: operations["invitations_list"];
        put?: never;
        /** Invite someone by e-mail (`members:manage`; never to a role above one's own). */
        post: operations["invitations_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/invitations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a pending invitation (`members:manage`). */
        delete: operations["invitations_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members of the workspace. */
        get: operations["workspaces_members"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/members/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member (`members:manage`, within the same limits as role changes). */
        delete: operations["workspaces_remove_member"];
        options?: never;
        head?: never;
        /** Change a member's role (`members:manage`; never above one's own; only owners touch `owner`). */
        patch: operations["workspaces_change_role"];
        trace?: never;
    };
    "/v1/workspaces/{ws}/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's secrets, metadata only (`secrets:manage`). */
        get: operations["secrets_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/secrets/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One secret's metadata (`secrets:manage`). */
        get: operations["secrets_get"];
        /** Create a secret or replace its value (`secrets:manage`). 201 when created, 200 when replaced. */
        put: operations["secrets_put"];
        post?: never;
        /** Delete a secret (`secrets:manage`). */
        delete: operations["secrets_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/support-access": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's support grants, newest first. */
        get: operations["support_list"];
        put?: never;
        /**
         * Grant platform admins read-only access for up to 72 hours (owners; needs a recent second
         *     factor when the owner has MFA). Every admin request is audited in this workspace's log.
         */
        post: operations["support_grant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/support-access/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End a grant early. */
        delete: operations["support_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's webhook endpoints (`webhooks:manage`). */
        get: operations["webhooks_list"];
        put?: never;
        /** Subscribe a URL to events (`webhooks:manage`). The answer holds the signing secret once. */
        post: operations["webhooks_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One endpoint (`webhooks:manage`). */
        get: operations["webhooks_get"];
        put?: never;
        post?: never;
        /** Delete an endpoint and its queued messages (`webhooks:manage`). */
        delete: operations["webhooks_delete"];
        options?: never;
        head?: never;
        /** Change an endpoint's URL, events or description (`webhooks:manage`). */
        patch: operations["webhooks_update"];
        trace?: never;
    };
    "/v1/workspaces/{ws}/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The endpoint's latest delivery attempts, newest first (`webhooks:manage`). */
        get: operations["webhooks_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/webhooks/{id}/messages/{message_id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a message to the endpoint again, now (`webhooks:manage`). */
        post: operations["webhooks_redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue a new signing secret; the previous ones keep signing (both signatures are sent)
         *     for 24 hours (`webhooks:manage`).
         */
        post: operations["webhooks_rotate_secret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workspaces/{ws}/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the endpoint a `webhook.test` message (`webhooks:manage`). */
        post: operations["webhooks_test"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AcceptInvitation: {
            /** Format: password */
            token: string;
        };
        Accepted: {
            /** @example accepted */
            status: string;
        };
        Account: {
            /** Format: date-time */
            created_at: string;
            email: string;
            /** @example usr_01jd5v3k2m0000000000000000 */
            id: string;
            name?: string | null;
        };
        AdminAccount: {
            /** Format: date-time */
            created_at: string;
            email: string;
            id: string;
            mfa_enabled: boolean;
            name?: string | null;
            platform_admin: boolean;
            /** Format: date-time */
            suspended_at?: string | null;
        };
        AdminAccountPage: {
            items: components["schemas"]["AdminAccount"][];
            next_cursor?: string | null;
        };
        AdminWorkspace: {
            /** Format: date-time */
            created_at: string;
            id: string;
            /** Format: int64 */
            members: number;
            name: string;
            require_mfa: boolean;
            slug: string;
            /** Format: date-time */
            suspended_at?: string | null;
        };
        AdminWorkspacePage: {
            items: components["schemas"]["AdminWorkspace"][];
            next_cursor?: string | null;
        };
        ApiKey: {
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            expires_at?: string | null;
            id: string;
            /** Format: date-time */
            last_used_at?: string | null;
            name: string;
            scopes: string[];
        };
        /** @description One event, with its place in the log's hash chain. */
        AuditEvent: {
            /** @example api_key.revoked */
            action: string;
            /** @example user:usr_01jd5v3k2m0000000000000000 */
            actor: string;
            hash: string;
            /** @example aud_01jd6q8m3k2x0v9yq5w7r4t1sa */
            id: string;
            /** @description The source address, or `h:` and its keyed hash (`audit.ip = "hashed"`, the default). */
            ip?: string | null;
            /** Format: date-time */
            occurred_at: string;
            /** @example success */
            outcome: string;
            prev_hash: string;
            reason?: string | null;
            request_id?: string | null;
            resource_id?: string | null;
            resource_type: string;
            /** Format: int64 */
            sequence: number;
            user_agent?: string | null;
        };
        AuditEventPage: {
            items: components["schemas"]["AuditEvent"][];
            /** @description Pass as `cursor` for the next page; `null` on the last one. */
            next_cursor?: string | null;
        };
        /** @description The verdict of recomputing the log's chain and checking its signed checkpoints. */
        AuditVerdict: {
            /** Format: int64 */
            checkpoints_checked: number;
            /** Format: int64 */
            events_checked: number;
            /**
             * Format: int64
             * @description The first sequence number that does not verify.
             */
            first_bad_sequence?: number | null;
            /**
             * Format: int64
             * @description The last event checked.
             */
            head_sequence?: number | null;
            ok: boolean;
            /**
             * @description What is wrong there: `tampered`, `reordered`, `missing`, `chain_broken`,
             *     `bad_checkpoint_signature` or `checkpoint_mismatch`.
             */
            problem?: string | null;
        };
        /**
         * @description A header sent with every delivery whose value is `prefix` followed by a vault secret of
         *     the workspace, decrypted at the moment of use (each use audited): a receiver's bearer
         *     token, a SIEM's ingestion token (`{"name": "Authorization", "secret": "SPLUNK_HEC",
         *     "prefix": "Splunk "}`).
         */
        AuthHeaderBody: {
            /** @description The header's name (default `Authorization`); not one Palisade sets itself. */
            name?: string;
            /** @description Put before the secret's value (default `Bearer `). */
            prefix?: string;
            /** @description The name of a secret of this workspace (`PUT …/secrets/{name}`). */
            secret: string;
        };
        ChangePasswordRequest: {
            /** Format: password */
            current_password: string;
            /**
             * Format: password
             * @description 10–256 characters; guessable passwords (zxcvbn score under 3) are refused with `weak_password`.
             */
            new_password: string;
        };
        ChangeRole: {
            /**
             * @example member
             * @enum {string}
             */
            role: "owner" | "admin" | "member" | "viewer";
        };
        CodeRequest: {
            /**
             * Format: password
             * @description A 6-digit code from the authenticator app, or one of the recovery codes.
             */
            code: string;
        };
        Collection: {
            /** Format: date-time */
            created_at: string;
            name: string;
            schema?: null | components["schemas"]["JsonObject"];
            /** Format: date-time */
            updated_at: string;
        };
        CookieSessionResponse: {
            /** @description Echo it in `X-CSRF-Token` on every state-changing request. */
            csrf_token: string;
            /** Format: int64 */
            expires_in: number;
            /** @example cookie */
            token_type: string;
        };
        CreateApiKey: {
            /**
             * Format: date-time
             * @description When the key stops working; must be in the future. Without it the key does not expire.
             */
            expires_at?: string | null;
            /** @description 1–100 characters, no control characters, not only white space (trimmed). */
            name: string;
            /** @description Permissions such as `records:read`; each must be one the creator holds. */
            scopes: ("workspace:read" | "records:read" | "records:write" | "collections:manage" | "members:manage" | "keys:manage" | "secrets:manage" | "webhooks:manage" | "audit:read" | "settings:admin" | "support:grant" | "workspace:export" | "workspace:delete")[];
        };
        CreateCollection: {
            /** @description A lower-case letter, then up to 62 lower-case letters, digits or `_`. */
            name: string;
            schema?: null | components["schemas"]["JsonObject"];
        };
        CreateInvitation: {
            /**
             * Format: email
             * @example ada@example.com
             */
            email: string;
            /**
             * @example member
             * @enum {string}
             */
            role: "owner" | "admin" | "member" | "viewer";
        };
        CreateWebhook: {
            auth_header?: null | components["schemas"]["AuthHeaderBody"];
            description?: string | null;
            /**
             * @description Domain events (`record.created`, `record.updated`, `record.deleted`, `member.added`,
             *     `member.removed`, `api_key.created`, `api_key.revoked`) or audit events (`audit.*`,
             *     `audit.<action>`), not both.
             */
            events: string[];
            /**
             * @description `https://` (plain `http://` only with `webhooks.allow_http`); no user name or password;
             *     its host must resolve only to public addresses.
             */
            url: string;
        };
        CreateWorkspace: {
            /** @description 1–100 characters, no control characters, not only white space (trimmed). */
            name: string;
            /**
             * @description 3–40 characters `[a-z0-9-]`, not starting or ending with `-`, not a reserved word.
             * @example acme
             */
            slug: string;
        };
        CreatedApiKey: components["schemas"]["ApiKey"] & {
            /** @description The full key. Shown this once; only a verifier is stored. */
            secret: string;
        };
        /** @description A new endpoint with its signing secret, shown this once. */
        CreatedWebhook: components["schemas"]["Webhook"] & {
            /** @description `whsec_` + base64 of 32 random bytes. Store it now: it is never shown again. */
            secret: string;
        };
        DeleteAccountRequest: {
            /**
             * Format: password
             * @description A 6-digit code from the authenticator app, or one of the recovery codes.
             */
            code?: string;
            /** Format: password */
            current_password: string;
        };
        /** @description One delivery attempt. */
        Delivery: {
            /** Format: date-time */
            at: string;
            /** Format: int64 */
            attempt: number;
            /**
             * @description Why there was no response: `timeout`, `connect_failed`, `tls_failed`,
             *     `forbidden_address`, `unresolvable_host`, …
             */
            error?: string | null;
            event_type: string;
            id: string;
            /** Format: int64 */
            latency_ms: number;
            message_id: string;
            /** @description The first 1 KiB of the response body. */
            response?: string | null;
            /** Format: int64 */
            status_code?: number | null;
            succeeded: boolean;
        };
        /** @description One failing place in a submitted document. */
        FieldProblem: {
            detail: string;
            /**
             * @description A JSON Pointer (RFC 6901) into the submitted document; empty for the whole document.
             * @example /title
             */
            pointer: string;
        };
        /** @enum {string} */
        Format: "jsonl" | "csv";
        GrantSupportRequest: {
            /**
             * Format: int64
             * @description How long admins may read, 1–72 hours.
             */
            duration_hours: number;
            /** @description Why (shown to admins and kept in the audit log), 1–500 characters. */
            reason: string;
        };
        Health: {
            /**
             * @description What is degraded: `redis` while shared limits and revocations are unreachable (the
             *     node limits in-process meanwhile).
             */
            degraded?: string[];
            /**
             * @description `ok` (liveness); `ready`, or `degraded` when a node serves with less than it should.
             * @example ok
             */
            status: string;
        };
        Invitation: {
            email: string;
            /** Format: date-time */
            expires_at: string;
            id: string;
            role: string;
        };
        IpBlockView: {
            /** Format: int32 */
            accounts: number;
            /** Format: date-time */
            blocked_until: string;
            /** Format: date-time */
            created_at: string;
            /** Format: int32 */
            failures: number;
            /** @description The blocked source (an address, or an IPv6 /64). */
            ip: string;
        };
        Joined: {
            role: string;
            workspace: string;
        };
        JsonArray: components["schemas"]["JsonValue"][];
        JsonObject: {
            [key: string]: unknown;
        };
        JsonValue: unknown;
        Jwks: {
            keys: components["schemas"]["JsonObject"][];
        };
        LoginRequest: {
            /**
             * Format: email
             * @example ada@example.com
             */
            email: string;
            /** Format: password */
            password: string;
        };
        /** @description What sign-in answers: a session, or the second factor still owed. */
        LoginResponse: components["schemas"]["TokenResponse"] | components["schemas"]["CookieSessionResponse"] | components["schemas"]["MfaRequiredResponse"];
        /** @description The signed-in account and its second factor. */
        Me: {
            /** Format: date-time */
            created_at: string;
            email: string;
            /** @example usr_01jd5v3k2m0000000000000000 */
            id: string;
            mfa: components["schemas"]["MfaView"];
            name?: string | null;
        };
        Member: {
            email: string;
            /** Format: date-time */
            joined_at: string;
            name?: string | null;
            /** @example admin */
            role: string;
            user_id: string;
        };
        /**
         * @description A correct password for an account with MFA: no session yet. Send the token with a code
         *     to `POST /v1/auth/mfa/verify` (same `mode`) within `expires_in` seconds.
         */
        MfaRequiredResponse: {
            /**
             * Format: int64
             * @example 300
             */
            expires_in: number;
            mfa_required: boolean;
            /** @example palm_… */
            mfa_token: string;
        };
        MfaVerifyRequest: {
            /**
             * Format: password
             * @description A 6-digit code from the authenticator app, or one of the recovery codes.
             */
            code: string;
            /** Format: password */
            mfa_token: string;
        };
        MfaView: {
            /** @description A confirmed TOTP enrolment. */
            enabled: boolean;
            /** Format: int32 */
            recovery_codes_remaining: number;
        };
        PasswordResetConfirm: {
            /**
             * Format: password
             * @description 10–256 characters; guessable passwords (zxcvbn score under 3) are refused with `weak_password`.
             */
            new_password: string;
            /** Format: password */
            token: string;
        };
        PasswordResetRequest: {
            /**
             * Format: email
             * @example ada@example.com
             */
            email: string;
        };
        /** @description An RFC 9457 problem document. `code` is stable: clients may branch on it. */
        Problem: {
            /**
             * @example not_found
             * @enum {string}
             */
            code: "bad_request" | "invalid_request_target" | "malformed_json" | "invalid_query" | "invalid_limit" | "invalid_cursor" | "invalid_filter" | "invalid_idempotency_key" | "unauthenticated" | "invalid_token" | "invalid_api_key" | "invalid_credentials" | "invalid_refresh_token" | "refresh_token_reused" | "session_expired" | "session_revoked" | "mfa.invalid_code" | "mfa.invalid_token" | "forbidden" | "workspace_forbidden" | "permission_denied" | "scope_not_held" | "csrf_token_invalid" | "signup_invite_only" | "invalid_access_code" | "invalid_reset_token" | "invalid_invitation" | "mfa.step_up_required" | "mfa.enrollment_required" | "mfa.required" | "account_suspended" | "platform_admin_required" | "not_found" | "collection_not_found" | "record_not_found" | "secret_not_found" | "account_not_found" | "workspace_not_found" | "ip_block_not_found" | "support_grant_not_found" | "webhook_not_found" | "webhook_message_not_found" | "method_not_allowed" | "request_timeout" | "conflict" | "email_taken" | "slug_taken" | "last_owner" | "collection_exists" | "write_conflict" | "idempotency_key_in_use" | "mfa.already_enrolled" | "mfa.not_enrolled" | "cannot_suspend_self" | "webhook_limit_reached" | "precondition_failed" | "payload_too_large" | "unsupported_media_type" | "invalid_request" | "invalid_body" | "weak_password" | "invalid_email" | "invalid_slug" | "invalid_retention" | "reserved_slug" | "invalid_name" | "invalid_role" | "invalid_scope" | "invalid_expiry" | "invalid_collection_name" | "invalid_schema" | "invalid_secret_name" | "invalid_secret_value" | "invalid_description" | "nothing_to_change" | "record_not_object" | "unsupported_character" | "record_too_large" | "idempotency_key_reused" | "invalid_support_duration" | "invalid_reason" | "invalid_ip_address" | "invalid_webhook_url" | "invalid_webhook_events" | "invalid_webhook_auth" | "schema_violation" | "rate_limited" | "ip_blocked" | "internal_error" | "unavailable" | "database_unavailable" | "auth_busy";
            detail?: string | null;
            /** @description For validation failures: each place in the document that failed, and why. */
            errors?: components["schemas"]["FieldProblem"][];
            /** @description The `X-Request-Id` of the failed request, to quote to support. */
            request_id?: string | null;
            /** Format: int32 */
            status: number;
            title: string;
            /**
             * @description A URI naming the problem type: `urn:palisade:problem:<code>`.
             * @example urn:palisade:problem:not_found
             */
            type: string;
        };
        PutSecret: {
            /** @description Kept as stored when left out. No control characters. */
            description?: string | null;
            /** @description The value, 1 to 65536 bytes. Write-only: no response ever returns it. */
            value: string;
        };
        /** @description A message queued for delivery. */
        QueuedMessage: {
            message_id: string;
        };
        /** @description A record: your JSON object in `data`, with its id, version and timestamps around it. */
        Record: {
            collection: string;
            /** Format: date-time */
            created_at: string;
            data: components["schemas"]["RecordData"];
            /** @example rec_01jd6q8m3k2x0v9yq5w7r4t1sa */
            id: string;
            /** Format: date-time */
            updated_at: string;
            /**
             * Format: int64
             * @description Starts at 1 and grows by one with every write; the `ETag` is `"v<version>"`.
             */
            version: number;
        };
        /** @description A JSON object up to 1 MiB; no key or string in it contains U+0000. */
        RecordData: {
            [key: string]: components["schemas"]["JsonValue"];
        };
        RecordPage: {
            items: components["schemas"]["Record"][];
            /** @description Pass as `cursor` for the next page; `null` on the last one. */
            next_cursor?: string | null;
        };
        /** @description Shown once: each works once, in place of a code, if the authenticator is lost. */
        RecoveryCodesView: {
            recovery_codes: string[];
        };
        RefreshRequest: {
            /** Format: password */
            refresh_token: string;
        };
        /**
         * @description A current code (or recovery code), or the password from a session that proved a second
         *     factor in the last ten minutes.
         */
        RemoveTotpRequest: {
            /**
             * Format: password
             * @description A 6-digit code from the authenticator app, or one of the recovery codes.
             */
            code?: string;
            /** Format: password */
            password?: string;
        };
        /** @description A rotated secret; the previous ones keep signing until `previous_expires_at`. */
        RotatedSecret: {
            /** Format: date-time */
            previous_expires_at: string;
            secret: string;
        };
        /** @description A secret's metadata; its value is never returned. */
        Secret: {
            /** Format: date-time */
            created_at: string;
            description?: string | null;
            /** @description A keyed fingerprint of the value: tells two values apart, reveals nothing of them. */
            fingerprint: string;
            /** Format: date-time */
            last_used_at?: string | null;
            name: string;
            /** Format: date-time */
            updated_at: string;
            /**
             * Format: int64
             * @description Counts value writes, from 1.
             */
            version: number;
        };
        /** @description What sign-in and refresh answer: tokens in the body, or (cookie mode) the CSRF token. */
        SessionResponse: components["schemas"]["TokenResponse"] | components["schemas"]["CookieSessionResponse"];
        SessionView: {
            /** Format: date-time */
            created_at: string;
            /** @description Whether this is the session making the request. */
            current: boolean;
            /** Format: date-time */
            expires_at: string;
            id: string;
            ip?: string | null;
            /** Format: date-time */
            last_used_at: string;
            user_agent?: string | null;
        };
        Settings: {
            require_mfa: boolean;
        };
        /** @description Workspace-wide security settings. */
        SettingsChange: {
            /** @description Members must have MFA to reach the workspace (turning it on needs your own MFA). */
            require_mfa?: boolean | null;
        };
        SignupRequest: {
            /**
             * Format: password
             * @description Required when the server's sign-up policy is `access_code`.
             */
            access_code?: string | null;
            /**
             * Format: email
             * @example ada@example.com
             */
            email: string;
            /**
             * Format: password
             * @description With `invite_only`: the token of an open invitation addressed to this e-mail.
             */
            invitation_token?: string | null;
            /** @description 1–100 characters, no control characters, not only white space (trimmed). */
            name?: string | null;
            /**
             * Format: password
             * @description 10–256 characters; guessable passwords (zxcvbn score under 3) are refused with `weak_password`.
             */
            password: string;
        };
        StepUpView: {
            /**
             * Format: int32
             * @description Present when a recovery code was used: how many remain.
             */
            recovery_codes_remaining?: number | null;
            /**
             * Format: int64
             * @description Seconds the step-up lasts for sensitive actions.
             * @example 600
             */
            valid_for: number;
        };
        SupportGrant: {
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            expires_at: string;
            granted_by: string;
            /** @example sup_01jd5v3k2m0000000000000000 */
            id: string;
            reason: string;
            /** Format: date-time */
            revoked_at?: string | null;
        };
        /** @enum {string} */
        TokenMode: "bearer" | "cookie";
        TokenResponse: {
            access_token: string;
            /**
             * Format: int64
             * @example 900
             */
            expires_in: number;
            refresh_token: string;
            /** @example Bearer */
            token_type: string;
        };
        /** @description Shown once: add it to an authenticator app by scanning the QR code or typing the secret. */
        TotpEnrollmentView: {
            /** @description `otpauth://totp/Palisade:<email>?secret=…&issuer=Palisade&algorithm=SHA1&digits=6&period=30` */
            otpauth_uri: string;
            /** @description The URI as a QR code: `data:image/svg+xml;base64,…`. */
            qr_code?: string | null;
            /** @description The seed in base32. */
            secret: string;
        };
        UpdateCollection: {
            schema: null | components["schemas"]["JsonObject"];
        };
        UpdateWebhook: {
            auth_header?: null | components["schemas"]["AuthHeaderBody"];
            /** @description `null` clears it. */
            description?: string | null;
            events?: string[] | null;
            url?: string | null;
        };
        UpdateWorkspace: {
            /**
             * Format: int64
             * @description How many days audit events are kept, 90–3650 (default 365).
             */
            audit_retention_days?: number | null;
            /** @description 1–100 characters, no control characters, not only white space (trimmed). */
            name?: string | null;
            settings?: null | components["schemas"]["SettingsChange"];
        };
        /** @description A webhook endpoint. Its secret is shown only when created or rotated. */
        Webhook: {
            auth_header?: null | components["schemas"]["AuthHeaderBody"];
            /** Format: date-time */
            created_at: string;
            description?: string | null;
            events: string[];
            /** Format: date-time */
            failing_since?: string | null;
            id: string;
            /** @description `webhook`, or `audit_stream` (audit events, delivered one at a time in sequence order). */
            kind: string;
            /** Format: int64 */
            secret_version: number;
            /** @description `active`, or `failing` once a message ran out of retries (until the next success). */
            status: string;
            /** Format: date-time */
            updated_at: string;
            url: string;
        };
        Workspace: {
            /**
             * Format: int64
             * @description How many days its audit events are kept.
             * @example 365
             */
            audit_retention_days: number;
            /** Format: date-time */
            created_at: string;
            /** @example ws_01jd5v3k2m0000000000000000 */
            id: string;
            name: string;
            /**
             * @description The caller's role.
             * @example owner
             */
            role: string;
            settings: components["schemas"]["Settings"];
            slug: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    well_known_jwks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON Web Key Set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Jwks"];
                };
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
        };
    };
    well_known_audit_keys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON Web Key Set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Jwks"];
                };
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
        };
    };
    well_known_security_txt: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description RFC 9116 security.txt */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain; charset=utf-8": string;
                };
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
        };
    };
    health_healthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is alive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
        };
    };
    openapi_openapi_json: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.1 document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["JsonObject"];
                };
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
        };
    };
    health_readyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The database is reachable; `degraded` lists what is not */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    well_known_security_policy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Vulnerability disclosure policy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain; charset=utf-8": string;
                };
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
        };
    };
    admin_accounts: {
        parameters: {
            query?: {
                /** @description Page size, 1–500 (default 50). */
                limit?: number | null;
                /** @description `next_cursor` of the previous page. */
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminAccountPage"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `invalid_limit` (Invalid query); `invalid_cursor` (Invalid query) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "invalid_limit" | "invalid_cursor";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `mfa.required` (MFA required); `platform_admin_required` (Platform admin required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "mfa.required" | "platform_admin_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    admin_suspend_account: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Account id (`usr_…`) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Suspended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `csrf_token_invalid` (CSRF check failed); `mfa.required` (MFA required); `platform_admin_required` (Platform admin required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "csrf_token_invalid" | "mfa.required" | "platform_admin_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `account_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "account_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `cannot_suspend_self` (Conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "cannot_suspend_self";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    admin_unsuspend_account: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Account id (`usr_…`) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reinstated */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `csrf_token_invalid` (CSRF check failed); `mfa.required` (MFA required); `platform_admin_required` (Platform admin required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "csrf_token_invalid" | "mfa.required" | "platform_admin_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `account_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "account_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `cannot_suspend_self` (Conflict) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "cannot_suspend_self";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    admin_audit_events: {
        parameters: {
            query?: {
                /** @description Page size, 1–500 (default 50). */
                limit?: number | null;
                /** @description `next_cursor` of the previous page. */
                cursor?: string | null;
                /** @description Only this action, e.g. `api_key.revoked`. */
                action?: string | null;
                /** @description Only this actor: `user:<id>`, `key:<id>`, `system` or `anonymous`. */
                actor?: string | null;
                resource_type?: string | null;
                resource_id?: string | null;
                /** @description Only events at or after this time (RFC 3339). */
                from?: string | null;
                /** @description Only events before this time (RFC 3339). */
                to?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPage"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `invalid_limit` (Invalid query); `invalid_cursor` (Invalid query) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "invalid_limit" | "invalid_cursor";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `mfa.required` (MFA required); `platform_admin_required` (Platform admin required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "mfa.required" | "platform_admin_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    admin_ip_blocks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IpBlockView"][];
                };
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `mfa.required` (MFA required); `platform_admin_required` (Platform admin required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "mfa.required" | "platform_admin_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    admin_lift_ip_block: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The blocked address */
                ip: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Lifted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `csrf_token_invalid` (CSRF check failed); `mfa.required` (MFA required); `platform_admin_required` (Platform admin required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "csrf_token_invalid" | "mfa.required" | "platform_admin_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `ip_block_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "ip_block_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `invalid_ip_address` (Invalid request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_ip_address";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    admin_workspaces: {
        parameters: {
            query?: {
                /** @description Page size, 1–500 (default 50). */
                limit?: number | null;
                /** @description `next_cursor` of the previous page. */
                cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminWorkspacePage"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `invalid_limit` (Invalid query); `invalid_cursor` (Invalid query) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "invalid_limit" | "invalid_cursor";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `mfa.required` (MFA required); `platform_admin_required` (Platform admin required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "mfa.required" | "platform_admin_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    admin_suspend_workspace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Workspace slug */
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Suspended */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `csrf_token_invalid` (CSRF check failed); `mfa.required` (MFA required); `platform_admin_required` (Platform admin required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "csrf_token_invalid" | "mfa.required" | "platform_admin_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `workspace_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    admin_unsuspend_workspace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Workspace slug */
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Reinstated */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `csrf_token_invalid` (CSRF check failed); `mfa.required` (MFA required); `platform_admin_required` (Platform admin required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "csrf_token_invalid" | "mfa.required" | "platform_admin_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `workspace_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    auth_login: {
        parameters: {
            query?: {
                mode?: components["schemas"]["TokenMode"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Tokens (`mode=bearer`), cookies (`mode=cookie`), or the second factor owed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `invalid_credentials` (Invalid credentials) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_credentials";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `account_suspended` (Account suspended) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "account_suspended";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests); `ip_blocked` (Too many failed sign-ins) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited" | "ip_blocked";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `auth_busy` (Too many sign-ins at once) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "auth_busy";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    auth_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `csrf_token_invalid` (CSRF check failed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "csrf_token_invalid";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    auth_mfa_verify: {
        parameters: {
            query?: {
                mode?: components["schemas"]["TokenMode"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MfaVerifyRequest"];
            };
        };
        responses: {
            /** @description Tokens (`mode=bearer`) or cookies (`mode=cookie`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `mfa.invalid_code` (Invalid MFA code); `mfa.invalid_token` (Invalid MFA token) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "mfa.invalid_code" | "mfa.invalid_token";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `account_suspended` (Account suspended) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "account_suspended";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `mfa.not_enrolled` (MFA not enrolled) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "mfa.not_enrolled";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests); `ip_blocked` (Too many failed sign-ins) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited" | "ip_blocked";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `auth_busy` (Too many sign-ins at once) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "auth_busy";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    auth_request_password_reset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetRequest"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body); `invalid_email` (Invalid e-mail address) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body" | "invalid_email";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
        };
    };
    auth_confirm_password_reset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetConfirm"];
            };
        };
        responses: {
            /** @description Password changed; all sessions revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `invalid_reset_token` (Invalid reset token) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_reset_token";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body); `weak_password` (Password not accepted) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body" | "weak_password";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `auth_busy` (Too many sign-ins at once) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "auth_busy";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    auth_refresh: {
        parameters: {
            query?: {
                mode?: components["schemas"]["TokenMode"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Omitted in cookie mode */
        requestBody?: {
            content: {
                "application/json": null | components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description A new pair (`mode=bearer`) or new cookies (`mode=cookie`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionResponse"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `invalid_refresh_token` (Invalid refresh token); `refresh_token_reused` (Refresh token reused); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_refresh_token" | "refresh_token_reused" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `csrf_token_invalid` (CSRF check failed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "csrf_token_invalid";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
        };
    };
    auth_signup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignupRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `signup_invite_only` (Sign-up is by invitation); `invalid_access_code` (Access code required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "signup_invite_only" | "invalid_access_code";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `email_taken` (E-mail already registered) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "email_taken";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body); `weak_password` (Password not accepted); `invalid_email` (Invalid e-mail address); `invalid_name` (Invalid request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body" | "weak_password" | "invalid_email" | "invalid_name";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests); `ip_blocked` (Too many failed sign-ins) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited" | "ip_blocked";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `auth_busy` (Too many sign-ins at once) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "auth_busy";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    invitations_accept: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptInvitation"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Joined"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `csrf_token_invalid` (CSRF check failed); `invalid_invitation` (Invalid invitation) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "csrf_token_invalid" | "invalid_invitation";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    me_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    privacy_delete_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeleteAccountRequest"];
            };
        };
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_credentials` (Invalid credentials); `session_expired` (Session expired); `session_revoked` (Session revoked); `mfa.invalid_code` (Invalid MFA code) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_credentials" | "session_expired" | "session_revoked" | "mfa.invalid_code";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `csrf_token_invalid` (CSRF check failed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "csrf_token_invalid";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `last_owner` (Last owner) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "last_owner";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable); `auth_busy` (Too many sign-ins at once) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable" | "auth_busy";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    privacy_export_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account's data (`format`: `palisade.account_export`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    mfa_step_up: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CodeRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepUpView"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `session_expired` (Session expired); `session_revoked` (Session revoked); `mfa.invalid_code` (Invalid MFA code) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "session_expired" | "session_revoked" | "mfa.invalid_code";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `csrf_token_invalid` (CSRF check failed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "csrf_token_invalid";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `mfa.not_enrolled` (MFA not enrolled) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "mfa.not_enrolled";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    mfa_enroll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TotpEnrollmentView"];
                };
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `csrf_token_invalid` (CSRF check failed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "csrf_token_invalid";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `mfa.already_enrolled` (MFA already enrolled) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "mfa.already_enrolled";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    mfa_remove: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RemoveTotpRequest"];
            };
        };
        responses: {
            /** @description MFA removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_credentials` (Invalid credentials); `session_expired` (Session expired); `session_revoked` (Session revoked); `mfa.invalid_code` (Invalid MFA code) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_credentials" | "session_expired" | "session_revoked" | "mfa.invalid_code";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `csrf_token_invalid` (CSRF check failed); `mfa.step_up_required` (Recent MFA required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "csrf_token_invalid" | "mfa.step_up_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `mfa.not_enrolled` (MFA not enrolled) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "mfa.not_enrolled";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable); `auth_busy` (Too many sign-ins at once) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable" | "auth_busy";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    mfa_confirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CodeRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodesView"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `session_expired` (Session expired); `session_revoked` (Session revoked); `mfa.invalid_code` (Invalid MFA code) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "session_expired" | "session_revoked" | "mfa.invalid_code";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `csrf_token_invalid` (CSRF check failed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "csrf_token_invalid";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `mfa.already_enrolled` (MFA already enrolled); `mfa.not_enrolled` (MFA not enrolled) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "mfa.already_enrolled" | "mfa.not_enrolled";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    me_change_password: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            /** @description Changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_credentials` (Invalid credentials); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_credentials" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `csrf_token_invalid` (CSRF check failed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "csrf_token_invalid";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body); `weak_password` (Password not accepted) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body" | "weak_password";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable); `auth_busy` (Too many sign-ins at once) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable" | "auth_busy";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    me_sessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionView"][];
                };
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    me_revoke_session: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Session id (`ses_…`) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `csrf_token_invalid` (CSRF check failed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "csrf_token_invalid";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    workspaces_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"][];
                };
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    workspaces_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWorkspace"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `csrf_token_invalid` (CSRF check failed) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "csrf_token_invalid";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `slug_taken` (Slug taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "slug_taken";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body); `invalid_slug` (Invalid request); `reserved_slug` (Invalid request); `invalid_name` (Invalid request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body" | "invalid_slug" | "reserved_slug" | "invalid_name";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    workspaces_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Workspace slug */
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    workspaces_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `invalid_request_target` (Bad request); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.step_up_required` (Recent MFA required); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.step_up_required" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `idempotency_key_reused` (Idempotency key reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_reused";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    workspaces_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWorkspace"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body); `invalid_retention` (Invalid request); `invalid_name` (Invalid request); `nothing_to_change` (Invalid request); `idempotency_key_reused` (Idempotency key reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body" | "invalid_retention" | "invalid_name" | "nothing_to_change" | "idempotency_key_reused";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    api_keys_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Workspace slug */
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKey"][];
                };
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    api_keys_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKey"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKey"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `scope_not_held` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.step_up_required` (Recent MFA required); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "scope_not_held" | "csrf_token_invalid" | "mfa.step_up_required" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body); `invalid_name` (Invalid request); `invalid_scope` (Invalid request); `invalid_expiry` (Invalid request); `idempotency_key_reused` (Idempotency key reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body" | "invalid_name" | "invalid_scope" | "invalid_expiry" | "idempotency_key_reused";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    api_keys_revoke: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Key id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `idempotency_key_reused` (Idempotency key reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_reused";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    audit_events: {
        parameters: {
            query?: {
                /** @description Page size, 1–500 (default 50). */
                limit?: number | null;
                /** @description `next_cursor` of the previous page. */
                cursor?: string | null;
                /** @description Only this action, e.g. `api_key.revoked`. */
                action?: string | null;
                /** @description Only this actor: `user:<id>`, `key:<id>`, `system` or `anonymous`. */
                actor?: string | null;
                resource_type?: string | null;
                resource_id?: string | null;
                /** @description Only events at or after this time (RFC 3339). */
                from?: string | null;
                /** @description Only events before this time (RFC 3339). */
                to?: string | null;
            };
            header?: never;
            path: {
                /** @description Workspace slug */
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPage"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `invalid_limit` (Invalid query); `invalid_cursor` (Invalid query) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "invalid_limit" | "invalid_cursor";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    audit_export: {
        parameters: {
            query?: {
                /** @description `jsonl` (default) or `csv`. */
                format?: components["schemas"]["Format"];
                /** @description From the first event at or after this time (RFC 3339). */
                from?: string | null;
                /** @description To the last event before this time (RFC 3339). */
                to?: string | null;
            };
            header?: never;
            path: {
                /** @description Workspace slug */
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description JSON Lines (`format=jsonl`) or CSV (`format=csv`) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                    "text/csv": string;
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    audit_verify: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Workspace slug */
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerdict"];
                };
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    collections_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Workspace slug */
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Collection"][];
                };
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    collections_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCollection"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Collection"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `collection_exists` (Conflict); `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "collection_exists" | "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body); `invalid_collection_name` (Invalid collection name); `invalid_schema` (Invalid JSON Schema); `idempotency_key_reused` (Idempotency key reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body" | "invalid_collection_name" | "invalid_schema" | "idempotency_key_reused";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    collections_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Collection name */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Collection"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `collection_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "collection_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    collections_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Collection name */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted with its records */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `collection_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "collection_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `idempotency_key_reused` (Idempotency key reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_reused";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    collections_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Collection name */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCollection"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Collection"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `collection_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "collection_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body); `invalid_schema` (Invalid JSON Schema); `nothing_to_change` (Invalid request); `idempotency_key_reused` (Idempotency key reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body" | "invalid_schema" | "nothing_to_change" | "idempotency_key_reused";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    records_list: {
        parameters: {
            query?: {
                /** @description Page size, 1–200 (default 50) */
                limit?: number;
                /** @description `next_cursor` of the previous page */
                cursor?: string;
                /** @description Only records whose top-level `field` equals the value: a JSON scalar (`42`, `true`, `null`, `"42"`) or else a plain string; up to 10 */
                "filter[field]"?: string;
            };
            header?: never;
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Collection name */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordPage"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `invalid_query` (Invalid query); `invalid_limit` (Invalid query); `invalid_cursor` (Invalid query); `invalid_filter` (Invalid query) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "invalid_query" | "invalid_limit" | "invalid_cursor" | "invalid_filter";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `collection_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "collection_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    records_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Collection name */
                name: string;
            };
            cookie?: never;
        };
        /** @description The record: any JSON object up to 1 MiB */
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordData"];
            };
        };
        responses: {
            201: {
                headers: {
                    ETag?: string;
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Record"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `collection_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "collection_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body); `record_not_object` (Invalid record); `unsupported_character` (Invalid record); `record_too_large` (Invalid record); `idempotency_key_reused` (Idempotency key reused); `schema_violation` (Record does not match the collection schema) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body" | "record_not_object" | "unsupported_character" | "record_too_large" | "idempotency_key_reused" | "schema_violation";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    records_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Collection name */
                name: string;
                /** @description Record id (`rec_…`) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Record"];
                };
            };
            /** @description Unchanged since the `If-None-Match` ETag */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `collection_not_found` (Not found); `record_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "collection_not_found" | "record_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    records_replace: {
        parameters: {
            query?: never;
            header?: {
                /** @description Write only if the record's ETag is this */
                "If-Match"?: string | null;
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Collection name */
                name: string;
                /** @description Record id */
                id: string;
            };
            cookie?: never;
        };
        /** @description The new record: a JSON object up to 1 MiB */
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordData"];
            };
        };
        responses: {
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Record"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `collection_not_found` (Not found); `record_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "collection_not_found" | "record_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `write_conflict` (Conflict); `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "write_conflict" | "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `precondition_failed` (Precondition failed) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "precondition_failed";
                        /** @constant */
                        status?: 412;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body); `record_not_object` (Invalid record); `unsupported_character` (Invalid record); `record_too_large` (Invalid record); `idempotency_key_reused` (Idempotency key reused); `schema_violation` (Record does not match the collection schema) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body" | "record_not_object" | "unsupported_character" | "record_too_large" | "idempotency_key_reused" | "schema_violation";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    records_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Delete only if the record's ETag is this */
                "If-Match"?: string | null;
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Collection name */
                name: string;
                /** @description Record id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `collection_not_found` (Not found); `record_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "collection_not_found" | "record_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `write_conflict` (Conflict); `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "write_conflict" | "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `precondition_failed` (Precondition failed) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "precondition_failed";
                        /** @constant */
                        status?: 412;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `idempotency_key_reused` (Idempotency key reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_reused";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    records_patch: {
        parameters: {
            query?: never;
            header?: {
                /** @description Write only if the record's ETag is this */
                "If-Match"?: string | null;
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Collection name */
                name: string;
                /** @description Record id */
                id: string;
            };
            cookie?: never;
        };
        /** @description A JSON Merge Patch */
        requestBody: {
            content: {
                "application/merge-patch+json": components["schemas"]["RecordData"];
            };
        };
        responses: {
            200: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Record"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `collection_not_found` (Not found); `record_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "collection_not_found" | "record_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `write_conflict` (Conflict); `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "write_conflict" | "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `precondition_failed` (Precondition failed) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "precondition_failed";
                        /** @constant */
                        status?: 412;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body); `record_not_object` (Invalid record); `unsupported_character` (Invalid record); `record_too_large` (Invalid record); `idempotency_key_reused` (Idempotency key reused); `schema_violation` (Record does not match the collection schema) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body" | "record_not_object" | "unsupported_character" | "record_too_large" | "idempotency_key_reused" | "schema_violation";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    privacy_export_workspace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Workspace slug */
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A tar archive (`manifest.json` last) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-tar": unknown;
                };
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `mfa.step_up_required` (Recent MFA required); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "mfa.step_up_required" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    invitations_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Workspace slug */
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"][];
                };
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    invitations_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInvitation"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body); `invalid_email` (Invalid e-mail address); `invalid_role` (Invalid request); `idempotency_key_reused` (Idempotency key reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body" | "invalid_email" | "invalid_role" | "idempotency_key_reused";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    invitations_revoke: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Invitation id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `idempotency_key_reused` (Idempotency key reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_reused";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    workspaces_members: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Workspace slug */
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Member"][];
                };
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    workspaces_remove_member: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Member's user id */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `last_owner` (Last owner); `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "last_owner" | "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `idempotency_key_reused` (Idempotency key reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_reused";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    workspaces_change_role: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Member's user id */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeRole"];
            };
        };
        responses: {
            /** @description Changed */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `last_owner` (Last owner); `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "last_owner" | "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body); `invalid_role` (Invalid request); `idempotency_key_reused` (Idempotency key reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body" | "invalid_role" | "idempotency_key_reused";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    secrets_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Workspace slug */
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Secret"][];
                };
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    secrets_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Secret name */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Secret"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `secret_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "secret_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    secrets_put: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Secret name */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutSecret"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Secret"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Secret"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `write_conflict` (Conflict); `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "write_conflict" | "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body); `invalid_secret_name` (Invalid secret name); `invalid_secret_value` (Invalid secret value); `invalid_description` (Invalid request); `idempotency_key_reused` (Idempotency key reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body" | "invalid_secret_name" | "invalid_secret_value" | "invalid_description" | "idempotency_key_reused";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    secrets_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Secret name */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `secret_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "secret_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `idempotency_key_reused` (Idempotency key reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_reused";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    support_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Workspace slug */
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportGrant"][];
                };
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    support_grant: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrantSupportRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportGrant"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.step_up_required` (Recent MFA required); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.step_up_required" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body); `idempotency_key_reused` (Idempotency key reused); `invalid_support_duration` (Invalid request); `invalid_reason` (Invalid request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body" | "idempotency_key_reused" | "invalid_support_duration" | "invalid_reason";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    support_revoke: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Grant id (`sup_…`) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `support_grant_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "support_grant_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `idempotency_key_reused` (Idempotency key reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_reused";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    webhooks_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Workspace slug */
                ws: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"][];
                };
            };
            /** @description `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    webhooks_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhook"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhook"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `idempotency_key_in_use` (Idempotency key in use); `webhook_limit_reached` (Webhook limit reached) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_in_use" | "webhook_limit_reached";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body); `invalid_description` (Invalid request); `idempotency_key_reused` (Idempotency key reused); `invalid_webhook_url` (Webhook URL refused); `invalid_webhook_events` (Invalid request); `invalid_webhook_auth` (Invalid request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body" | "invalid_description" | "idempotency_key_reused" | "invalid_webhook_url" | "invalid_webhook_events" | "invalid_webhook_auth";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    webhooks_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `webhook_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "webhook_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    webhooks_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `webhook_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "webhook_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `idempotency_key_reused` (Idempotency key reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_reused";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    webhooks_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhook"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `malformed_json` (Malformed JSON); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "malformed_json" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `webhook_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "webhook_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `unsupported_media_type` (Unsupported media type) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unsupported_media_type";
                        /** @constant */
                        status?: 415;
                    };
                };
            };
            /** @description `invalid_body` (Invalid request body); `invalid_description` (Invalid request); `nothing_to_change` (Invalid request); `idempotency_key_reused` (Idempotency key reused); `invalid_webhook_url` (Webhook URL refused); `invalid_webhook_events` (Invalid request); `invalid_webhook_auth` (Invalid request) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "invalid_body" | "invalid_description" | "nothing_to_change" | "idempotency_key_reused" | "invalid_webhook_url" | "invalid_webhook_events" | "invalid_webhook_auth";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    webhooks_deliveries: {
        parameters: {
            query?: {
                /** @description How many of the latest attempts, 1–200 (default 50). */
                limit?: number | null;
            };
            header?: never;
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Delivery"][];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `invalid_query` (Invalid query); `invalid_limit` (Invalid query) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "invalid_query" | "invalid_limit";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `webhook_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "webhook_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    webhooks_redeliver: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Endpoint id */
                id: string;
                /** @description Message id (`msg_…`) */
                message_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueuedMessage"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `webhook_not_found` (Not found); `webhook_message_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "webhook_not_found" | "webhook_message_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `idempotency_key_reused` (Idempotency key reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_reused";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    webhooks_rotate_secret: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotatedSecret"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `webhook_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "webhook_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `write_conflict` (Conflict); `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "write_conflict" | "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `idempotency_key_reused` (Idempotency key reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_reused";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
    webhooks_test: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: a retry of a request that succeeded gets the first response (24 h, per caller and workspace) with `Idempotent-Replayed: true`; the same key on a different request is 422 `idempotency_key_reused`; while the first is running, 409 `idempotency_key_in_use`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description Workspace slug */
                ws: string;
                /** @description Endpoint id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueuedMessage"];
                };
            };
            /** @description `bad_request` (Bad request); `invalid_request_target` (Bad request); `invalid_idempotency_key` (Invalid idempotency key) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "bad_request" | "invalid_request_target" | "invalid_idempotency_key";
                        /** @constant */
                        status?: 400;
                    };
                };
            };
            /** @description `unauthenticated` (Authentication required); `invalid_token` (Invalid access token); `invalid_api_key` (Invalid API key); `session_expired` (Session expired); `session_revoked` (Session revoked) */
            401: {
                headers: {
                    /** @description The authentication challenge (RFC 6750). */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "unauthenticated" | "invalid_token" | "invalid_api_key" | "session_expired" | "session_revoked";
                        /** @constant */
                        status?: 401;
                    };
                };
            };
            /** @description `workspace_forbidden` (Forbidden); `permission_denied` (Permission denied); `csrf_token_invalid` (CSRF check failed); `mfa.enrollment_required` (MFA enrolment required) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "workspace_forbidden" | "permission_denied" | "csrf_token_invalid" | "mfa.enrollment_required";
                        /** @constant */
                        status?: 403;
                    };
                };
            };
            /** @description `webhook_not_found` (Not found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "webhook_not_found";
                        /** @constant */
                        status?: 404;
                    };
                };
            };
            /** @description `request_timeout` (Request timeout) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "request_timeout";
                        /** @constant */
                        status?: 408;
                    };
                };
            };
            /** @description `idempotency_key_in_use` (Idempotency key in use) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_in_use";
                        /** @constant */
                        status?: 409;
                    };
                };
            };
            /** @description `payload_too_large` (Payload too large) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "payload_too_large";
                        /** @constant */
                        status?: 413;
                    };
                };
            };
            /** @description `idempotency_key_reused` (Idempotency key reused) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "idempotency_key_reused";
                        /** @constant */
                        status?: 422;
                    };
                };
            };
            /** @description `rate_limited` (Too many requests) */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "rate_limited";
                        /** @constant */
                        status?: 429;
                    };
                };
            };
            /** @description `internal_error` (Internal server error) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "internal_error";
                        /** @constant */
                        status?: 500;
                    };
                };
            };
            /** @description `database_unavailable` (Database unavailable) */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again. */
                    "Retry-After": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"] & {
                        /** @enum {string} */
                        code?: "database_unavailable";
                        /** @constant */
                        status?: 503;
                    };
                };
            };
        };
    };
}
