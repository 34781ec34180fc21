//! Workspace roles and what each may do. This table is the single source of truth for
//! authorization: extractors ask `Role::allows`, the README prints `Role::permissions`.

use std::fmt;
use std::str::FromStr;

/// What an action on a workspace needs, as `resource:action`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Permission {
    WorkspaceRead,
    RecordsRead,
    RecordsWrite,
    CollectionsManage,
    MembersManage,
    KeysManage,
    SecretsManage,
    WebhooksManage,
    AuditRead,
    SettingsAdmin,
    SupportGrant,
    WorkspaceExport,
    WorkspaceDelete,
}

impl Permission {
    pub const ALL: [Permission; 13] = [
        Permission::WorkspaceRead,
        Permission::RecordsRead,
        Permission::RecordsWrite,
        Permission::CollectionsManage,
        Permission::MembersManage,
        Permission::KeysManage,
        Permission::SecretsManage,
        Permission::WebhooksManage,
        Permission::AuditRead,
        Permission::SettingsAdmin,
        Permission::SupportGrant,
        Permission::WorkspaceExport,
        Permission::WorkspaceDelete,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Permission::WorkspaceRead => "workspace:read",
            Permission::RecordsRead => "records:read",
            Permission::RecordsWrite => "records:write",
            Permission::CollectionsManage => "collections:manage",
            Permission::MembersManage => "members:manage",
            Permission::KeysManage => "keys:manage",
            Permission::SecretsManage => "secrets:manage",
            Permission::WebhooksManage => "webhooks:manage",
            Permission::AuditRead => "audit:read",
            Permission::SettingsAdmin => "settings:admin",
            Permission::SupportGrant => "support:grant",
            Permission::WorkspaceExport => "workspace:export",
            Permission::WorkspaceDelete => "workspace:delete",
        }
    }

    /// Whether it only reads (what support access may do).
    pub fn is_read(self) -> bool {
        matches!(
            self,
            Permission::WorkspaceRead | Permission::RecordsRead | Permission::AuditRead
        )
    }
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Permission {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Permission::ALL
            .into_iter()
            .find(|p| p.as_str() == s)
            .ok_or(UnknownName)
    }
}

/// A member's role in a workspace, from most to least powerful.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    Viewer,
    Member,
    Admin,
    Owner,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("unknown name")]
pub struct UnknownName;

impl Permission {
    /// The least powerful role holding this permission. Roles nest strictly (each holds
    /// everything the roles below it hold), so this one column is the whole table.
    pub fn minimum_role(self) -> Role {
        match self {
            Permission::WorkspaceRead | Permission::RecordsRead => Role::Viewer,
            Permission::RecordsWrite => Role::Member,
            Permission::CollectionsManage
            | Permission::MembersManage
            | Permission::KeysManage
            | Permission::SecretsManage
            | Permission::WebhooksManage
            | Permission::AuditRead
            | Permission::SettingsAdmin => Role::Admin,
            Permission::SupportGrant
            | Permission::WorkspaceExport
            | Permission::WorkspaceDelete => Role::Owner,
        }
    }
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Owner, Role::Admin, Role::Member, Role::Viewer];

    /// Every permission this role holds, in table order.
    pub fn permissions(self) -> Vec<Permission> {
        Permission::ALL
            .into_iter()
            .filter(|p| self.allows(*p))
            .collect()
    }

    pub fn allows(self, permission: Permission) -> bool {
        self >= permission.minimum_role()
    }

    /// Whether someone with this role may give `other` to a member (or take it away):
    /// nobody grants above their own role, and only owners grant or remove `owner`.
    pub fn may_assign(self, other: Role) -> bool {
        self.allows(Permission::MembersManage)
            && other <= self
            && (other != Role::Owner || self == Role::Owner)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Owner => "owner",
            Role::Admin => "admin",
            Role::Member => "member",
            Role::Viewer => "viewer",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Role {
    type Err = UnknownName;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or(UnknownName)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's table, row by row: (permission, owner, admin, member, viewer).
    const TABLE: &[(&str, [bool; 4])] = &[
        ("workspace:read", [true, true, true, true]),
        ("records:read", [true, true, true, true]),
        ("records:write", [true, true, true, false]),
        ("collections:manage", [true, true, false, false]),
        ("members:manage", [true, true, false, false]),
        ("keys:manage", [true, true, false, false]),
        ("secrets:manage", [true, true, false, false]),
        ("webhooks:manage", [true, true, false, false]),
        ("audit:read", [true, true, false, false]),
        ("settings:admin", [true, true, false, false]),
        ("support:grant", [true, false, false, false]),
        ("workspace:export", [true, false, false, false]),
        ("workspace:delete", [true, false, false, false]),
    ];

    #[test]
    fn every_role_has_exactly_the_permissions_of_the_table() {
        assert_eq!(
            TABLE.len(),
            Permission::ALL.len(),
            "every permission has a row"
        );
        for (name, expected) in TABLE {
            let permission: Permission = name.parse().unwrap();
            for (role, allowed) in Role::ALL.into_iter().zip(expected) {
                assert_eq!(role.allows(permission), *allowed, "{role} / {name}");
            }
        }
    }

    #[test]
    fn roles_and_permissions_round_trip_through_their_names() {
        for role in Role::ALL {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
        for permission in Permission::ALL {
            assert_eq!(permission.as_str().parse::<Permission>(), Ok(permission));
        }
        assert!("superuser".parse::<Role>().is_err());
    }

    #[test]
    fn nobody_assigns_above_their_own_role_and_only_owners_assign_owner() {
        assert!(Role::Owner.may_assign(Role::Owner));
        assert!(Role::Owner.may_assign(Role::Admin));
        assert!(!Role::Admin.may_assign(Role::Owner));
        assert!(Role::Admin.may_assign(Role::Admin));
        assert!(Role::Admin.may_assign(Role::Viewer));
        assert!(
            !Role::Member.may_assign(Role::Viewer),
            "members cannot manage members"
        );
        assert!(!Role::Viewer.may_assign(Role::Viewer));
    }

    #[test]
    fn higher_roles_include_everything_lower_roles_may_do() {
        for pair in Role::ALL.windows(2) {
            let (higher, lower) = (pair[0], pair[1]);
            assert!(
                lower.permissions().iter().all(|p| higher.allows(*p)),
                "{higher} ⊇ {lower}"
            );
        }
    }
}
