//! TOTP multi-factor authentication: enrolment (a sealed seed, confirmed by a first code, which
//! issues ten single-use recovery codes), the second step of a sign-in (`mfa_token` + code),
//! step-up for sensitive actions, and removal. Every code works once: a TOTP code's time step
//! is spent atomically in the store, a recovery code is spent by digest. Wrong codes count
//! towards the account's brute-force lock like wrong passwords.

use super::flows::IssuedTokens;
use super::{platform, Auth, AuthError, Caller};
use crate::audit::{Actor, Origin, Resource};
use palisade_core::audit::PLATFORM_LOG;
use palisade_core::UserId;
use palisade_crypto::totp::{qr_svg, TotpSecret};
use palisade_crypto::{OpaqueToken, TokenDigest, Verification};
use secrecy::{ExposeSecret, SecretString};
use time::{Duration, OffsetDateTime};

/// The issuer an authenticator app files the account under.
pub const TOTP_ISSUER: &str = "Palisade";
/// How many recovery codes an enrolment issues.
pub const RECOVERY_CODES: usize = 10;
/// How long the second step of a sign-in may take.
pub const CHALLENGE_TTL: Duration = Duration::minutes(5);
/// How recent a session's second factor must be for a sensitive action.
pub const STEP_UP_WINDOW: Duration = Duration::minutes(10);
pub const MFA_TOKEN_PREFIX: &str = "palm_";
/// Recovery codes are 10 characters of this alphabet (50 bits), shown as `xxxxx-xxxxx`.
const RECOVERY_ALPHABET: &[u8; 32] = b"abcdefghjkmnpqrstuvwxyz023456789";

/// What enrolment shows once: the seed, as text and as a QR code.
pub struct TotpEnrollment {
    pub secret: SecretString,
    pub otpauth_uri: SecretString,
    pub qr_svg: Option<String>,
}

impl std::fmt::Debug for TotpEnrollment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TotpEnrollment([REDACTED])")
    }
}

/// Recovery codes in the clear: shown once, at confirmation.
pub struct RecoveryCodes(pub Vec<SecretString>);

impl std::fmt::Debug for RecoveryCodes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RecoveryCodes({} codes, [REDACTED])", self.0.len())
    }
}

/// The first step of a sign-in succeeded; the second factor is owed.
pub struct MfaChallenge {
    pub mfa_token: OpaqueToken,
    pub expires_in: i64,
}

impl std::fmt::Debug for MfaChallenge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MfaChallenge")
            .field("mfa_token", &self.mfa_token)
            .field("expires_in", &self.expires_in)
            .finish()
    }
}

/// What a sign-in with a correct password answers.
#[derive(Debug)]
pub enum LoginOutcome {
    Signed(IssuedTokens),
    MfaRequired(MfaChallenge),
}

/// A second factor that was accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactorUsed {
    Totp,
    /// A recovery code, and how many remain.
    RecoveryCode {
        remaining: u32,
    },
}

/// An account's MFA, as `/v1/me` shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MfaStatus {
    pub enabled: bool,
    pub recovery_codes_remaining: u32,
}

