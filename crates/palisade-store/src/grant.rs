//! A workspace scope is what permission witnesses are granted over.

use crate::WorkspaceScope;
use palisade_core::{Granted, Holder, Permission};

impl Holder for WorkspaceScope {
    fn allows(&self, permission: Permission) -> bool {
        WorkspaceScope::allows(self, permission)
    }
}

/// Proof that a workspace scope holds permission `P`.
pub type Grant<P> = Granted<P, WorkspaceScope>;
