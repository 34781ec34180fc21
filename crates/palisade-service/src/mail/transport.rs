use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::{ExposeSecret, SecretString};
use std::fmt;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum TransportError {
    #[error("invalid address: {0}")]
    Address(String),
    #[error("cannot build the message: {0}")]
    Build(String),
    #[error("SMTP delivery failed: {0}")]
    Smtp(String),
    #[error("cannot write to the mailbox directory: {0}")]
    Mailbox(#[from] std::io::Error),
}

/// Where mail goes.
pub enum MailTransport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// `.eml` files, one per message, owner-only.
    Mailbox(PathBuf),
}

impl fmt::Debug for MailTransport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MailTransport::Smtp(_) => f.write_str("MailTransport::Smtp"),
            MailTransport::Mailbox(dir) => write!(f, "MailTransport::Mailbox({})", dir.display()),
        }
    }
}

impl MailTransport {
    /// SMTP from a URL such as `smtps://user:pass@mail.example.com` or the mailbox directory.
    pub fn from_config(
        smtp_url: Option<&SecretString>,
        mailbox: PathBuf,
    ) -> Result<Self, TransportError> {
        match smtp_url {
            Some(url) => AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose_secret())
                .map(|builder| MailTransport::Smtp(builder.build()))
                .map_err(|err| TransportError::Smtp(err.to_string())),
            None => Ok(MailTransport::Mailbox(mailbox)),
        }
    }

    pub async fn send(
        &self,
        name: &str,
        from: &str,
        to: &str,
        subject: &str,
        body: String,
    ) -> Result<(), TransportError> {
        let message = Message::builder()
            .from(
                from.parse::<Mailbox>()
                    .map_err(|e| TransportError::Address(e.to_string()))?,
            )
            .to(to
                .parse::<Mailbox>()
                .map_err(|e| TransportError::Address(e.to_string()))?)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|e| TransportError::Build(e.to_string()))?;
        match self {
            MailTransport::Smtp(smtp) => {
                smtp.send(message)
                    .await
                    .map_err(|e| TransportError::Smtp(e.to_string()))?;
            }
            MailTransport::Mailbox(dir) => {
                if !dir.exists() {
                    std::fs::DirBuilder::new()
                        .recursive(true)
                        .mode(0o700)
                        .create(dir)?;
                }
                let path = dir.join(format!("{name}.eml"));
                let mut file = std::fs::OpenOptions::new()
                    .write(true)
                    .create(true)
                    .truncate(true)
                    .mode(0o600)
                    .open(path)?;
                file.write_all(&message.formatted())?;
            }
        }
        Ok(())
    }
}
