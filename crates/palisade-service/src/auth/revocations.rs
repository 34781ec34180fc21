//! Revocations every node must honour at once. A node that revokes a session or forgets an API
//! key publishes a notice through Redis; the others drop what they cached as soon as it
//! arrives instead of within the caches' one-second freshness window (which still bounds what
//! a lost notice costs: without Redis, or while it is down, nothing else changes).

use crate::cluster::Cluster;
use crate::tasks::Background;
use palisade_core::SessionId;
use std::sync::Arc;
use tokio::sync::watch;

pub(crate) const CHANNEL: &str = "revocations";

/// What was revoked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Notice {
    Sessions(Vec<SessionId>),
    Keys(Vec<String>),
    AllKeys,
}

impl Notice {
    fn encode(&self) -> String {
        match self {
            Notice::Sessions(ids) => {
                let ids: Vec<String> = ids.iter().map(ToString::to_string).collect();
                format!("sessions {}", ids.join(" "))
            }
            Notice::Keys(ids) => format!("keys {}", ids.join(" ")),
            Notice::AllKeys => "all-keys".to_owned(),
        }
    }

    pub(crate) fn decode(text: &str) -> Option<Self> {
        let mut words = text.split(' ');
        match words.next()? {
            "sessions" => words
                .map(|id| id.parse().ok())
                .collect::<Option<Vec<SessionId>>>()
                .map(Notice::Sessions),
            "keys" => Some(Notice::Keys(words.map(str::to_owned).collect())),
            "all-keys" => Some(Notice::AllKeys),
            _ => None,
        }
    }
}

/// How far this node's subscription has got (tests wait on it instead of sleeping).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Feed {
    pub subscribed: bool,
    pub applied: u64,
}

/// Publishes this node's revocations, off the request path.
#[derive(Debug, Clone)]
pub(crate) struct Broadcast {
    cluster: Option<Arc<Cluster>>,
    tasks: Arc<Background>,
    feed: Arc<watch::Sender<Feed>>,
}

impl Broadcast {
    pub fn new(cluster: Option<Arc<Cluster>>, tasks: Arc<Background>) -> Self {
        Self {
            cluster,
            tasks,
            feed: Arc::new(watch::Sender::new(Feed::default())),
        }
    }

    pub fn send(&self, notice: &Notice) {
        let Some(cluster) = self.cluster.clone() else {
            return;
        };
        let message = notice.encode();
        self.tasks.spawn(async move {
            if let Err(err) = cluster.publish(CHANNEL, message).await {
                tracing::warn!(error = %err, "could not tell other nodes of a revocation; they honour it within a second");
            }
        });
    }

    pub fn cluster(&self) -> Option<&Arc<Cluster>> {
        self.cluster.as_ref()
    }

    pub fn feed(&self) -> watch::Receiver<Feed> {
        self.feed.subscribe()
    }

    pub fn note_subscribed(&self, subscribed: bool) {
        self.feed.send_modify(|feed| feed.subscribed = subscribed);
    }

    pub fn note_applied(&self) {
        self.feed.send_modify(|feed| feed.applied += 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_survive_their_encoding() {
        let session = SessionId::generate(&palisade_core::SystemClock, &palisade_core::OsSecureRng);
        for notice in [
            Notice::Sessions(vec![session, session]),
            Notice::Keys(vec!["k1".into(), "k2".into()]),
            Notice::AllKeys,
        ] {
            assert_eq!(Notice::decode(&notice.encode()), Some(notice));
        }
        assert_eq!(Notice::decode("sessions not-an-id"), None);
        assert_eq!(Notice::decode("reboot"), None);
    }
}
