//! Webhook signatures, both ways. Every delivery carries two schemes, so receivers can use
//! whichever library they already have:
//!
//! - [Standard Webhooks](https://www.standardwebhooks.com/): `webhook-id`, `webhook-timestamp`
//!   and `webhook-signature: v1,<base64 HMAC-SHA256(key, "id.timestamp.body")>`, where the key
//!   is the base64 part of the `whsec_` secret, decoded;
//! - Stripe-style: `Palisade-Signature: t=<timestamp>,v1=<hex HMAC-SHA256(key, "timestamp.body")>`
//!   with the same key.
//!
//! While a rotated secret is still honoured, each header holds one signature per secret
//! (space-separated for Standard Webhooks, repeated `v1=` for the Stripe-style header), and a
//! receiver accepts the message when any of them verifies. [`verify`] is the inbound helper:
//! constant-time comparison, a timestamp tolerance, several signatures and several secrets.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use palisade_core::SecureRng;
use secrecy::{ExposeSecret, SecretBox, SecretString};
use sha2::Sha256;
use std::fmt;
use subtle::ConstantTimeEq;

/// What every signing secret starts with.
pub const SECRET_PREFIX: &str = "whsec_";
/// Random bytes in a signing secret.
pub const SECRET_BYTES: usize = 32;
/// How far a timestamp may be from the receiver's clock, either way (Standard Webhooks' default).
pub const DEFAULT_TOLERANCE_SECONDS: i64 = 5 * 60;

/// A webhook signing key. Never shown in `Debug`; zeroised on drop.
pub struct SigningSecret(SecretBox<Vec<u8>>);

impl fmt::Debug for SigningSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SigningSecret([REDACTED])")
    }
}

/// Why a secret's text was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a webhook secret is `whsec_` followed by base64 of at least 24 bytes")]
pub struct MalformedSecret;

impl SigningSecret {
    /// A fresh secret of [`SECRET_BYTES`] random bytes.
    pub fn generate(rng: &dyn SecureRng) -> Self {
        let mut bytes = vec![0u8; SECRET_BYTES];
        rng.fill(&mut bytes);
        Self(SecretBox::new(Box::new(bytes)))
    }

    /// The key as stored (after opening its sealed form).
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, MalformedSecret> {
        if bytes.len() < 24 {
            return Err(MalformedSecret);
        }
        Ok(Self(SecretBox::new(Box::new(bytes))))
    }

    /// The key from its `whsec_…` text (the prefix may be left out, as the reference
    /// libraries allow).
    pub fn parse(text: &str) -> Result<Self, MalformedSecret> {
        let encoded = text.strip_prefix(SECRET_PREFIX).unwrap_or(text);
        let bytes = STANDARD.decode(encoded).map_err(|_| MalformedSecret)?;
        Self::from_bytes(bytes)
    }

    /// The `whsec_…` text the owner is shown once.
    pub fn reveal(&self) -> SecretString {
        SecretString::from(format!(
            "{SECRET_PREFIX}{}",
            STANDARD.encode(self.0.expose_secret())
        ))
    }

    /// The raw key, to be sealed before it is stored.
    pub fn expose_bytes(&self) -> &[u8] {
        self.0.expose_secret()
    }

    fn mac(&self, parts: &[&[u8]]) -> [u8; 32] {
        // HMAC accepts keys of any length; the error arm cannot happen.
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(self.0.expose_secret()) else {
            return [0; 32];
        };
        for part in parts {
            mac.update(part);
        }
        mac.finalize().into_bytes().into()
    }

    /// `v1,<base64>`: one Standard Webhooks signature.
    pub fn standard_signature(&self, id: &str, timestamp: i64, body: &[u8]) -> String {
        let ts = timestamp.to_string();
        let mac = self.mac(&[id.as_bytes(), b".", ts.as_bytes(), b".", body]);
        format!("v1,{}", STANDARD.encode(mac))
    }

    /// The hex HMAC of the Stripe-style scheme.
    pub fn stripe_signature(&self, timestamp: i64, body: &[u8]) -> String {
        let ts = timestamp.to_string();
        crate::hex(&self.mac(&[ts.as_bytes(), b".", body]))
    }
}

/// The signature headers of one delivery, signed with every secret in `secrets`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedHeaders {
    pub webhook_id: String,
    pub webhook_timestamp: String,
    pub webhook_signature: String,
    pub palisade_signature: String,
}

