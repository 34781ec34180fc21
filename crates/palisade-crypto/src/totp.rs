//! Time-based one-time passwords (RFC 6238) as every authenticator app reads them from an
//! `otpauth://` URI: HMAC-SHA1, 6 digits, 30-second steps, a 160-bit secret. The HOTP
//! computation is `totp-rs`'s; what is ours is the window (±1 step) and naming the step a code
//! matched, so a caller can refuse the same code twice (RFC 6238 §5.2).

use palisade_core::SecureRng;
use secrecy::{ExposeSecret, SecretBox, SecretString};
use std::fmt;
use subtle::ConstantTimeEq;
use totp_rs::{Algorithm, TOTP};

/// Digits in a code.
pub const DIGITS: usize = 6;
/// Seconds in a time step.
pub const STEP_SECONDS: u64 = 30;
/// Bytes of secret (160 bits, RFC 4226's recommendation).
pub const SECRET_BYTES: usize = 20;
/// Steps either side of now that are accepted (clock drift between phone and server).
const SKEW_STEPS: u64 = 1;

/// A TOTP seed. Never shown in `Debug`; zeroised on drop.
pub struct TotpSecret(SecretBox<Vec<u8>>);

impl fmt::Debug for TotpSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("TotpSecret([REDACTED])")
    }
}

/// Why stored secret bytes were refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a TOTP secret is at least 128 bits")]
pub struct ShortSecret;

impl TotpSecret {
    /// A fresh random secret.
    pub fn generate(rng: &dyn SecureRng) -> Self {
        let mut bytes = vec![0u8; SECRET_BYTES];
        rng.fill(&mut bytes);
        Self(SecretBox::new(Box::new(bytes)))
    }

    /// A secret as stored (after opening its sealed form).
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Self, ShortSecret> {
        if bytes.len() < 16 {
            return Err(ShortSecret);
        }
        Ok(Self(SecretBox::new(Box::new(bytes))))
    }

    /// A secret as an authenticator app is given it: base32, as [`TotpSecret::base32`] shows.
    pub fn from_base32(text: &str) -> Option<Self> {
        let bytes = totp_rs::Secret::Encoded(text.to_owned()).to_bytes().ok()?;
        Self::from_bytes(bytes).ok()
    }

    /// The raw bytes, to be sealed before they are stored.
    pub fn expose_bytes(&self) -> &[u8] {
        self.0.expose_secret()
    }

    fn totp(&self, issuer: Option<&str>, account: &str) -> TOTP {
        // The parameters are fixed and checked by the tests; the secret length by `from_bytes`.
        TOTP::new_unchecked(
            Algorithm::SHA1,
            DIGITS,
            SKEW_STEPS as u8,
            STEP_SECONDS,
            self.0.expose_secret().clone(),
            issuer.map(str::to_owned),
            account.to_owned(),
        )
    }

    /// The secret in base32 (RFC 4648, no padding), for typing into an app by hand.
    pub fn base32(&self) -> SecretString {
        SecretString::from(self.totp(None, "").get_secret_base32())
    }

    /// The `otpauth://totp/…` URI an authenticator app scans (issuer, account, SHA1, 6 digits,
    /// 30 s). It holds the secret: shown once, at enrolment.
    pub fn otpauth_uri(&self, issuer: &str, account: &str) -> SecretString {
        // A colon separates issuer and account in the label; neither may hold one.
        let issuer = issuer.replace(':', " ");
        let account = account.replace(':', " ");
        let mut uri = self.totp(Some(&issuer), &account).get_url();
        // `totp-rs` leaves out parameters at their defaults; some apps want them spelled out.
        for (name, value) in [("algorithm", "SHA1"), ("digits", "6"), ("period", "30")] {
            if !uri.contains(&format!("{name}=")) {
                uri.push_str(&format!("&{name}={value}"));
            }
        }
        SecretString::from(uri)
    }

    /// The code for time step `step`.
    pub fn code_at_step(&self, step: u64) -> String {
        self.totp(None, "").generate(step * STEP_SECONDS)
    }

    /// The step `code` belongs to, if it is the code of a step within one of `unix_time`'s.
    /// Every candidate is compared, in constant time, so timing tells nothing about which.
    pub fn matching_step(&self, code: &str, unix_time: u64) -> Option<u64> {
        let code = code.trim();
        if code.len() != DIGITS || !code.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let now = unix_time / STEP_SECONDS;
        let mut matched = None;
        for step in now.saturating_sub(SKEW_STEPS)..=now + SKEW_STEPS {
            let expected = self.code_at_step(step);
            if bool::from(expected.as_bytes().ct_eq(code.as_bytes())) {
                matched = Some(step);
            }
        }
        matched
    }
}

