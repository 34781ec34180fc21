//! Tiny HTTP receivers on loopback for delivery tests. Every receiver counts the connections it
//! accepted, so a test can prove that a refused delivery never reached it.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use palisade_egress::{Egress, EgressPolicy, StaticResolver};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tokio::task::JoinHandle;

#[derive(Debug)]
pub struct Receiver {
    pub address: SocketAddr,
    /// The peer address of every connection accepted, in order.
    accepted: Arc<Mutex<Vec<SocketAddr>>>,
    arrived: Arc<Notify>,
    /// The test's own probe connections (see `accepted`).
    probes: Mutex<Vec<SocketAddr>>,
    requests: Arc<Mutex<Vec<Vec<u8>>>>,
    task: JoinHandle<()>,
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Receiver {
    /// Reads each request, answers with `response` verbatim, and closes.
    pub async fn answering(response: impl Into<Vec<u8>>) -> Self {
        Self::start(Mode::Answer(Arc::new(response.into()))).await
    }

    /// Writes `response` as soon as a connection opens, without reading: a server that does not
    /// speak TLS, from the point of view of a TLS client.
    pub async fn blurting(response: impl Into<Vec<u8>>) -> Self {
        Self::start(Mode::Blurt(Arc::new(response.into()))).await
    }

    /// Accepts connections and never says a word: a tarpit, or a canary that must stay untouched.
    pub async fn silent() -> Self {
        Self::start(Mode::Silent).await
    }

    async fn start(mode: Mode) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let accepted = Arc::new(Mutex::new(Vec::new()));
        let arrived = Arc::new(Notify::new());
        let requests = Arc::new(Mutex::new(Vec::new()));
        let (peers, told, seen) = (accepted.clone(), arrived.clone(), requests.clone());
        let task = tokio::spawn(async move {
            let mut held = Vec::new();
            while let Ok((stream, peer)) = listener.accept().await {
                peers.lock().unwrap().push(peer);
                told.notify_waiters();
                match &mode {
                    Mode::Answer(response) => {
                        tokio::spawn(answer(stream, response.clone(), seen.clone()));
                    }
                    Mode::Blurt(response) => {
                        tokio::spawn(blurt(stream, response.clone()));
                    }
                    Mode::Silent => held.push(stream),
                }
            }
        });
        Self {
            address,
            accepted,
            arrived,
            probes: Mutex::new(Vec::new()),
            requests,
            task,
        }
    }

    /// Connections accepted so far, probes aside. No waiting on a timer: a probe connects
    /// last, and the listen queue hands connections over in order, so once the probe is
    /// accepted every connection made before it has been too.
    pub async fn accepted(&self) -> usize {
        let probe = TcpStream::connect(self.address).await.unwrap();
        let mark = probe.local_addr().unwrap();
        self.probes.lock().unwrap().push(mark);
        loop {
            let arrival = self.arrived.notified();
            tokio::pin!(arrival);
            arrival.as_mut().enable();
            if self.accepted.lock().unwrap().contains(&mark) {
                break;
            }
            arrival.await;
        }
        let probes = self.probes.lock().unwrap();
        let accepted = self.accepted.lock().unwrap();
        accepted
            .iter()
            .filter(|peer| !probes.contains(peer))
            .count()
    }

    pub fn requests(&self) -> Vec<String> {
        let requests = self.requests.lock().unwrap();
        requests
            .iter()
            .map(|request| String::from_utf8_lossy(request).into_owned())
            .collect()
    }
}

#[derive(Debug)]
enum Mode {
    Answer(Arc<Vec<u8>>),
    Blurt(Arc<Vec<u8>>),
    Silent,
}

async fn blurt(mut stream: TcpStream, response: Arc<Vec<u8>>) {
    let _ = stream.write_all(&response).await;
    let _ = stream.shutdown().await;
}

async fn answer(mut stream: TcpStream, response: Arc<Vec<u8>>, seen: Arc<Mutex<Vec<Vec<u8>>>>) {
    let request = read_request(&mut stream).await;
    // A probe (see `Receiver::accepted`) connects and says nothing.
    if !request.is_empty() {
        seen.lock().unwrap().push(request);
    }
    // The client may hang up mid-answer (that is what a capped read does); that is fine.
    let _ = stream.write_all(&response).await;
    let _ = stream.shutdown().await;
}

/// Reads the head and a Content-Length body; good enough for the one request a test sends.
async fn read_request(stream: &mut TcpStream) -> Vec<u8> {
    let mut request = Vec::new();
    let mut chunk = [0_u8; 4096];
    loop {
        if let Some(end) = find(&request, b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&request[..end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|line| line.strip_prefix("content-length:"))
                .and_then(|value| value.trim().parse::<usize>().ok())
                .unwrap_or(0);
            if request.len() >= end + 4 + length {
                return request;
            }
        }
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return request,
            Ok(n) => request.extend_from_slice(&chunk[..n]),
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// A policy for loopback tests: plain http allowed, only `allowed` admitted, a short timeout.
pub fn policy(allowed: &[SocketAddr]) -> EgressPolicy {
    EgressPolicy {
        allow_http: true,
        allowlist: allowed.to_vec(),
        timeout: Duration::from_secs(5),
        ..EgressPolicy::default()
    }
}

pub fn egress(policy: EgressPolicy, resolver: StaticResolver) -> Egress {
    Egress::new(policy, Arc::new(resolver))
}

pub fn response(status: &str, extra_headers: &str, body: &[u8]) -> Vec<u8> {
    let mut response = format!(
        "HTTP/1.1 {status}\r\ncontent-length: {}\r\nconnection: close\r\n{extra_headers}\r\n",
        body.len()
    )
    .into_bytes();
    response.extend_from_slice(body);
    response
}