impl SignedHeaders {
    /// As `(name, value)` pairs, in the order they are sent.
    pub fn pairs(&self) -> Vec<(String, String)> {
        vec![
            ("webhook-id".into(), self.webhook_id.clone()),
            ("webhook-timestamp".into(), self.webhook_timestamp.clone()),
            ("webhook-signature".into(), self.webhook_signature.clone()),
            ("Palisade-Signature".into(), self.palisade_signature.clone()),
        ]
    }
}

/// Signs one delivery of message `id` at `timestamp` (Unix seconds) with each secret.
pub fn sign(secrets: &[&SigningSecret], id: &str, timestamp: i64, body: &[u8]) -> SignedHeaders {
    let standard: Vec<String> = secrets
        .iter()
        .map(|s| s.standard_signature(id, timestamp, body))
        .collect();
    let mut stripe = format!("t={timestamp}");
    for secret in secrets {
        stripe.push_str(",v1=");
        stripe.push_str(&secret.stripe_signature(timestamp, body));
    }
    SignedHeaders {
        webhook_id: id.to_owned(),
        webhook_timestamp: timestamp.to_string(),
        webhook_signature: standard.join(" "),
        palisade_signature: stripe,
    }
}

/// Why an inbound message was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    #[error("a signature header is missing or malformed")]
    Malformed,
    #[error("the timestamp is outside the tolerance")]
    Stale,
    #[error("no signature matches")]
    Mismatch,
}

/// Which scheme an inbound message was signed with, and its headers' values.
#[derive(Debug, Clone, Copy)]
pub enum Inbound<'a> {
    /// `webhook-id`, `webhook-timestamp`, `webhook-signature`.
    Standard {
        id: &'a str,
        timestamp: &'a str,
        signature: &'a str,
    },
    /// The `Palisade-Signature` (or Stripe-style `t=…,v1=…`) header.
    Stripe { header: &'a str },
}

/// Verifies an inbound message against any of `secrets` (during a rotation a receiver holds
/// both), with a timestamp at most `tolerance_seconds` from `now` (Unix seconds) either way.
/// Returns the signed timestamp. Every comparison is constant-time.
pub fn verify(
    secrets: &[&SigningSecret],
    inbound: Inbound<'_>,
    body: &[u8],
    now: i64,
    tolerance_seconds: i64,
) -> Result<i64, VerifyError> {
    let (timestamp, candidates): (i64, Vec<Vec<u8>>) = match inbound {
        Inbound::Standard {
            id,
            timestamp,
            signature,
        } => {
            let ts = timestamp.parse().map_err(|_| VerifyError::Malformed)?;
            let sigs: Vec<Vec<u8>> = signature
                .split(' ')
                .filter_map(|s| s.strip_prefix("v1,"))
                .filter_map(|s| STANDARD.decode(s).ok())
                .collect();
            check_time(ts, now, tolerance_seconds)?;
            let text = ts.to_string();
            let expected =
                |s: &SigningSecret| s.mac(&[id.as_bytes(), b".", text.as_bytes(), b".", body]);
            return matches_any(secrets, &sigs, expected).map(|()| ts);
        }
        Inbound::Stripe { header } => {
            let mut ts = None;
            let mut sigs = Vec::new();
            for item in header.split(',') {
                match item.trim().split_once('=') {
                    Some(("t", value)) => ts = value.parse::<i64>().ok(),
                    Some(("v1", value)) => sigs.extend(crate::unhex(value)),
                    _ => {}
                }
            }
            (ts.ok_or(VerifyError::Malformed)?, sigs)
        }
    };
    check_time(timestamp, now, tolerance_seconds)?;
    let ts = timestamp.to_string();
    matches_any(secrets, &candidates, |s| {
        s.mac(&[ts.as_bytes(), b".", body])
    })
    .map(|()| timestamp)
}

fn check_time(timestamp: i64, now: i64, tolerance: i64) -> Result<(), VerifyError> {
    if now.abs_diff(timestamp) > tolerance.unsigned_abs() {
        return Err(VerifyError::Stale);
    }
    Ok(())
}

fn matches_any(
    secrets: &[&SigningSecret],
    candidates: &[Vec<u8>],
    expected: impl Fn(&SigningSecret) -> [u8; 32],
) -> Result<(), VerifyError> {
    if candidates.is_empty() {
        return Err(VerifyError::Malformed);
    }
    let mut found = subtle::Choice::from(0);
    for secret in secrets {
        let mac = expected(secret);
        for candidate in candidates {
            found |= mac.as_slice().ct_eq(candidate.as_slice());
        }
    }
    if bool::from(found) {
        Ok(())
    } else {
        Err(VerifyError::Mismatch)
    }
}

#[cfg(test)]
mod tests;
