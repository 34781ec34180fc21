//! The connection loop. hyper's own connection builder instead of `axum::serve`, for the knobs
//! a public server needs: a client that sends its request head too slowly (slowloris) is cut
//! off after `header_read_timeout`, a head may have at most 100 headers in 64 KiB, and on
//! shutdown every connection finishes its in-flight request before the server returns.

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

/// Serves `router` on every connection `listener` accepts until `shutdown` completes, then
/// lets in-flight requests finish.
pub async fn serve<L, F>(
    mut listener: L,
    router: Router,
    header_read_timeout: Duration,
    shutdown: F,
) -> std::io::Result<()>
where
    L: axum::serve::Listener<Addr = SocketAddr>,
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
        .max_header_list_size(u32::try_from(MAX_HEAD_BYTES).unwrap_or(u32::MAX));
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
        let connection = builder
            .serve_connection_with_upgrades(TokioIo::new(io), TowerToHyperService::new(service))
            .into_owned();
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(err) = connection.await {
                tracing::debug!(%peer, error = %err, "connection ended with an error");
            }
        });
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}
