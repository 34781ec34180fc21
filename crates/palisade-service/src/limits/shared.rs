//! Limits shared by every node through Redis: the same GCRA as governor computes in-process,
//! done atomically by one script, so nodes behind a load balancer spend one budget.

use super::policy::Rate;
use super::Verdict;
use crate::cluster::{Cluster, ClusterError};
use std::sync::OnceLock;
use std::time::Duration;

/// KEYS[1] holds the key's theoretical arrival time (µs). ARGV: now (µs), the interval between
/// requests at the sustained rate (µs), the burst. Answers {allowed, remaining, wait (µs)}.
/// Time comes from the caller's injected clock, so tests move it as they do in-process.
const GCRA: &str = r"
local now = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local tolerance = interval * burst
local tat = tonumber(redis.call('GET', KEYS[1]))
if tat == nil or tat < now then tat = now end
local next_tat = tat + interval
local allow_at = next_tat - tolerance
if now < allow_at then
  return {0, 0, allow_at - now}
end
redis.call('SET', KEYS[1], string.format('%d', next_tat), 'PX', math.ceil((next_tat - now) / 1000) + 1000)
return {1, math.floor((now + tolerance - next_tat) / interval), 0}
";

fn script() -> &'static redis::Script {
    static SCRIPT: OnceLock<redis::Script> = OnceLock::new();
    SCRIPT.get_or_init(|| redis::Script::new(GCRA))
}

fn micros(duration: Duration) -> i64 {
    i64::try_from(duration.as_micros()).unwrap_or(i64::MAX)
}

/// Spends one request of `key`'s budget at `rate`, at `now_micros` (Unix µs).
pub(super) async fn check(
    cluster: &Cluster,
    key: &str,
    rate: Rate,
    now_micros: i64,
) -> Result<Verdict, ClusterError> {
    let key = cluster.name(&format!("rl:{key}"));
    let interval = micros(rate.interval()).max(1);
    let burst = i64::from(rate.burst.max(1));
    let (allowed, remaining, wait): (i64, i64, i64) = cluster
        .run(|mut connection| async move {
            script()
                .key(key)
                .arg(now_micros)
                .arg(interval)
                .arg(burst)
                .invoke_async(&mut connection)
                .await
        })
        .await?;
    Ok(if allowed == 1 {
        Verdict::allowed(rate, u32::try_from(remaining.max(0)).unwrap_or(0))
    } else {
        Verdict::refused(
            rate,
            Duration::from_micros(u64::try_from(wait.max(0)).unwrap_or(0)),
        )
    })
}
