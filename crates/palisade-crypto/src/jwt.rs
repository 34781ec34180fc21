//! Access tokens: JWTs signed with Ed25519 (`alg: EdDSA`). Verification accepts nothing
//! else: no other algorithm, no unknown `kid`, no key-pointing headers (`jku`, `x5u`, `jwk`,
//! `x5c`), and times are checked against the injected clock with at most 30 s of leeway.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ed25519_dalek::pkcs8::EncodePrivateKey;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use palisade_core::SecureRng;
use secrecy::{ExposeSecret, SecretBox};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use time::OffsetDateTime;

pub const AUDIENCE: &str = "palisade";
pub const LEEWAY_SECS: i64 = 30;

/// The claims of a Palisade access token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessClaims {
    pub iss: String,
    pub aud: String,
    /// The user id (`usr_…`).
    pub sub: String,
    /// The session id (`ses_…`), checked against revocations on every request.
    pub sid: String,
    pub iat: i64,
    pub nbf: i64,
    pub exp: i64,
    pub jti: String,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JwtError {
    #[error("the token is malformed")]
    Malformed,
    #[error("the token's algorithm is not accepted")]
    Algorithm,
    #[error("the token names a key by URL or embeds one")]
    KeyHeader,
    #[error("the token's signing key is unknown")]
    UnknownKey,
    #[error("the token's signature, issuer or audience is invalid")]
    Invalid,
    #[error("the token has expired")]
    Expired,
    #[error("the token is not valid yet")]
    NotYetValid,
    #[error("signing failed")]
    Signing,
}

/// One Ed25519 signing key. The seed never leaves this type except to be sealed for storage.
pub struct SigningKey {
    kid: String,
    seed: SecretBox<[u8; 32]>,
    public: [u8; 32],
    encoding: EncodingKey,
}

impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningKey")
            .field("kid", &self.kid)
            .finish_non_exhaustive()
    }
}

impl SigningKey {
    pub fn generate(kid: String, rng: &dyn SecureRng) -> Result<Self, JwtError> {
        let mut seed = Box::new([0u8; 32]);
        rng.fill(seed.as_mut());
        Self::from_seed(kid, SecretBox::new(seed))
    }

    pub fn from_seed(kid: String, seed: SecretBox<[u8; 32]>) -> Result<Self, JwtError> {
        let dalek = ed25519_dalek::SigningKey::from_bytes(seed.expose_secret());
        let der = dalek.to_pkcs8_der().map_err(|_| JwtError::Signing)?;
        let encoding = EncodingKey::from_ed_der(der.as_bytes());
        let public = dalek.verifying_key().to_bytes();
        Ok(Self {
            kid,
            seed,
            public,
            encoding,
        })
    }

    pub fn kid(&self) -> &str {
        &self.kid
    }

    pub fn seed(&self) -> &[u8; 32] {
        self.seed.expose_secret()
    }

    pub fn public_key(&self) -> [u8; 32] {
        self.public
    }

    pub fn sign(&self, claims: &AccessClaims) -> Result<String, JwtError> {
        let mut header = Header::new(Algorithm::EdDSA);
        header.kid = Some(self.kid.clone());
        header.typ = Some("JWT".into());
        jsonwebtoken::encode(&header, claims, &self.encoding).map_err(|_| JwtError::Signing)
    }
}

/// A public key as published in the JWKS (RFC 7517 / RFC 8037).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicJwk {
    pub kty: String,
    pub crv: String,
    pub x: String,
    pub kid: String,
    #[serde(rename = "use")]
    pub key_use: String,
    pub alg: String,
}

impl PublicJwk {
    pub fn ed25519(kid: &str, public: &[u8; 32]) -> Self {
        Self {
            kty: "OKP".into(),
            crv: "Ed25519".into(),
            x: URL_SAFE_NO_PAD.encode(public),
            kid: kid.into(),
            key_use: "sig".into(),
            alg: "EdDSA".into(),
        }
    }
}

/// Verifies access tokens against a set of known public keys.
#[derive(Clone)]
pub struct Verifier {
    issuer: String,
    keys: HashMap<String, DecodingKey>,
}

impl fmt::Debug for Verifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verifier")
            .field("issuer", &self.issuer)
            .field("kids", &self.keys.keys())
            .finish()
    }
}

impl Verifier {
    pub fn new(issuer: String, public_keys: &[(String, [u8; 32])]) -> Self {
        let keys = public_keys
            .iter()
            .map(|(kid, public)| (kid.clone(), DecodingKey::from_ed_der(public)))
            .collect();
        Self { issuer, keys }
    }

