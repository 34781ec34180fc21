//! What a workspace slug may be.

use super::WorkspaceError;
use palisade_core::DisplayName;

/// Slugs that would collide with the console's and the API's own paths.
pub const RESERVED_SLUGS: &[&str] = &[
    "admin",
    "api",
    "app",
    "assets",
    "auth",
    "billing",
    "docs",
    "help",
    "invitations",
    "login",
    "logout",
    "me",
    "new",
    "palisade",
    "root",
    "security",
    "settings",
    "signup",
    "static",
    "status",
    "support",
    "system",
    "www",
    "workspaces",
];

/// A slug: 3–40 of a-z, 0-9 and `-`, not starting or ending with `-`, not reserved.
pub fn check_slug(slug: &str) -> Result<(), WorkspaceError> {
    let shape = (3..=40).contains(&slug.len())
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-');
    if !shape {
        return Err(WorkspaceError::InvalidSlug);
    }
    if RESERVED_SLUGS.contains(&slug) {
        return Err(WorkspaceError::ReservedSlug);
    }
    Ok(())
}

pub(crate) fn display_name(raw: &str) -> Result<String, WorkspaceError> {
    DisplayName::parse(raw)
        .map(DisplayName::into_string)
        .map_err(|_| WorkspaceError::InvalidName)
}
