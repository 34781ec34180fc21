//! Rate limits: GCRA budgets per principal (an API key, a session, or the client's address
//! when no credential was proven), in three classes. In-process by default; with Redis every
//! node spends one shared budget, and if Redis stops answering the node limits in-process
//! until it answers again (never no limits). Refusals are audited, at most one event per
//! principal and class a minute, so a flood cannot grow the audit log.

mod local;
mod policy;
mod shared;

pub use policy::{Class, LimitsConfig, Rate, WorkspaceRates};

use crate::audit::{Actor, Audit, Draft, Origin, Resource};
use crate::cluster::Cluster;
use palisade_core::audit::PLATFORM_LOG;
use palisade_core::{Clock, SessionId, UserId};
use palisade_store::WorkspaceScope;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use time::OffsetDateTime;

/// Who spends a budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject<'a> {
    /// A verified API key, by id.
    ApiKey(&'a str),
    /// A verified session.
    Session { id: SessionId, user: UserId },
    /// No credential proven: the client's address (an IPv6 client's whole /64).
    Address(IpAddr),
}

impl Subject<'_> {
    fn key(&self) -> String {
        match self {
            Subject::ApiKey(id) => format!("key:{id}"),
            Subject::Session { id, .. } => format!("ses:{id}"),
            Subject::Address(ip) => format!("ip:{}", crate::auth::address_source(*ip)),
        }
    }

    fn actor(&self) -> Actor {
        match self {
            Subject::ApiKey(id) => Actor::ApiKey((*id).to_owned()),
            Subject::Session { user, .. } => Actor::User(*user),
            Subject::Address(_) => Actor::Anonymous,
        }
    }
}

/// The outcome of spending one request, with what the `RateLimit` headers report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub class: Class,
    pub rate: Rate,
    /// Requests that may still come at once.
    pub remaining: u32,
    /// Until the budget is whole again (allowed), or until the next request may come (refused).
    pub reset: Duration,
    pub allowed: bool,
}

impl Verdict {
    fn allowed(rate: Rate, remaining: u32) -> Self {
        let spent = rate.burst.saturating_sub(remaining);
        Self {
            class: Class::Read,
            rate,
            remaining,
            reset: rate.interval() * spent,
            allowed: true,
        }
    }

    fn refused(rate: Rate, wait: Duration) -> Self {
        Self {
            class: Class::Read,
            rate,
            remaining: 0,
            reset: wait,
            allowed: false,
        }
    }

    fn of(mut self, class: Class) -> Self {
        self.class = class;
        self
    }

    /// Whole seconds until `reset`, rounded up (a client waiting this long is not refused).
    pub fn reset_secs(&self) -> u64 {
        let whole = self.reset.as_secs();
        if self.reset.subsec_nanos() > 0 {
            whole + 1
        } else {
            whole
        }
    }
}

/// Refusals audited per principal and class at most once in this period.
const AUDIT_REFUSALS_EVERY: time::Duration = time::Duration::minutes(1);
/// Principals whose last audited refusal is remembered; beyond it refusals are only logged.
const MAX_REMEMBERED: usize = 10_000;

/// The rate-limit service.
#[derive(Debug)]
pub struct Limits {
    config: LimitsConfig,
    local: local::LocalLimits,
    shared: Option<Arc<Cluster>>,
    clock: Arc<dyn Clock>,
    audit: Audit,
    audited: Mutex<HashMap<String, OffsetDateTime>>,
}

impl Limits {
    pub fn new(
        config: LimitsConfig,
        clock: Arc<dyn Clock>,
        shared: Option<Arc<Cluster>>,
        audit: Audit,
    ) -> Self {
        Self {
            config,
            local: local::LocalLimits::new(Arc::clone(&clock)),
            shared,
            clock,
            audit,
            audited: Mutex::new(HashMap::new()),
        }
    }

    pub fn config(&self) -> &LimitsConfig {
        &self.config
    }

    /// The rate `class` has in `workspace` (or the deployment's, without one).
    pub fn rate(&self, class: Class, workspace: Option<&WorkspaceScope>) -> Rate {
        self.config.rate(class, workspace.map(WorkspaceScope::slug))
    }

    /// Spends one request of `subject`'s `class` budget (in `workspace`'s, when the request is
    /// for one). A refusal is audited, sampled.
    pub async fn check(
        &self,
        class: Class,
        subject: &Subject<'_>,
        workspace: Option<&WorkspaceScope>,
        origin: &Origin,
    ) -> Verdict {
        let rate = self.rate(class, workspace);
        let within = workspace.map_or_else(|| "-".to_owned(), |w| w.workspace_id().to_string());
        let key = format!("{}:{within}:{}", class.name(), subject.key());
        let verdict = match &self.shared {
            Some(cluster) => {
                let now = crate::audit::micros(self.clock.now());
                match shared::check(cluster, &key, rate, now).await {
                    Ok(verdict) => verdict,
                    Err(err) => {
                        tracing::warn!(error = %err, "shared rate limits unavailable; limiting in-process");
                        self.local.check(&key, rate)
                    }
                }
            }
            None => self.local.check(&key, rate),
        }
        .of(class);
        if !verdict.allowed {
            self.audit_refusal(class, subject, workspace, &key, origin);
        }
        verdict
    }

    fn audit_refusal(
        &self,
        class: Class,
        subject: &Subject<'_>,
        workspace: Option<&WorkspaceScope>,
        key: &str,
        origin: &Origin,
    ) {
        let now = self.clock.now();
        {
            let mut audited = self.audited.lock().unwrap_or_else(|e| e.into_inner());
            if audited
                .get(key)
                .is_some_and(|at| now - *at < AUDIT_REFUSALS_EVERY)
            {
                return;
            }
            if audited.len() >= MAX_REMEMBERED && !audited.contains_key(key) {
                audited.retain(|_, at| now - *at < AUDIT_REFUSALS_EVERY);
                if audited.len() >= MAX_REMEMBERED {
                    tracing::warn!(
                        class = class.name(),
                        "rate-limit refusal not audited: too many principals refused at once"
                    );
                    return;
                }
            }
            audited.insert(key.to_owned(), now);
        }
        let log =
            workspace.map_or_else(|| PLATFORM_LOG.to_owned(), |w| w.workspace_id().to_string());
        self.audit.record(
            Draft::success(
                &log,
                subject.actor(),
                "security.rate_limited",
                Resource::new("rate_limit", class.name()),
            )
            .denied("rate_limited"),
            origin,
        );
    }

    /// Whether this deployment shares limits and revocations through Redis.
    pub fn is_shared(&self) -> bool {
        self.shared.is_some()
    }

    /// Whether limits are shared now: `None` without Redis, `Some(false)` while it is down.
    pub async fn shared_state(&self) -> Option<bool> {
        let cluster = self.shared.as_ref()?;
        Some(cluster.ping().await.is_ok())
    }

    /// Periodic upkeep: forget budgets that have refilled and refusals audited long ago.
    pub fn tidy(&self) {
        self.local.tidy();
        let now = self.clock.now();
        self.audited
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|_, at| now - *at < AUDIT_REFUSALS_EVERY);
    }

    /// Budgets held in this process (bounded: refilled ones are forgotten).
    pub fn tracked(&self) -> usize {
        self.local.tracked()
    }
}
