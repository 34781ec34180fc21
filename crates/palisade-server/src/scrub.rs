//! The last line of defence for secrets: every log line (and every problem detail) passes
//! through [`scrub`], which masks the shapes secrets have (our API keys and tokens, JWTs,
//! webhook secrets, bearer credentials, common cloud and SaaS keys, PEM private keys) before
//! a byte is written. Code never means to log a secret; this catches the day it does.

use regex::{Regex, RegexSet};
use std::borrow::Cow;
use std::io;
use std::sync::OnceLock;
use tracing_subscriber::fmt::MakeWriter;

const MASK: &str = "[REDACTED]";

/// Each shape, named in the mask so a reader knows what was there.
const SHAPES: &[(&str, &str)] = &[
    (
        "private-key",
        // The body only (base64, white space, `\n` escapes of a JSON line), so a block that is
        // cut off never swallows the rest of the line.
        r"-----BEGIN [A-Z ]*PRIVATE KEY-----(?:[A-Za-z0-9+/=\s]|\\[nr])*(?:-----END [A-Z ]*PRIVATE KEY-----)?",
    ),
    (
        "jwt",
        r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*",
    ),
    ("bearer", r"(?i)\b(?:bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}"),
    (
        "palisade-token",
        r"\bpal(?:r|pr|ac|inv)?_[A-Za-z0-9_-]{16,}",
    ),
    ("webhook-secret", r"\bwhsec_[A-Za-z0-9+/=_-]{16,}"),
    ("aws-access-key", r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    (
        "github-token",
        r"\b(?:gh[pousr]|github_pat)_[A-Za-z0-9_]{20,}",
    ),
    (
        "stripe-key",
        r"\b(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{10,}",
    ),
    ("slack-token", r"\bxox[abprs]-[A-Za-z0-9-]{10,}"),
    ("google-api-key", r"\bAIza[0-9A-Za-z_-]{35}"),
    ("openai-key", r"\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}"),
    (
        "secret-field",
        r#"(?i)"(?:password|new_password|current_password|secret|value|token|api_key|client_secret)"\s*:\s*"(?:[^"\\]|\\.)*""#,
    ),
];

/// Every shape at once: most lines match none, and one pass over them says so.
fn any_shape() -> Option<&'static RegexSet> {
    static SET: OnceLock<Option<RegexSet>> = OnceLock::new();
    SET.get_or_init(|| RegexSet::new(SHAPES.iter().map(|(_, pattern)| pattern)).ok())
        .as_ref()
}

fn patterns() -> &'static [(&'static str, Regex)] {
    static COMPILED: OnceLock<Vec<(&'static str, Regex)>> = OnceLock::new();
    COMPILED.get_or_init(|| {
        SHAPES
            .iter()
            // The patterns are constants checked by the tests below; one that did not
            // compile would be skipped rather than take logging down.
            .filter_map(|(name, pattern)| Regex::new(pattern).ok().map(|re| (*name, re)))
            .collect()
    })
}

/// `text` with every secret-shaped part replaced by `[REDACTED]` (naming its shape).
pub fn scrub(text: &str) -> Cow<'_, str> {
    if any_shape().is_some_and(|set| !set.is_match(text)) {
        return Cow::Borrowed(text);
    }
    let mut out = Cow::Borrowed(text);
    for (name, re) in patterns() {
        if re.is_match(&out) {
            let masked = if *name == "secret-field" {
                re.replace_all(&out, |caps: &regex::Captures<'_>| {
                    let field = &caps[0];
                    let key_end = field.find(':').unwrap_or(field.len());
                    format!("{}: \"{MASK}\"", &field[..key_end])
                })
            } else {
                re.replace_all(&out, format!("{MASK}:{name}").as_str())
            };
            out = Cow::Owned(masked.into_owned());
        }
    }
    out
}

/// A writer factory whose writers scrub each chunk (the fmt layer writes one whole event at
/// a time) before passing it on.
#[derive(Debug, Clone)]
pub struct Scrubbing<M>(pub M);

impl<'a, M: MakeWriter<'a>> MakeWriter<'a> for Scrubbing<M> {
    type Writer = ScrubbingWriter<M::Writer>;

    fn make_writer(&'a self) -> Self::Writer {
        ScrubbingWriter(self.0.make_writer())
    }
}

#[derive(Debug)]
pub struct ScrubbingWriter<W>(W);

impl<W: io::Write> io::Write for ScrubbingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.0.write_all(scrub(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests;
