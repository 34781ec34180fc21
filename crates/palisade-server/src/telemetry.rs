//! Structured logs through `tracing`. JSON by default, one object per line, to stderr, every
//! line scrubbed of secret shapes on its way out (`scrub`).

use crate::config::LogFormat;
use tracing::Subscriber;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::EnvFilter;

/// A subscriber writing to `writer` at `level` (an `EnvFilter` directive such as `info`).
pub fn subscriber<W>(level: &str, format: LogFormat, writer: W) -> Box<dyn Subscriber + Send + Sync>
where
    W: for<'a> MakeWriter<'a> + Send + Sync + 'static,
{
    let filter = EnvFilter::try_new(level).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(crate::scrub::Scrubbing(writer));
    match format {
        LogFormat::Json => Box::new(
            builder
                .json()
                .with_current_span(true)
                .with_span_list(false)
                .finish(),
        ),
        LogFormat::Text => Box::new(builder.finish()),
    }
}

/// Installs the process-wide subscriber; a second call keeps the first.
pub fn init(level: &str, format: LogFormat) {
    let _ = tracing::subscriber::set_global_default(subscriber(level, format, std::io::stderr));
}