/// Recovery codes are compared in one canonical form: lower case, no separators.
fn canonical_recovery_code(code: &str) -> String {
    code.chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

/// What is stored of a recovery code: bound to its account, so a digest guessed for one
/// account says nothing about another's.
fn recovery_digest(user: UserId, canonical: &str) -> TokenDigest {
    TokenDigest::of(&format!("{user}:{canonical}"))
}

impl Auth {
    fn totp_secret(&self, user: UserId, sealed: &[u8]) -> Result<TotpSecret, AuthError> {
        let opened = self
            .totp_sealer
            .open(&user.to_string(), b"", sealed)
            .map_err(|_| AuthError::Internal("a TOTP seed does not open".into()))?;
        TotpSecret::from_bytes(opened.expose_secret().clone())
            .map_err(|e| AuthError::Internal(e.to_string()))
    }

    /// Starts enrolment: a fresh seed, replacing any enrolment not yet confirmed.
    pub async fn begin_totp(
        &self,
        caller: &Caller,
        origin: &Origin,
    ) -> Result<TotpEnrollment, AuthError> {
        let user = self.account(caller).await?;
        let secret = TotpSecret::generate(self.deps.rng());
        let sealed =
            self.totp_sealer
                .seal(&user.id.to_string(), secret.expose_bytes(), self.deps.rng());
        let event = self.audit.entry(
            platform(
                Actor::User(user.id),
                "mfa.enrollment_started",
                Resource::new("user", user.id),
            ),
            origin,
        );
        let now = self.deps.now();
        if !self
            .deps
            .store
            .begin_totp(user.id, &sealed, now, &event)
            .await?
        {
            return Err(AuthError::MfaAlreadyEnrolled);
        }
        self.audit.appended(PLATFORM_LOG);
        let otpauth_uri = secret.otpauth_uri(TOTP_ISSUER, &user.email);
        Ok(TotpEnrollment {
            secret: secret.base32(),
            qr_svg: qr_svg(otpauth_uri.expose_secret()),
            otpauth_uri,
        })
    }

    /// Activates the pending enrolment with a first code; returns the recovery codes (once).
    /// The session that confirmed counts as having just proved a second factor.
    pub async fn confirm_totp(
        &self,
        caller: &Caller,
        code: &str,
        origin: &Origin,
    ) -> Result<RecoveryCodes, AuthError> {
        let user = caller.user();
        let pending = match self.deps.store.totp(user).await? {
            Some(record) if record.confirmed_at.is_none() => record,
            Some(_) => return Err(AuthError::MfaAlreadyEnrolled),
            None => return Err(AuthError::MfaNotEnrolled),
        };
        let now = self.deps.now();
        let secret = self.totp_secret(user, &pending.secret_sealed)?;
        let Some(step) = secret.matching_step(code, unix_seconds(now)) else {
            self.audit.record(
                platform(
                    Actor::User(user),
                    "mfa.enrolled",
                    Resource::new("user", user),
                )
                .denied("invalid_code"),
                origin,
            );
            return Err(AuthError::InvalidMfaCode);
        };
        let codes: Vec<SecretString> = (0..RECOVERY_CODES).map(|_| self.recovery_code()).collect();
        let digests: Vec<String> = codes
            .iter()
            .map(|c| {
                recovery_digest(user, &canonical_recovery_code(c.expose_secret()))
                    .as_str()
                    .to_owned()
            })
            .collect();
        let event = self.audit.entry(
            platform(
                Actor::User(user),
                "mfa.enrolled",
                Resource::new("user", user),
            ),
            origin,
        );
        let step = i64::try_from(step).map_err(|e| AuthError::Internal(e.to_string()))?;
        if !self
            .deps
            .store
            .confirm_totp(user, step, &digests, now, &event)
            .await?
        {
            return Err(AuthError::MfaAlreadyEnrolled);
        }
        self.audit.appended(PLATFORM_LOG);
        self.mark_step_up(caller, "enrollment", origin).await?;
        Ok(RecoveryCodes(codes))
    }

    fn recovery_code(&self) -> SecretString {
        let mut bytes = [0u8; 10];
        self.deps.rng().fill(&mut bytes);
        let text: String = bytes
            .iter()
            .map(|b| char::from(RECOVERY_ALPHABET[usize::from(b & 31)]))
            .collect();
        SecretString::from(format!("{}-{}", &text[..5], &text[5..]))
    }

    /// Checks a code (TOTP or recovery) of a confirmed enrolment and spends it. A wrong or
    /// reused code counts towards the lock; so does any code while the account is locked.
    pub(super) async fn check_second_factor(
        &self,
        user: UserId,
        code: &str,
        action: &'static str,
        origin: &Origin,
    ) -> Result<FactorUsed, AuthError> {
        let now = self.deps.now();
        let record = self
            .deps
            .store
            .user_by_id(user)
            .await?
            .ok_or(AuthError::InvalidMfaCode)?;
        let enrolment = match self.deps.store.totp(user).await? {
            Some(e) if e.confirmed_at.is_some() => e,
            _ => return Err(AuthError::MfaNotEnrolled),
        };
        let (_, locked) = self.lock_of(Some(&record), now).await?;
        let denied = |reason: &'static str| {
            self.audit.record(
                platform(Actor::User(user), action, Resource::new("user", user)).denied(reason),
                origin,
            );
        };
        if locked {
            denied("account_locked");
            return Err(AuthError::InvalidMfaCode);
        }
        let secret = self.totp_secret(user, &enrolment.secret_sealed)?;
        let used = match secret.matching_step(code, unix_seconds(now)) {
            Some(step) => {
                let step = i64::try_from(step).map_err(|e| AuthError::Internal(e.to_string()))?;
                if self.deps.store.spend_totp_step(user, step).await? {
                    Some(FactorUsed::Totp)
                } else {
                    denied("code_reused");
                    self.count_failure(&record, now, origin).await?;
                    return Err(AuthError::InvalidMfaCode);
                }
            }
            None => self.spend_recovery_code(user, code, now, origin).await?,
        };
        match used {
            // Guesses checked in parallel all read the lock before any of them set it: look
            // again, so a burst gets no more than the threshold.
            Some(_) if self.lock_of(Some(&record), now).await?.1 => {
                denied("account_locked");
                Err(AuthError::InvalidMfaCode)
            }
            Some(used) => Ok(used),
            None => {
                denied("invalid_code");
                self.count_failure(&record, now, origin).await?;
                Err(AuthError::InvalidMfaCode)
            }
        }
    }

    async fn spend_recovery_code(
        &self,
        user: UserId,
        code: &str,
        now: OffsetDateTime,
        origin: &Origin,
    ) -> Result<Option<FactorUsed>, AuthError> {
        let canonical = canonical_recovery_code(code);
        if canonical.len() != 10 {
            return Ok(None);
        }
        let digest = recovery_digest(user, &canonical);
        let event = self.audit.entry(
            platform(
                Actor::User(user),
                "mfa.recovery_code_used",
                Resource::new("user", user),
            ),
            origin,
        );
        let left = self
            .deps
            .store
            .spend_recovery_code(user, digest.as_str(), now, &event)
            .await?;
        if left.is_some() {
            self.audit.appended(PLATFORM_LOG);
        }
        Ok(left.map(|remaining| FactorUsed::RecoveryCode { remaining }))
    }

    /// The second step of a sign-in: the challenge from the first and a code.
    pub async fn verify_mfa(
        &self,
        mfa_token: &str,
        code: &str,
        origin: &Origin,
    ) -> Result<(IssuedTokens, FactorUsed), AuthError> {
        let now = self.deps.now();
        self.refuse_blocked_address(origin, now).await?;
        let digest = TokenDigest::of(mfa_token);
        let Some(user) = self.deps.store.mfa_challenge(digest.as_str(), now).await? else {
            self.audit.record(
                platform(Actor::Anonymous, "mfa.verified", Resource::kind("user"))
                    .denied("invalid_mfa_token"),
                origin,
            );
            return Err(AuthError::InvalidMfaToken);
        };
        let used = self
            .check_second_factor(user, code, "mfa.verified", origin)
            .await?;
        if !self
            .deps
            .store
            .spend_mfa_challenge(digest.as_str(), now)
            .await?
        {
            return Err(AuthError::InvalidMfaToken);
        }
        self.deps.store.clear_login_failures(user).await?;
        self.audit.record(
            platform(
                Actor::User(user),
                "mfa.verified",
                Resource::new("user", user),
            ),
            origin,
        );
        let tokens = self.start_session(user, Some(now), origin).await?;
        Ok((tokens, used))
    }

    /// Leaves the second step of a sign-in owed: a single-purpose token, good for minutes.
    pub(super) async fn challenge(&self, user: UserId) -> Result<MfaChallenge, AuthError> {
        let now = self.deps.now();
        let token = OpaqueToken::generate(MFA_TOKEN_PREFIX, self.deps.rng());
        self.deps
            .store
            .create_mfa_challenge(token.digest().as_str(), user, now, now + CHALLENGE_TTL)
            .await?;
        Ok(MfaChallenge {
            mfa_token: token,
            expires_in: CHALLENGE_TTL.whole_seconds(),
        })
    }

    /// Proves a second factor again in the current session (for sensitive actions).
    pub async fn step_up(
        &self,
        caller: &Caller,
        code: &str,
        origin: &Origin,
    ) -> Result<FactorUsed, AuthError> {
        let used = self
            .check_second_factor(caller.user(), code, "mfa.step_up", origin)
            .await?;
        self.mark_step_up(caller, "code", origin).await?;
        Ok(used)
    }

    async fn mark_step_up(
        &self,
        caller: &Caller,
        how: &'static str,
        origin: &Origin,
    ) -> Result<(), AuthError> {
        let event = self.audit.entry(
            platform(
                Actor::User(caller.user()),
                "mfa.step_up",
                Resource::new("session", caller.session()),
            )
            .because(how),
            origin,
        );
        self.deps
            .store
            .mark_session_mfa(caller.session(), self.deps.now(), &event)
            .await?;
        self.audit.appended(PLATFORM_LOG);
        Ok(())
    }

    /// Removes MFA. Needs a current code (or recovery code), or the password from a session
    /// that proved a second factor in the last ten minutes.
    pub async fn remove_totp(
        &self,
        caller: &Caller,
        code: Option<&str>,
        password: Option<SecretString>,
        origin: &Origin,
    ) -> Result<(), AuthError> {
        let user = caller.user();
        match (code, password) {
            (Some(code), _) => {
                self.check_second_factor(user, code, "mfa.disabled", origin)
                    .await?;
            }
            (None, Some(password)) => {
                self.check_password_again(caller, password, "mfa.disabled", origin)
                    .await?;
                self.require_step_up(caller).await?;
            }
            (None, None) => return Err(AuthError::InvalidMfaCode),
        }
        let event = self.audit.entry(
            platform(
                Actor::User(user),
                "mfa.disabled",
                Resource::new("user", user),
            ),
            origin,
        );
        if !self.deps.store.remove_totp(user, &event).await? {
            return Err(AuthError::MfaNotEnrolled);
        }
        self.audit.appended(PLATFORM_LOG);
        Ok(())
    }

    /// Refuses unless the caller's account has no MFA or the session proved it recently.
    pub async fn require_step_up(&self, caller: &Caller) -> Result<(), AuthError> {
        super::step_up::require_recent_mfa(&self.deps, caller.user(), Some(caller.session()))
            .await
            .map_err(AuthError::from)
    }

    pub async fn mfa_status(&self, caller: &Caller) -> Result<MfaStatus, AuthError> {
        let enabled = self
            .deps
            .store
            .totp(caller.user())
            .await?
            .is_some_and(|t| t.confirmed_at.is_some());
        let recovery_codes_remaining = if enabled {
            self.deps.store.recovery_codes_left(caller.user()).await?
        } else {
            0
        };
        Ok(MfaStatus {
            enabled,
            recovery_codes_remaining,
        })
    }

    /// The account's password, asked again; a wrong one counts towards the lock.
    pub(super) async fn check_password_again(
        &self,
        caller: &Caller,
        password: SecretString,
        action: &'static str,
        origin: &Origin,
    ) -> Result<(), AuthError> {
        let record = self.account(caller).await?;
        let now = self.deps.now();
        let (_, locked) = self.lock_of(Some(&record), now).await?;
        let verification = self
            .passwords
            .verify(password, Some(record.password_hash.clone()))
            .await?;
        if locked || verification == Verification::Invalid {
            let reason = if locked {
                "account_locked"
            } else {
                "invalid_credentials"
            };
            self.audit.record(
                platform(
                    Actor::User(record.id),
                    action,
                    Resource::new("user", record.id),
                )
                .denied(reason),
                origin,
            );
            if !locked {
                self.count_failure(&record, now, origin).await?;
            }
            return Err(AuthError::InvalidCredentials);
        }
        Ok(())
    }
}

pub(super) fn unix_seconds(at: OffsetDateTime) -> u64 {
    u64::try_from(at.unix_timestamp()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_codes_compare_without_case_or_separators() {
        assert_eq!(canonical_recovery_code("AbCdE-fGhJk"), "abcdefghjk");
        assert_eq!(canonical_recovery_code(" abcde fghjk "), "abcdefghjk");
    }

    #[test]
    fn the_recovery_alphabet_has_32_distinct_symbols() {
        let mut seen = std::collections::HashSet::new();
        assert!(RECOVERY_ALPHABET.iter().all(|b| seen.insert(*b)));
    }
}