/// `text` (an `otpauth://` URI) as a QR code in SVG, for the enrolment screen.
pub fn qr_svg(text: &str) -> Option<String> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M).ok()?;
    Some(
        code.render::<qrcode::render::svg::Color<'_>>()
            .min_dimensions(200, 200)
            .quiet_zone(true)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use hmac::{Hmac, Mac};

    /// RFC 6238 Appendix B's SHA-1 secret: the ASCII string "12345678901234567890".
    fn rfc_secret() -> TotpSecret {
        TotpSecret::from_bytes(b"12345678901234567890".to_vec()).unwrap()
    }

    #[test]
    fn codes_match_the_rfc_6238_test_vectors() {
        // Appendix B, SHA-1 column, last six of the eight digits.
        for (time, eight_digits) in [
            (59u64, "94287082"),
            (1_111_111_109, "07081804"),
            (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"),
            (20_000_000_000, "65353130"),
        ] {
            let code = rfc_secret().code_at_step(time / STEP_SECONDS);
            assert_eq!(code, eight_digits[2..], "T = {time}");
        }
    }

    /// HOTP (RFC 4226 §5.3) written out with the `hmac` crate: a second, independent computation.
    fn independent_code(secret: &[u8], step: u64) -> String {
        let mut mac = Hmac::<sha1_for_test::Sha1>::new_from_slice(secret).unwrap();
        mac.update(&step.to_be_bytes());
        let digest = mac.finalize().into_bytes();
        let offset = usize::from(digest[19] & 0x0f);
        let value =
            u32::from_be_bytes(digest[offset..offset + 4].try_into().unwrap()) & 0x7fff_ffff;
        format!("{:06}", value % 1_000_000)
    }

    mod sha1_for_test {
        pub use sha1::Sha1;
    }

    #[test]
    fn codes_agree_with_an_independent_hotp_computation() {
        let rng = palisade_core::SeededRng::new(11);
        for _ in 0..20 {
            let secret = TotpSecret::generate(&rng);
            for step in [0u64, 1, 56_666_666, 1 << 40] {
                assert_eq!(
                    secret.code_at_step(step),
                    independent_code(secret.expose_bytes(), step)
                );
            }
        }
    }

    #[test]
    fn a_code_is_accepted_one_step_either_side_and_no_further() {
        let secret = rfc_secret();
        let now = 1_234_567_890u64;
        let step = now / STEP_SECONDS;
        for (offset, accepted) in [(-2i64, false), (-1, true), (0, true), (1, true), (2, false)] {
            let candidate = step.checked_add_signed(offset).unwrap();
            let code = secret.code_at_step(candidate);
            let matched = secret.matching_step(&code, now);
            assert_eq!(matched.is_some(), accepted, "offset {offset}");
            if accepted {
                assert_eq!(matched, Some(candidate));
            }
        }
    }

    #[test]
    fn malformed_codes_match_nothing() {
        let secret = rfc_secret();
        for code in ["", "12345", "1234567", "abcdef", "12 456", "٠١٢٣٤٥"] {
            assert_eq!(secret.matching_step(code, 59), None, "{code:?}");
        }
    }

    #[test]
    fn the_uri_names_issuer_account_and_parameters() {
        let uri = rfc_secret().otpauth_uri("Palisade", "ada@example.com");
        let uri = uri.expose_secret();
        assert!(
            uri.starts_with("otpauth://totp/Palisade:ada%40example.com?"),
            "{uri}"
        );
        for part in [
            "secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
            "issuer=Palisade",
            "digits=6",
            "period=30",
            "algorithm=SHA1",
        ] {
            assert!(uri.contains(part), "{part} missing from {uri}");
        }
    }

    #[test]
    fn the_secret_never_shows_in_debug() {
        let shown = format!("{:?}", rfc_secret());
        assert!(!shown.contains("12345"), "{shown}");
        assert!(!shown.contains("GEZDGNBV"), "{shown}");
    }

    #[test]
    fn the_base32_form_reads_back_as_the_same_secret() {
        let secret = TotpSecret::generate(&palisade_core::SeededRng::new(3));
        let again = TotpSecret::from_base32(secret.base32().expose_secret()).unwrap();
        assert_eq!(again.expose_bytes(), secret.expose_bytes());
    }

    #[test]
    fn a_short_secret_is_refused() {
        assert_eq!(
            TotpSecret::from_bytes(vec![0; 15]).unwrap_err(),
            ShortSecret
        );
    }

    #[test]
    fn the_qr_code_is_an_svg() {
        let svg = qr_svg("otpauth://totp/Palisade:ada?secret=GEZDGNBV").unwrap();
        assert!(svg.contains("<svg"), "{svg}");
    }
}
