//! Creating, listing and revoking a workspace's API keys. A key's scopes are a subset of its
//! creator's permissions; only a verifier is stored, and the secret is shown once.

use super::{names, WorkspaceError};
use crate::audit::{Actor, Audit, Draft, Origin, Resource};
use crate::auth::api_keys::ApiKeys;
use crate::deps::Deps;
use palisade_core::grant::ManageKeys;
use palisade_core::Permission;
use palisade_store::{ApiKeyRecord, Grant};
use secrecy::SecretString;
use std::sync::Arc;
use time::OffsetDateTime;

/// A new key and its secret, which exists nowhere else.
#[derive(Debug)]
pub struct CreatedKey {
    pub record: ApiKeyRecord,
    pub secret: SecretString,
}

#[derive(Debug)]
pub struct KeyAdmin {
    deps: Deps,
    keys: Arc<ApiKeys>,
    audit: Audit,
}

/// Scopes whose keys need a step-up to create.
const STEP_UP_SCOPES: [Permission; 5] = [
    Permission::KeysManage,
    Permission::SettingsAdmin,
    Permission::SupportGrant,
    Permission::WorkspaceExport,
    Permission::WorkspaceDelete,
];

impl KeyAdmin {
    pub(crate) fn new(deps: Deps, keys: Arc<ApiKeys>, audit: Audit) -> Self {
        Self { deps, keys, audit }
    }

    fn draft(
        grant_scope: &palisade_store::WorkspaceScope,
        action: &'static str,
        key: &str,
    ) -> Draft {
        Draft::success(
            &grant_scope.workspace_id().to_string(),
            Actor::of(grant_scope),
            action,
            Resource::new("api_key", key),
        )
    }

    pub async fn create(
        &self,
        grant: &Grant<ManageKeys>,
        name: &str,
        scopes: &[String],
        expires_at: Option<OffsetDateTime>,
        origin: &Origin,
    ) -> Result<CreatedKey, WorkspaceError> {
        let name = names::display_name(name)?;
        let scope = grant.scope();
        let mut held = Vec::new();
        for raw in scopes {
            let permission: Permission = raw
                .parse()
                .map_err(|_| WorkspaceError::UnknownScope(raw.clone()))?;
            if !scope.allows(permission) {
                self.audit.record(
                    Draft::success(
                        &scope.workspace_id().to_string(),
                        Actor::of(scope),
                        "api_key.created",
                        Resource::kind("api_key"),
                    )
                    .denied("scope_not_held"),
                    origin,
                );
                return Err(WorkspaceError::ScopeNotHeld(permission));
            }
            if !held.contains(&permission) {
                held.push(permission);
            }
        }
        if held.is_empty() {
            return Err(WorkspaceError::NoScopes);
        }
        // A key that can make keys, change settings, grant support or delete the workspace is
        // as strong as its creator at their most powerful: it needs a fresh second factor.
        if held.iter().any(|p| STEP_UP_SCOPES.contains(p)) {
            crate::auth::step_up::require_for_scope(&self.deps, scope).await?;
        }
        let now = self.deps.now();
        if expires_at.is_some_and(|at| at <= now) {
            return Err(WorkspaceError::ExpiryInPast);
        }
        let key_id = palisade_core::id::new_ulid_text(self.deps.clock(), self.deps.rng());
        let generated = self.keys.hasher.generate(&key_id, self.deps.rng());
        let record = ApiKeyRecord {
            id: key_id,
            name,
            scopes: held,
            verifier: generated.verifier.clone(),
            created_by: scope.actor(),
            created_at: now,
            expires_at,
            last_used_at: None,
        };
        let event = self
            .audit
            .entry(Self::draft(scope, "api_key.created", &record.id), origin);
        self.deps
            .store
            .create_api_key(grant, &record, &event)
            .await?;
        self.audit.appended(&event.log);
        Ok(CreatedKey {
            record,
            secret: generated.full,
        })
    }

    /// The workspace's keys, without secrets.
    pub async fn list(
        &self,
        grant: &Grant<ManageKeys>,
    ) -> Result<Vec<ApiKeyRecord>, WorkspaceError> {
        Ok(self.deps.store.api_keys(grant.scope()).await?)
    }

    /// Revokes a key; this node refuses it at once, other nodes within a second.
    pub async fn revoke(
        &self,
        grant: &Grant<ManageKeys>,
        id: &str,
        origin: &Origin,
    ) -> Result<(), WorkspaceError> {
        let event = self
            .audit
            .entry(Self::draft(grant.scope(), "api_key.revoked", id), origin);
        let revoked = self
            .deps
            .store
            .revoke_api_key(grant, id, self.deps.now(), &event)
            .await?;
        self.audit.appended(&event.log);
        if !revoked {
            return Err(WorkspaceError::KeyNotFound);
        }
        self.keys.forget(&[id.to_owned()]);
        Ok(())
    }
}
