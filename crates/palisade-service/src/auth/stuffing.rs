//! Credential stuffing: many failed sign-ins from one address across many accounts, counted in
//! a bounded window per source (an IPv4 address, an IPv6 /64): in Redis when the deployment
//! has it (every node adds to one count), else by each node for what it sees. Once a source
//! trips the policy the address is blocked in the database (every node refuses it, `palisade
//! admin blocks` lists and lifts it), audited as `security.ip_blocked`.

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

/// Recent failures per source, in memory only: when, and a keyed hash of the account tried
/// (only which distinct accounts were tried, never which).
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
        let source = source_of(ip);
        let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
        if seen.len() >= MAX_ADDRESSES && !seen.contains_key(&source) {
            seen.retain(|_, events| {
                events
                    .back()
                    .is_some_and(|(at, _)| now - *at < policy.window)
            });
            if seen.len() >= MAX_ADDRESSES {
                // Still full of active sources: forget the quietest tenth (the oldest last
                // failure) rather than grow without bound or forget everyone.
                let mut last: Vec<(OffsetDateTime, String)> = seen
                    .iter()
                    .filter_map(|(key, events)| events.back().map(|(at, _)| (*at, key.clone())))
                    .collect();
                last.sort();
                for (_, key) in last.into_iter().take(MAX_ADDRESSES / 10) {
                    seen.remove(&key);
                }
            }
        }
        let events = seen.entry(source.clone()).or_default();
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
            seen.remove(&source);
            return Some((failures, accounts));
        }
        None
    }
}

/// Where failures are counted: an IPv4 address, or an IPv6 /64 (one host's usual share, so
/// rotating addresses inside it does not dodge the count). Rate limits key addresses the same way.
pub fn address_source(ip: std::net::IpAddr) -> String {
    match ip {
        std::net::IpAddr::V6(v6) => {
            let s = v6.segments();
            format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
        }
        std::net::IpAddr::V4(v4) => v4.to_string(),
    }
}

fn source_of(ip: &str) -> String {
    ip.parse()
        .map(address_source)
        .unwrap_or_else(|_| ip.to_owned())
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
        let shared = match self.broadcast.cluster() {
            Some(cluster) => self
                .note_shared(cluster, ip, account, now, &policy)
                .await
                .map_err(|err| {
                    tracing::warn!(error = %err, "shared sign-in failure counts unavailable; counting in-process");
                })
                .ok(),
            None => None,
        };
        let tripped = match shared {
            Some(tripped) => tripped,
            None => self.stuffing.note(ip, account, now, &policy),
        };
        let Some((failures, accounts)) = tripped else {
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

/// KEYS[1]: a source's recent failures, a sorted set scored by time (µs), each member the
/// tried account's keyed tag and a nonce. ARGV: now, window, member, most kept, failures and
/// accounts that trip. Answers {failures, distinct accounts, tripped}; a tripped source's
/// history is forgotten (the block takes over), so exactly one node records the block.
const STUFFING: &str = r"
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZADD', KEYS[1], now, ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local cap = tonumber(ARGV[4])
local n = redis.call('ZCARD', KEYS[1])
if n > cap then redis.call('ZREMRANGEBYRANK', KEYS[1], 0, n - cap - 1) end
redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000) + 1000)
local seen = {}
local accounts = 0
local members = redis.call('ZRANGE', KEYS[1], 0, -1)
for _, member in ipairs(members) do
  local tag = string.match(member, '^([^/]+)/')
  if tag and not seen[tag] then seen[tag] = true; accounts = accounts + 1 end
end
local tripped = 0
if #members >= tonumber(ARGV[5]) and accounts >= tonumber(ARGV[6]) then
  redis.call('DEL', KEYS[1])
  tripped = 1
end
return {#members, accounts, tripped}
";

impl Auth {
    /// Counts a failure in Redis; `Some` when this one tripped the policy.
    async fn note_shared(
        &self,
        cluster: &crate::cluster::Cluster,
        ip: &str,
        account: &str,
        now: OffsetDateTime,
        policy: &super::IpBlockPolicy,
    ) -> Result<Option<(u32, u32)>, crate::cluster::ClusterError> {
        static SCRIPT: std::sync::OnceLock<redis::Script> = std::sync::OnceLock::new();
        let script = SCRIPT.get_or_init(|| redis::Script::new(STUFFING));
        let key = cluster.name(&format!("stuffing:{}", source_of(ip)));
        let tag = self.account_tags.hash(&account.trim().to_lowercase());
        let mut nonce = [0u8; 8];
        self.deps.rng().fill(&mut nonce);
        let member = format!("{}/{}", tag, u64::from_be_bytes(nonce));
        let window = i64::try_from(policy.window.whole_microseconds()).unwrap_or(i64::MAX);
        let now = crate::audit::micros(now);
        let (failures, accounts, tripped): (i64, i64, i64) = cluster
            .run(|mut connection| async move {
                script
                    .key(key)
                    .arg(now)
                    .arg(window)
                    .arg(member)
                    .arg(policy.failures)
                    .arg(policy.failures)
                    .arg(policy.accounts)
                    .invoke_async(&mut connection)
                    .await
            })
            .await?;
        let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
        Ok((tripped == 1).then(|| (count(failures), count(accounts))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::IpBlockPolicy;
    use time::macros::datetime;

    const T: OffsetDateTime = datetime!(2026-12-04 12:00 UTC);

    #[test]
    fn addresses_inside_one_ipv6_64_count_together() {
        let failures = Failures::default();
        let policy = IpBlockPolicy::default();
        let mut tripped = None;
        for n in 0..20u32 {
            let ip = format!("2001:db8:1:2::{n:x}");
            let account = format!("victim{}@example.com", n % 5);
            tripped = tripped.or(failures.note(&ip, &account, T, &policy));
        }
        assert_eq!(tripped, Some((20, 5)));
        assert_eq!(
            source_of("2001:db8:1:2::1"),
            source_of("2001:db8:1:2:ffff::9")
        );
        assert_ne!(source_of("2001:db8:1:2::1"), source_of("2001:db8:1:3::1"));
        assert_eq!(source_of("203.0.113.9"), "203.0.113.9");
    }

    #[test]
    fn a_full_table_forgets_the_sources_quiet_longest_and_stays_bounded() {
        let failures = Failures::default();
        let policy = IpBlockPolicy::default();
        for _ in 0..19 {
            failures.note("198.51.100.1", "a@example.com", T, &policy);
        }
        for n in 0..MAX_ADDRESSES {
            let ip = format!("10.{}.{}.{}", n / 65536, (n / 256) % 256, n % 256);
            failures.note(
                &ip,
                "x@example.com",
                T + time::Duration::seconds(1),
                &policy,
            );
        }
        let seen = failures.seen.lock().unwrap();
        assert!(seen.len() <= MAX_ADDRESSES);
        assert_eq!(
            seen.get("198.51.100.1").map(VecDeque::len),
            None,
            "the oldest went first"
        );
        drop(seen);
        // The busy source's history is gone only because it was the oldest; a fresh one stays.
        failures.note(
            "198.51.100.2",
            "b@example.com",
            T + time::Duration::seconds(2),
            &policy,
        );
        assert!(failures.seen.lock().unwrap().contains_key("198.51.100.2"));
    }
}
