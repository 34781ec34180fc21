//! One HTTP/1.1 request over one connection to an already vetted address.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::header::{
    HeaderName, HeaderValue, CONNECTION, CONTENT_LENGTH, CONTENT_TYPE, EXPECT, HOST, TE, TRAILER,
    TRANSFER_ENCODING, UPGRADE, USER_AGENT,
};
use hyper::Request;
use hyper_util::rt::TokioIo;
use rustls::pki_types::ServerName;
use rustls::ClientConfig;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio_rustls::client::TlsStream;
use tokio_rustls::TlsConnector;
use url::{Host, Position, Url};

use crate::check::Refusal;
use crate::client::{Failure, Reply};

const USER_AGENT_VALUE: &str = "Palisade-Webhooks/1";

/// Headers the client sets itself, or that would change how the message is framed or let the
/// caller smuggle a second request; a caller naming one gets an error rather than a surprise.
fn is_reserved(name: &HeaderName) -> bool {
    [
        HOST,
        CONTENT_LENGTH,
        CONTENT_TYPE,
        USER_AGENT,
        TRANSFER_ENCODING,
        CONNECTION,
        TE,
        TRAILER,
        UPGRADE,
        EXPECT,
    ]
    .contains(name)
}

/// The POST for `url`. Errors name the offending header, never its value (values carry
/// signatures), and every caller value is marked sensitive so no later layer prints it either.
pub(crate) fn request(
    url: &Url,
    headers: &[(String, String)],
    body: Vec<u8>,
) -> Result<Request<Full<Bytes>>, Failure> {
    let host = url.host_str().ok_or(Refusal::Malformed)?;
    // `port()` is None when the port is the scheme's default, which Host then leaves out.
    let authority = match url.port() {
        Some(port) => format!("{host}:{port}"),
        None => host.to_owned(),
    };
    let target = &url[Position::BeforePath..Position::AfterQuery];
    let mut builder = Request::post(target)
        .header(HOST, authority)
        .header(CONTENT_TYPE, "application/json")
        .header(USER_AGENT, USER_AGENT_VALUE)
        .header(CONTENT_LENGTH, body.len());
    for (name, value) in headers {
        let name = HeaderName::from_bytes(name.as_bytes())
            .map_err(|_| Failure::Http("a header name is not valid".to_owned()))?;
        if is_reserved(&name) {
            return Err(Failure::Http(format!(
                "the header {name} may not be set by the caller"
            )));
        }
        let mut value = HeaderValue::from_str(value)
            .map_err(|_| Failure::Http(format!("the value of header {name} is not valid")))?;
        value.set_sensitive(true);
        builder = builder.header(name, value);
    }
    builder
        .body(Full::new(Bytes::from(body)))
        .map_err(|error| Failure::Http(error.to_string()))
}

/// Connects to the first vetted address that answers, in the resolver's order.
pub(crate) async fn connect(addresses: &[SocketAddr]) -> Result<TcpStream, Failure> {
    let mut last_error = None;
    for address in addresses {
        match TcpStream::connect(address).await {
            Ok(stream) => {
                // Small request, one write: Nagle would only add latency. Failure is harmless.
                let _ = stream.set_nodelay(true);
                return Ok(stream);
            }
            Err(error) => {
                tracing::debug!(%address, %error, "webhook connect attempt failed");
                last_error = Some(error);
            }
        }
    }
    Err(Failure::Connect(last_error.map_or_else(
        || "no address to connect to".to_owned(),
        |error| error.to_string(),
    )))
}

/// TLS with the URL's host as server name (SNI and certificate check); IP literals are checked
/// against the certificate's IP addresses and sent without SNI, as rustls does.
pub(crate) async fn tls(
    config: Arc<ClientConfig>,
    url: &Url,
    stream: TcpStream,
) -> Result<TlsStream<TcpStream>, Failure> {
    let name = match url.host() {
        Some(Host::Domain(domain)) => ServerName::try_from(domain.to_owned())
            .map_err(|error| Failure::Tls(error.to_string()))?,
        Some(Host::Ipv4(ip)) => ServerName::from(IpAddr::V4(ip)),
        Some(Host::Ipv6(ip)) => ServerName::from(IpAddr::V6(ip)),
        None => return Err(Refusal::Malformed.into()),
    };
    TlsConnector::from(config)
        .connect(name, stream)
        .await
        .map_err(|error| Failure::Tls(error.to_string()))
}

/// Sends `request` and reads the answer, at most `cap` body bytes. Returning drops the
/// connection, so an oversized body is never read past the cap.
pub(crate) async fn exchange<T>(
    io: T,
    request: Request<Full<Bytes>>,
    cap: usize,
) -> Result<Reply, Failure>
where
    T: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(io))
        .await
        .map_err(http_error)?;
    // The connection must be polled for the exchange to progress. It is driven here rather than
    // spawned so that it cannot outlive the delivery's timeout; once it ends, any error reaches
    // the exchange through the response or its body, so this arm never finishes the select.
    let drive = async move {
        if let Err(error) = connection.await {
            tracing::debug!(%error, "webhook connection ended with an error");
        }
        std::future::pending::<Result<Reply, Failure>>().await
    };
    let talk = async move {
        let response = sender.send_request(request).await.map_err(http_error)?;
        let status = response.status().as_u16();
        let (body, truncated) = read_capped(response.into_body(), cap).await?;
        Ok(Reply {
            status,
            body,
            truncated,
        })
    };
    tokio::select! {
        reply = talk => reply,
        never = drive => never,
    }
}

async fn read_capped(mut body: Incoming, cap: usize) -> Result<(Vec<u8>, bool), Failure> {
    let mut read = Vec::new();
    while let Some(frame) = body.frame().await {
        let Ok(data) = frame.map_err(http_error)?.into_data() else {
            continue; // trailers carry nothing a delivery record needs
        };
        let room = cap.saturating_sub(read.len());
        if data.len() > room {
            read.extend_from_slice(data.get(..room).unwrap_or_default());
            return Ok((read, true));
        }
        read.extend_from_slice(&data);
    }
    Ok((read, false))
}

fn http_error(error: hyper::Error) -> Failure {
    Failure::Http(error.to_string())
}