    pub fn verify(&self, token: &str, now: OffsetDateTime) -> Result<AccessClaims, JwtError> {
        // `decode_header` refuses `alg: none` and unknown algorithms outright.
        let header = jsonwebtoken::decode_header(token).map_err(|_| JwtError::Malformed)?;
        if header.alg != Algorithm::EdDSA {
            return Err(JwtError::Algorithm);
        }
        if header.jku.is_some()
            || header.x5u.is_some()
            || header.jwk.is_some()
            || header.x5c.is_some()
        {
            return Err(JwtError::KeyHeader);
        }
        let key = header
            .kid
            .as_deref()
            .and_then(|kid| self.keys.get(kid))
            .ok_or(JwtError::UnknownKey)?;
        let mut validation = Validation::new(Algorithm::EdDSA);
        // Time is checked below against the injected clock, not the system clock.
        validation.validate_exp = false;
        validation.validate_nbf = false;
        validation.set_audience(&[AUDIENCE]);
        validation.set_issuer(&[self.issuer.as_str()]);
        validation.set_required_spec_claims(&["exp", "nbf", "iat", "sub", "aud", "iss"]);
        let claims = jsonwebtoken::decode::<AccessClaims>(token, key, &validation)
            .map_err(|_| JwtError::Invalid)?
            .claims;
        check_times(claims.nbf, claims.exp, now)?;
        Ok(claims)
    }
}

/// Whether a token with these `nbf` and `exp` may be used at `now` (with the leeway).
/// A cache of verified tokens asks this again on every use.
pub fn check_times(nbf: i64, exp: i64, now: OffsetDateTime) -> Result<(), JwtError> {
    let now = now.unix_timestamp();
    if now > exp + LEEWAY_SECS {
        return Err(JwtError::Expired);
    }
    if now + LEEWAY_SECS < nbf {
        return Err(JwtError::NotYetValid);
    }
    Ok(())
}

