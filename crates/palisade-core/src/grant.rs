//! Permission witnesses. A `Granted<P, S>` can only be made by checking that scope `S` allows
//! `P`'s permission, and one permission's witness never turns into another's. Service methods
//! ask for the witness of what they do, so code holding only a read grant cannot call a write:
//! the compiler refuses it (see `tests/ui/`).

use crate::Permission;
use std::fmt;
use std::marker::PhantomData;

/// Names one permission at the type level.
pub trait Permit: Send + Sync + 'static {
    const PERMISSION: Permission;
}

/// Something that knows which permissions it carries (a workspace scope).
pub trait Holder {
    fn allows(&self, permission: Permission) -> bool;
}

macro_rules! permits {
    ($($(#[$doc:meta])* $name:ident => $permission:ident),* $(,)?) => {
        $(
            $(#[$doc])*
            #[derive(Debug, Clone, Copy)]
            pub struct $name;
            impl Permit for $name {
                const PERMISSION: Permission = Permission::$permission;
            }
        )*
    };
}

permits! {
    /// `workspace:read`
    ReadWorkspace => WorkspaceRead,
    /// `settings:admin`
    AdministerSettings => SettingsAdmin,
    /// `members:manage`
    ManageMembers => MembersManage,
    /// `keys:manage`
    ManageKeys => KeysManage,
    /// `workspace:delete`
    DeleteWorkspace => WorkspaceDelete,
    /// `workspace:export`
    ExportWorkspace => WorkspaceExport,
    /// `records:read`
    ReadRecords => RecordsRead,
    /// `records:write`
    WriteRecords => RecordsWrite,
    /// `collections:manage`
    ManageCollections => CollectionsManage,
    /// `audit:read`
    ReadAudit => AuditRead,
    /// `secrets:manage`
    ManageSecrets => SecretsManage,
    /// `support:grant`
    GrantSupport => SupportGrant,
    /// `webhooks:manage`
    ManageWebhooks => WebhooksManage,
}

/// Proof that `scope` allows `P`. The field is private: `check` is the only way in.
pub struct Granted<P: Permit, S> {
    scope: S,
    permit: PhantomData<fn() -> P>,
}

impl<P: Permit, S: Holder> Granted<P, S> {
    /// The witness, if `scope` holds `P`'s permission; otherwise the scope back.
    pub fn check(scope: S) -> Result<Self, S> {
        if scope.allows(P::PERMISSION) {
            Ok(Self {
                scope,
                permit: PhantomData,
            })
        } else {
            Err(scope)
        }
    }
}

impl<P: Permit, S> Granted<P, S> {
    /// The scope the permission was granted in, for the store calls it guards.
    pub fn scope(&self) -> &S {
        &self.scope
    }
}

impl<P: Permit, S: fmt::Debug> fmt::Debug for Granted<P, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Granted")
            .field("permission", &P::PERMISSION)
            .field("scope", &self.scope)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Holds(&'static [Permission]);

    impl Holder for Holds {
        fn allows(&self, permission: Permission) -> bool {
            self.0.contains(&permission)
        }
    }

    #[test]
    fn a_grant_is_made_only_for_a_permission_the_scope_holds() {
        let reader = Holds(&[Permission::RecordsRead]);
        let reader = match Granted::<WriteRecords, _>::check(reader) {
            Ok(_) => panic!("a reader was granted records:write"),
            Err(back) => back,
        };
        assert!(Granted::<ReadRecords, _>::check(reader).is_ok());
    }
}
