//! What the limits are: three classes of request, each a rate per minute with a burst, set
//! for the whole deployment and, where an operator chooses, for one workspace.

use std::collections::BTreeMap;
use std::time::Duration;

/// Which budget a request spends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Class {
    /// GET and HEAD.
    Read,
    /// Every other method.
    Write,
    /// Sign-up, sign-in, refresh, password reset and MFA: the routes guessing goes through.
    Auth,
}

impl Class {
    pub const ALL: [Class; 3] = [Class::Read, Class::Write, Class::Auth];

    /// The policy's name in `RateLimit-Policy` and in audit events.
    pub fn name(self) -> &'static str {
        match self {
            Class::Read => "read",
            Class::Write => "write",
            Class::Auth => "auth",
        }
    }
}

/// A sustained rate and how many requests may come at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rate {
    pub per_minute: u32,
    pub burst: u32,
}

impl Rate {
    pub const WINDOW: Duration = Duration::from_secs(60);

    /// The spacing GCRA keeps between requests at the sustained rate.
    pub fn interval(self) -> Duration {
        Self::WINDOW / self.per_minute.max(1)
    }
}

/// A workspace's own read and write rates (sign-in has no workspace, so no auth rate).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WorkspaceRates {
    pub read: Option<Rate>,
    pub write: Option<Rate>,
}

/// Every limit of the deployment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LimitsConfig {
    pub read: Rate,
    pub write: Rate,
    pub auth: Rate,
    /// By workspace slug.
    pub workspaces: BTreeMap<String, WorkspaceRates>,
}

impl Default for LimitsConfig {
    fn default() -> Self {
        Self {
            read: Rate {
                per_minute: 60,
                burst: 20,
            },
            write: Rate {
                per_minute: 30,
                burst: 10,
            },
            auth: Rate {
                per_minute: 10,
                burst: 5,
            },
            workspaces: BTreeMap::new(),
        }
    }
}

impl LimitsConfig {
    /// The rate of `class`, in workspace `slug` when given.
    pub fn rate(&self, class: Class, slug: Option<&str>) -> Rate {
        let own = slug.and_then(|slug| self.workspaces.get(slug));
        match class {
            Class::Read => own.and_then(|w| w.read).unwrap_or(self.read),
            Class::Write => own.and_then(|w| w.write).unwrap_or(self.write),
            Class::Auth => self.auth,
        }
    }
}
