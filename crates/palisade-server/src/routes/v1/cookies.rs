//! Browser sessions: `__Host-` cookies (Secure, Path=/, no Domain: bound to this exact host),
//! the tokens HttpOnly, the CSRF token readable by the app's script for the double submit.

use crate::extract::auth::{ACCESS_COOKIE, CSRF_COOKIE, REFRESH_COOKIE};
use crate::state::AppState;
use axum::http::{header, HeaderMap, HeaderValue};
use base64::Engine;
use palisade_service::auth::IssuedTokens;

fn set(headers: &mut HeaderMap, name: &str, value: &str, max_age: i64, http_only: bool) {
    let http_only = if http_only { "; HttpOnly" } else { "" };
    let cookie =
        format!("{name}={value}; Path=/; Secure; SameSite=Lax; Max-Age={max_age}{http_only}");
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        headers.append(header::SET_COOKIE, value);
    }
}

/// Sets the session cookies; returns the CSRF token the app must echo in `X-CSRF-Token`.
pub fn issue(state: &AppState, tokens: &IssuedTokens, headers: &mut HeaderMap) -> String {
    let mut raw = [0u8; 32];
    state.rng().fill(&mut raw);
    let csrf = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw);
    let session_lifetime = state.config().auth.session_absolute_timeout.whole_seconds();
    set(
        headers,
        ACCESS_COOKIE,
        &tokens.access_token,
        tokens.expires_in,
        true,
    );
    set(
        headers,
        REFRESH_COOKIE,
        tokens.refresh_token.expose(),
        session_lifetime,
        true,
    );
    set(headers, CSRF_COOKIE, &csrf, session_lifetime, false);
    csrf
}

/// Expires the session cookies in the browser.
pub fn clear(headers: &mut HeaderMap) {
    for name in [ACCESS_COOKIE, REFRESH_COOKIE, CSRF_COOKIE] {
        set(headers, name, "", 0, name != CSRF_COOKIE);
    }
}
