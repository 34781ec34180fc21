//! Credential stuffing: many failed sign-ins from one address across many accounts. Each node
//! counts what it sees in a bounded window per address; once an address trips the policy it
//! is blocked in the database (every node refuses it, `palisade admin blocks` lists and lifts
//! it), audited as `security.ip_blocked`.

use super::{platform, Auth, AuthError};
use crate::audit::{Actor, Origin, Resource};
use palisade_core::audit::PLATFORM_LOG;
use palisade_store::IpBlock;
use std::collections::hash_map::RandomState;
use std::collections::{HashMap, HashSet, VecDeque};
use std::hash::BuildHasher;
use std::sync::Mutex;
use time::OffsetDateTime;

/// Addresses tracked at once; beyond this the quiet ones are forgotten first.
const MAX_ADDRESSES: usize = 10_000;

/// Recent failures per address: when, and a keyed hash of the account tried (the address
/// itself is never kept, only which distinct accounts it tried).
#[derive(Debug, Default)]
pub(super) struct Failures {
    seen: Mutex<HashMap<String, VecDeque<(OffsetDateTime, u64)>>>,
    accounts: RandomState,
}

impl Failures {
    /// Notes a failure; returns (failures, distinct accounts) in the window, and forgets the
    /// address's history when it trips the policy (the block takes over).
    fn note(
        &self,
        ip: &str,
        account: &str,
        now: OffsetDateTime,
        policy: &super::IpBlockPolicy,
    ) -> Option<(u32, u32)> {
        let tag = self.accounts.hash_one(account.trim().to_lowercase());
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        if seen.len() >= MAX_ADDRESSES && !seen.contains_key(ip) {
            seen.retain(|_, events| {
                events
                    .back()
                    .is_some_and(|(at, _)| now - *at < policy.window)
            });
            if seen.len() >= MAX_ADDRESSES {
                // Still full of active addresses: make room rather than grow without bound.
                seen.clear();
            }
        }
        let events = seen.entry(ip.to_owned()).or_default();
        events.push_back((now, tag));
        while events
            .front()
            .is_some_and(|(at, _)| now - *at >= policy.window)
        {
            events.pop_front();
        }
        let cap = usize::try_from(policy.failures)
            .unwrap_or(usize::MAX)
            .max(1);
        while events.len() > cap {
            events.pop_front();
        }
        let failures = u32::try_from(events.len()).unwrap_or(u32::MAX);
        let accounts = events
            .iter()
            .map(|(_, tag)| tag)
            .collect::<HashSet<_>>()
            .len();
        let accounts = u32::try_from(accounts).unwrap_or(u32::MAX);
        if failures >= policy.failures && accounts >= policy.accounts {
            seen.remove(ip);
            return Some((failures, accounts));
        }
        None
    }
}

impl Auth {
    /// Refuses a sign-in from an address under a block.
    pub(super) async fn refuse_blocked_address(
        &self,
        origin: &Origin,
        now: OffsetDateTime,
    ) -> Result<(), AuthError> {
        let Some(ip) = origin.ip.as_deref() else {
            return Ok(());
        };
        let Some(block) = self.deps.store.ip_block(ip, now).await? else {
            return Ok(());
        };
        self.audit.record(
            platform(Actor::Anonymous, "user.login", Resource::kind("user")).denied("ip_blocked"),
            origin,
        );
        let left = (block.blocked_until - now).whole_seconds().max(1);
        Err(AuthError::IpBlocked {
            retry_after_secs: u64::try_from(left).unwrap_or(1),
        })
    }

    /// Counts a failed sign-in for `account` from the request's address; blocks the address
    /// when the failures across accounts reach the policy.
    pub(super) async fn count_address_failure(
        &self,
        account: &str,
        now: OffsetDateTime,
        origin: &Origin,
    ) -> Result<(), AuthError> {
        let Some(ip) = origin.ip.as_deref() else {
            return Ok(());
        };
        let policy = self.config.ip_block;
        let Some((failures, accounts)) = self.stuffing.note(ip, account, now, &policy) else {
            return Ok(());
        };
        let event = self.audit.entry(
            platform(
                Actor::System,
                "security.ip_blocked",
                Resource::kind("ip_block"),
            )
            .because("credential_stuffing"),
            origin,
        );
        let block = IpBlock {
            ip: ip.to_owned(),
            blocked_until: now + policy.block_for,
            failures,
            accounts,
            created_at: now,
        };
        self.deps.store.block_ip(&block, &event).await?;
        self.audit.appended(PLATFORM_LOG);
        tracing::warn!(
            failures,
            accounts,
            "blocked an address for credential stuffing"
        );
        Ok(())
    }
}
