//! `Authenticated`: the caller's user and session, proven by an access token sent as
//! `Authorization: Bearer …` or, for browser apps, in the `__Host-palisade_access` cookie. A
//! cookie-authenticated request that changes state must also carry `X-CSRF-Token` equal to
//! the `__Host-palisade_csrf` cookie (double submit): another site can make the browser send
//! our cookies, but cannot read them to copy one into a header.

use crate::error::ApiError;
use crate::middleware::rate_limit;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, Method};
use palisade_core::{SessionId, UserId};
use palisade_service::auth::{constant_time_eq, AuthError, Caller};
use palisade_service::limits::Subject;

pub const ACCESS_COOKIE: &str = "__Host-palisade_access";
pub const REFRESH_COOKIE: &str = "__Host-palisade_refresh";
pub const CSRF_COOKIE: &str = "__Host-palisade_csrf";
pub const CSRF_HEADER: &str = "x-csrf-token";

/// How the caller proved who they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credential {
    Bearer,
    Cookie,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Authenticated {
    pub user: UserId,
    pub session: SessionId,
    pub via: Credential,
    caller: Caller,
}

impl Authenticated {
    /// Who the services are told is calling (only identity can make one).
    pub fn caller(&self) -> Caller {
        self.caller
    }
}

/// The value of cookie `name`, if the request carries it.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// Refuses a state-changing cookie-authenticated request without a matching CSRF header.
pub fn require_csrf(method: &Method, headers: &HeaderMap) -> Result<(), AuthError> {
    if matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS) {
        return Ok(());
    }
    let expected = cookie(headers, CSRF_COOKIE).ok_or(AuthError::Csrf)?;
    let sent = headers
        .get(CSRF_HEADER)
        .and_then(|v| v.to_str().ok())
        .ok_or(AuthError::Csrf)?;
    if constant_time_eq(expected, sent) {
        Ok(())
    } else {
        Err(AuthError::Csrf)
    }
}

fn bearer(headers: &HeaderMap) -> Result<Option<&str>, AuthError> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value.to_str().map_err(|_| AuthError::InvalidAccessToken)?;
    match value.split_once(' ') {
        Some((scheme, token))
            if scheme.eq_ignore_ascii_case("bearer") && !token.trim().is_empty() =>
        {
            Ok(Some(token.trim()))
        }
        _ => Err(AuthError::InvalidAccessToken),
    }
}

impl Authenticated {
    /// Verifies the request's access token (bearer or cookie + CSRF), spending no budget:
    /// callers that know the workspace ([`super::Scoped`]) spend it there.
    pub(crate) async fn verify(parts: &Parts, state: &AppState) -> Result<Self, ApiError> {
        let (token, via) = match bearer(&parts.headers)? {
            Some(token) => (token, Credential::Bearer),
            None => match cookie(&parts.headers, ACCESS_COOKIE) {
                Some(token) => (token, Credential::Cookie),
                None => return Err(AuthError::Unauthenticated.into()),
            },
        };
        if via == Credential::Cookie {
            require_csrf(&parts.method, &parts.headers)?;
        }
        let caller = state.platform().auth.authenticate_access(token).await?;
        Ok(Authenticated {
            user: caller.user(),
            session: caller.session(),
            via,
            caller,
        })
    }

    /// The rate-limit principal this caller is.
    pub(crate) fn subject(&self) -> Subject<'static> {
        Subject::Session {
            id: self.session,
            user: self.user,
        }
    }
}

impl FromRequestParts<AppState> for Authenticated {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let caller = match Self::verify(parts, state).await {
            Ok(caller) => caller,
            Err(error) => return Err(rate_limit::spend_failed(parts, state, error).await),
        };
        let origin = super::origin_of(parts);
        rate_limit::spend(parts, state, caller.subject(), None, &origin).await?;
        Ok(caller)
    }
}
