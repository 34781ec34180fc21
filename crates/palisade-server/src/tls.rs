//! Serving HTTPS directly: rustls with the ring provider, TLS 1.2 and 1.3 only, AEAD suites only.

use crate::config::TlsFiles;
use rustls::crypto::ring;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use rustls::ServerConfig;
use std::collections::HashMap;
use std::io::Write;
use std::net::SocketAddr;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_rustls::server::TlsStream;
use tokio_rustls::TlsAcceptor;

/// A client that has not finished its handshake by then is dropped.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(5);
/// Handshakes one client (an IPv4 address, an IPv6 /64) may have in progress at once, so one
/// host cannot hold every slot of `tls_handshake_limit`.
pub const HANDSHAKES_PER_CLIENT: usize = 8;

#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("cannot read TLS {what} from {path}: {reason}")]
    Read {
        what: &'static str,
        path: PathBuf,
        reason: String,
    },
    #[error("the TLS certificate and key do not form a usable configuration: {0}")]
    Config(#[from] rustls::Error),
    #[error("cannot generate a self-signed certificate: {0}")]
    Generate(String),
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// The rustls configuration Palisade serves with.
pub fn server_config(files: &TlsFiles) -> Result<Arc<ServerConfig>, TlsError> {
    let certs = CertificateDer::pem_file_iter(&files.cert)
        .and_then(|iter| iter.collect::<Result<Vec<_>, _>>())
        .map_err(|err| TlsError::Read {
            what: "certificate",
            path: files.cert.clone(),
            reason: err.to_string(),
        })?;
    let key = PrivateKeyDer::from_pem_file(&files.key).map_err(|err| TlsError::Read {
        what: "private key",
        path: files.key.clone(),
        reason: err.to_string(),
    })?;
    let mut provider = ring::default_provider();
    // ring's defaults are already AEAD-only; filtering states the policy where it is enforced.
    provider
        .cipher_suites
        .retain(|suite| is_aead(suite.suite()));
    let mut config = ServerConfig::builder_with_provider(Arc::new(provider))
        .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])?
        .with_no_client_auth()
        .with_single_cert(certs, key)?;
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

fn is_aead(suite: rustls::CipherSuite) -> bool {
    let name = format!("{suite:?}");
    name.contains("_GCM_") || name.contains("CHACHA20_POLY1305")
}

/// Creates (once) a development certificate for localhost and `hosts` in `data_dir/tls/`.
pub fn self_signed(data_dir: &Path, hosts: &[String]) -> Result<TlsFiles, TlsError> {
    let dir = data_dir.join("tls");
    let files = TlsFiles {
        cert: dir.join("self-signed.crt"),
        key: dir.join("self-signed.key"),
    };
    if files.cert.is_file() && files.key.is_file() {
        return Ok(files);
    }
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(&dir)
        .map_err(|source| TlsError::Write {
            path: dir.clone(),
            source,
        })?;
    let mut names = vec![
        "localhost".to_owned(),
        "127.0.0.1".to_owned(),
        "::1".to_owned(),
    ];
    names.extend(
        hosts
            .iter()
            .filter(|h| !names.contains(h))
            .cloned()
            .collect::<Vec<_>>(),
    );
    let generated = rcgen::generate_simple_self_signed(names)
        .map_err(|err| TlsError::Generate(err.to_string()))?;
    write_file(
        &files.key,
        generated.key_pair.serialize_pem().as_bytes(),
        0o600,
    )?;
    write_file(&files.cert, generated.cert.pem().as_bytes(), 0o644)?;
    Ok(files)
}

fn write_file(path: &Path, contents: &[u8], mode: u32) -> Result<(), TlsError> {
    let err = |source| TlsError::Write {
        path: path.to_owned(),
        source,
    };
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)
        .map_err(err)?;
    file.write_all(contents).map_err(err)
}

/// A handshake in progress: holds one of the global slots and one of its client's.
struct Slot {
    clients: Arc<Mutex<HashMap<String, usize>>>,
    client: String,
    _global: tokio::sync::OwnedSemaphorePermit,
}

impl Slot {
    fn take(
        global: &Arc<tokio::sync::Semaphore>,
        clients: &Arc<Mutex<HashMap<String, usize>>>,
        peer: SocketAddr,
    ) -> Option<Self> {
        let permit = Arc::clone(global).try_acquire_owned().ok()?;
        let client = palisade_service::auth::address_source(peer.ip().to_canonical());
        let mut held = clients.lock().unwrap_or_else(|e| e.into_inner());
        let count = held.entry(client.clone()).or_default();
        if *count >= HANDSHAKES_PER_CLIENT {
            return None;
        }
        *count += 1;
        Some(Self {
            clients: Arc::clone(clients),
            client,
            _global: permit,
        })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut held = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(count) = held.get_mut(&self.client) {
            *count -= 1;
            if *count == 0 {
                held.remove(&self.client);
            }
        }
    }
}

/// Accepts TCP connections and completes TLS handshakes off the accept loop, so one slow
/// client cannot stall the others; at most `max_handshakes` run at once (each costs a key
/// exchange), at most [`HANDSHAKES_PER_CLIENT`] of them from one client, and a connection
/// beyond either is closed at once.
#[derive(Debug)]
pub struct TlsListener {
    local_addr: SocketAddr,
    ready: mpsc::Receiver<(TlsStream<TcpStream>, SocketAddr)>,
}

impl TlsListener {
    pub fn new(
        tcp: TcpListener,
        config: Arc<ServerConfig>,
        max_handshakes: usize,
    ) -> std::io::Result<Self> {
        let local_addr = tcp.local_addr()?;
        let (sender, ready) = mpsc::channel(64);
        let acceptor = TlsAcceptor::from(config);
        let handshakes = Arc::new(tokio::sync::Semaphore::new(max_handshakes.max(1)));
        let clients = Arc::new(Mutex::new(HashMap::new()));
        tokio::spawn(async move {
            loop {
                let (stream, peer) = match tcp.accept().await {
                    Ok(accepted) => accepted,
                    Err(err) => {
                        tracing::warn!(error = %err, "accept failed");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                if sender.is_closed() {
                    break;
                }
                let Some(slot) = Slot::take(&handshakes, &clients, peer) else {
                    // Debug, not warn: an attacker would otherwise choose our log volume.
                    tracing::debug!(%peer, "too many TLS handshakes at once; connection closed");
                    drop(stream);
                    continue;
                };
                let acceptor = acceptor.clone();
                let sender = sender.clone();
                tokio::spawn(async move {
                    let _slot = slot;
                    match tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream)).await {
                        Ok(Ok(tls)) => {
                            let _ = sender.send((tls, peer)).await;
                        }
                        Ok(Err(err)) => {
                            tracing::debug!(%peer, error = %err, "TLS handshake refused")
                        }
                        Err(_) => tracing::debug!(%peer, "TLS handshake timed out"),
                    }
                });
            }
        });
        Ok(Self { local_addr, ready })
    }
}

impl axum::serve::Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        match self.ready.recv().await {
            Some(accepted) => accepted,
            // The acceptor task only ends when this listener is dropped.
            None => std::future::pending().await,
        }
    }

    fn local_addr(&self) -> std::io::Result<Self::Addr> {
        Ok(self.local_addr)
    }
}
