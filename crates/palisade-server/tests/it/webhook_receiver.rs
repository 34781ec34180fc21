//! A webhook receiver on loopback for the tests: it keeps what it is sent and answers with
//! the statuses a test scripts (200 once the script runs out).

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::mpsc;

#[derive(Debug, Clone)]
pub struct Received {
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Received {
    pub fn header(&self, name: &str) -> String {
        self.headers[name].to_str().unwrap().to_owned()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap()
    }
}

/// The statuses (and `Location`s) of the next answers.
type Script = Arc<Mutex<VecDeque<Answer>>>;

/// A status, and a `Location` or a body to send with it.
#[derive(Debug, Clone)]
enum Answer {
    Status(u16),
    Redirect(String),
    Body(u16, String),
}

#[derive(Clone)]
struct Shared {
    sent: mpsc::UnboundedSender<Received>,
    script: Script,
}

pub struct Receiver {
    pub addr: SocketAddr,
    pub url: String,
    inbox: tokio::sync::Mutex<mpsc::UnboundedReceiver<Received>>,
    script: Script,
    server: tokio::task::JoinHandle<()>,
}

async fn receive(
    State(shared): State<Shared>,
    headers: HeaderMap,
    body: Bytes,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let _ = shared.sent.send(Received {
        headers,
        body: body.to_vec(),
    });
    let next = shared.script.lock().unwrap().pop_front();
    match next.unwrap_or(Answer::Status(200)) {
        Answer::Status(status) => (StatusCode::from_u16(status).unwrap(), "ok").into_response(),
        Answer::Redirect(location) => {
            (StatusCode::FOUND, [("location", location)], "moved").into_response()
        }
        Answer::Body(status, body) => (StatusCode::from_u16(status).unwrap(), body).into_response(),
    }
}

impl Receiver {
    pub async fn start() -> Arc<Self> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (sent, inbox) = mpsc::unbounded_channel();
        let script = Arc::new(Mutex::new(VecDeque::new()));
        let shared = Shared {
            sent,
            script: Arc::clone(&script),
        };
        let app = axum::Router::new().fallback(receive).with_state(shared);
        let server = tokio::spawn(async move {
            axum::serve(listener, app).await.unwrap();
        });
        Arc::new(Self {
            addr,
            url: crate::webhooks::url_of(addr),
            inbox: tokio::sync::Mutex::new(inbox),
            script,
            server,
        })
    }

    /// The statuses of the next answers, in order.
    pub fn answer(&self, statuses: &[u16]) {
        let mut script = self.script.lock().unwrap();
        script.extend(statuses.iter().map(|s| Answer::Status(*s)));
    }

    /// The next answer redirects to `location`.
    pub fn redirect_to(&self, location: &str) {
        self.script
            .lock()
            .unwrap()
            .push_back(Answer::Redirect(location.to_owned()));
    }

    /// The next answer is `status` with `body`.
    pub fn reply_with(&self, status: u16, body: &str) {
        self.script
            .lock()
            .unwrap()
            .push_back(Answer::Body(status, body.to_owned()));
    }

    /// The next message received (failing after ten seconds).
    pub async fn next(&self) -> Received {
        tokio::time::timeout(Duration::from_secs(10), self.inbox.lock().await.recv())
            .await
            .expect("no webhook arrived within 10 s")
            .unwrap()
    }

    /// What has arrived so far and not been taken.
    pub async fn pending(&self) -> Vec<Received> {
        let mut inbox = self.inbox.lock().await;
        let mut out = Vec::new();
        while let Ok(message) = inbox.try_recv() {
            out.push(message);
        }
        out
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.server.abort();
    }
}

/// Whether nobody connected to `canary` so far. No waiting on a timer: a probe connects last,
/// and the listen queue hands connections over in order, so the first one accepted is the
/// probe only if nothing came before it.
pub async fn untouched(canary: &tokio::net::TcpListener) -> bool {
    let probe = tokio::net::TcpStream::connect(canary.local_addr().unwrap())
        .await
        .unwrap();
    let (_, first) = canary.accept().await.unwrap();
    first == probe.local_addr().unwrap()
}