/// What a cache of verified tokens is keyed by: the SHA-256 of the whole token, signature
/// included, so any change to a token misses and is verified afresh.
pub fn token_digest(token: &str) -> [u8; 32] {
    use sha2::Digest as _;
    sha2::Sha256::digest(token.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_core::SeededRng;
    use time::macros::datetime;
    use time::Duration;

    const ISSUER: &str = "https://api.example.com";
    const NOW: OffsetDateTime = datetime!(2026-11-23 12:00 UTC);

    fn key(kid: &str, seed: u64) -> SigningKey {
        SigningKey::generate(kid.into(), &SeededRng::new(seed)).unwrap()
    }

    fn claims(at: OffsetDateTime) -> AccessClaims {
        AccessClaims {
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            sub: "usr_01jd0000000000000000000000".into(),
            sid: "ses_01jd0000000000000000000000".into(),
            iat: at.unix_timestamp(),
            nbf: at.unix_timestamp(),
            exp: (at + Duration::minutes(15)).unix_timestamp(),
            jti: "jti-1".into(),
        }
    }

    fn verifier(keys: &[&SigningKey]) -> Verifier {
        let public: Vec<_> = keys
            .iter()
            .map(|k| (k.kid().to_owned(), k.public_key()))
            .collect();
        Verifier::new(ISSUER.into(), &public)
    }

    fn b64(json: &str) -> String {
        URL_SAFE_NO_PAD.encode(json)
    }

    #[test]
    fn a_signed_token_verifies_and_carries_its_claims() {
        let key = key("k1", 1);
        let token = key.sign(&claims(NOW)).unwrap();
        assert_eq!(verifier(&[&key]).verify(&token, NOW).unwrap(), claims(NOW));
    }

    #[test]
    fn the_header_names_eddsa_and_the_kid() {
        let token = key("k1", 1).sign(&claims(NOW)).unwrap();
        let header = jsonwebtoken::decode_header(&token).unwrap();
        assert_eq!(header.alg, Algorithm::EdDSA);
        assert_eq!(header.kid.as_deref(), Some("k1"));
    }

    #[test]
    fn alg_none_is_refused() {
        let key = key("k1", 1);
        let payload = serde_json::to_string(&claims(NOW)).unwrap();
        for header in [
            r#"{"alg":"none","kid":"k1"}"#,
            r#"{"alg":"None","kid":"k1"}"#,
        ] {
            let token = format!("{}.{}.", b64(header), b64(&payload));
            assert!(verifier(&[&key]).verify(&token, NOW).is_err(), "{header}");
        }
    }

    #[test]
    fn hs256_signed_with_the_public_key_is_refused() {
        let key = key("k1", 1);
        let mut header = Header::new(Algorithm::HS256);
        header.kid = Some("k1".into());
        let forged = jsonwebtoken::encode(
            &header,
            &claims(NOW),
            &EncodingKey::from_secret(&key.public_key()),
        )
        .unwrap();
        assert_eq!(
            verifier(&[&key]).verify(&forged, NOW),
            Err(JwtError::Algorithm)
        );
    }

    #[test]
    fn an_unknown_kid_is_refused() {
        let known = key("k1", 1);
        let stranger = key("k2", 2);
        let token = stranger.sign(&claims(NOW)).unwrap();
        assert_eq!(
            verifier(&[&known]).verify(&token, NOW),
            Err(JwtError::UnknownKey)
        );
    }

    #[test]
    fn a_known_kid_with_another_keys_signature_is_refused() {
        let known = key("k1", 1);
        let impostor = key("k1", 2);
        let token = impostor.sign(&claims(NOW)).unwrap();
        assert_eq!(
            verifier(&[&known]).verify(&token, NOW),
            Err(JwtError::Invalid)
        );
    }

    #[test]
    fn key_pointing_headers_are_refused() {
        let key = key("k1", 1);
        let der = ed25519_dalek::SigningKey::from_bytes(key.seed())
            .to_pkcs8_der()
            .unwrap();
        let encoding = EncodingKey::from_ed_der(der.as_bytes());
        for field in ["jku", "x5u"] {
            let mut header = Header::new(Algorithm::EdDSA);
            header.kid = Some("k1".into());
            match field {
                "jku" => header.jku = Some("https://evil.example/jwks.json".into()),
                _ => header.x5u = Some("https://evil.example/cert.pem".into()),
            }
            let token = jsonwebtoken::encode(&header, &claims(NOW), &encoding).unwrap();
            assert_eq!(
                verifier(&[&key]).verify(&token, NOW),
                Err(JwtError::KeyHeader),
                "{field}"
            );
        }
    }

    #[test]
    fn wrong_issuer_or_audience_is_refused() {
        let key = key("k1", 1);
        let mut wrong_iss = claims(NOW);
        wrong_iss.iss = "https://evil.example".into();
        let mut wrong_aud = claims(NOW);
        wrong_aud.aud = "someone-else".into();
        for bad in [wrong_iss, wrong_aud] {
            let token = key.sign(&bad).unwrap();
            assert_eq!(
                verifier(&[&key]).verify(&token, NOW),
                Err(JwtError::Invalid)
            );
        }
    }

    #[test]
    fn expiry_allows_at_most_thirty_seconds_of_leeway() {
        let key = key("k1", 1);
        let token = key.sign(&claims(NOW)).unwrap();
        let expiry = NOW + Duration::minutes(15);
        assert!(verifier(&[&key])
            .verify(&token, expiry + Duration::seconds(30))
            .is_ok());
        assert_eq!(
            verifier(&[&key]).verify(&token, expiry + Duration::seconds(31)),
            Err(JwtError::Expired)
        );
    }

    #[test]
    fn a_token_from_the_future_is_refused_beyond_the_leeway() {
        let key = key("k1", 1);
        let token = key.sign(&claims(NOW + Duration::minutes(5))).unwrap();
        assert_eq!(
            verifier(&[&key]).verify(&token, NOW),
            Err(JwtError::NotYetValid)
        );
        assert!(verifier(&[&key])
            .verify(&token, NOW + Duration::seconds(4 * 60 + 30))
            .is_ok());
    }

    #[test]
    fn a_tampered_payload_is_refused() {
        let key = key("k1", 1);
        let token = key.sign(&claims(NOW)).unwrap();
        let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
        let mut forged = claims(NOW);
        forged.sub = "usr_01jdzzzzzzzzzzzzzzzzzzzzzz".into();
        parts[1] = b64(&serde_json::to_string(&forged).unwrap());
        assert_eq!(
            verifier(&[&key]).verify(&parts.join("."), NOW),
            Err(JwtError::Invalid)
        );
    }

    #[test]
    fn the_jwk_publishes_the_public_key_only() {
        let key = key("k1", 1);
        let jwk = serde_json::to_value(PublicJwk::ed25519(key.kid(), &key.public_key())).unwrap();
        assert_eq!(jwk["kty"], "OKP");
        assert_eq!(jwk["crv"], "Ed25519");
        assert_eq!(jwk["use"], "sig");
        assert_eq!(jwk["alg"], "EdDSA");
        assert_eq!(
            URL_SAFE_NO_PAD.decode(jwk["x"].as_str().unwrap()).unwrap(),
            key.public_key()
        );
        assert!(jwk.get("d").is_none());
        assert!(!format!("{key:?}").contains(&URL_SAFE_NO_PAD.encode(key.seed())));
    }
}
