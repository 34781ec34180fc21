//! The connection loop. hyper's own connection builder instead of `axum::serve`, for the knobs
//! a public server needs: a client that sends its request head too slowly (slowloris) is cut
//! off after `header_read_timeout`, a head may have at most 100 headers in 64 KiB, and on
//! shutdown every connection finishes its in-flight request before the server returns. Each
//! connection's HTTP version is known before its first byte (HTTP/1.1 on plain TCP, where no
//! one needs h2c; what ALPN chose on TLS), so hyper never sits in version detection, which
//! has no deadline.

use crate::serve::PeerAddr;
use axum::extract::ConnectInfo;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::net::SocketAddr;
use std::time::Duration;
use tower::ServiceExt;

/// Most headers one request may carry.
pub const MAX_HEADERS: usize = 100;
/// Most bytes of a request head (request line and headers).
pub const MAX_HEAD_BYTES: usize = 64 * 1024;
/// How often an HTTP/2 peer is pinged, and how long it has to answer.
const KEEP_ALIVE_EVERY: Duration = Duration::from_secs(20);

/// Serves `router` on every connection `listener` accepts until `shutdown` completes, then
/// lets in-flight requests finish.
/// Which HTTP version a connection speaks, decided before it sends anything, and the wait
/// for its first bytes (hyper's head timer starts only at the first byte).
pub trait Negotiated: Send {
    fn speaks_h2(&self) -> bool;
    /// Completes once the client has sent something (or hung up).
    fn first_bytes(&self) -> impl Future<Output = ()> + Send;
}

impl Negotiated for tokio::net::TcpStream {
    fn speaks_h2(&self) -> bool {
        false
    }

    async fn first_bytes(&self) {
        // `readable` can report readiness before any byte is there; a peek waits for one.
        let _ = self.peek(&mut [0u8; 1]).await;
    }
}

impl Negotiated for tokio_rustls::server::TlsStream<tokio::net::TcpStream> {
    fn speaks_h2(&self) -> bool {
        self.get_ref().1.alpn_protocol() == Some(b"h2".as_slice())
    }

    /// The client spoke already: its handshake, within the handshake deadline (and its
    /// request may already be decrypted in rustls's buffer, which the socket would not show).
    async fn first_bytes(&self) {}
}

pub async fn serve<L, F>(
    mut listener: L,
    router: Router,
    header_read_timeout: Duration,
    shutdown: F,
) -> std::io::Result<()>
where
    L: axum::serve::Listener<Addr = SocketAddr>,
    L::Io: Negotiated,
    F: Future<Output = ()> + Send + 'static,
{
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(header_read_timeout)
        .max_headers(MAX_HEADERS)
        .max_buf_size(MAX_HEAD_BYTES);
    builder
        .http2()
        .timer(TokioTimer::new())
        .max_header_list_size(u32::try_from(MAX_HEAD_BYTES).unwrap_or(u32::MAX))
        // A peer that stops answering pings is dropped.
        .keep_alive_interval(KEEP_ALIVE_EVERY)
        .keep_alive_timeout(KEEP_ALIVE_EVERY);
    let (http1, http2) = (builder.clone().http1_only(), builder.http2_only());
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (io, peer) = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut shutdown => break,
        };
        let router = router.clone();
        let service = tower::service_fn(move |mut req: axum::http::Request<Incoming>| {
            req.extensions_mut().insert(ConnectInfo(PeerAddr(peer)));
            router.clone().oneshot(req)
        });
        let builder = if io.speaks_h2() { &http2 } else { &http1 };
        let builder = builder.clone();
        let watcher = graceful.watcher();
        tokio::spawn(async move {
            // A client that connects and says nothing is cut off like one that says too little.
            if tokio::time::timeout(header_read_timeout, io.first_bytes())
                .await
                .is_err()
            {
                tracing::debug!(%peer, "connection closed: nothing sent");
                return;
            }
            let connection = builder.serve_connection_with_upgrades(
                TokioIo::new(io),
                TowerToHyperService::new(service),
            );
            if let Err(err) = watcher.watch(connection).await {
                tracing::debug!(%peer, error = %err, "connection ended with an error");
            }
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}
