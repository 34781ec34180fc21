//! What an operation can answer besides success, derived from the types of its handler's
//! arguments: every extractor declares the problems it can refuse a request with and the
//! credentials it accepts. [`RouteTable`](super::RouteTable) reads a handler's contract from its
//! signature, so a new route cannot forget the 401 its `Authenticated` argument can answer, and a
//! new extractor does not compile into a route until it says what it refuses.

use super::Verb;
use crate::extract::{AdminSession, Authenticated, ClientAddr, Json, RequestOrigin, Scoped};
use crate::problem_code::ProblemCode;
use axum::extract::{Path, Query, RawQuery, Request, State};
use axum::http::HeaderMap;
use palisade_core::Permit;
use std::collections::BTreeSet;

/// Which credentials an operation accepts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Credentials {
    /// Public: no credential needed.
    #[default]
    None,
    /// A user's session: an access token, or the session cookie (+ CSRF header for writes).
    Session,
    /// A session, or a workspace API key.
    SessionOrApiKey,
}

/// Everything an operation can refuse, and how it authenticates.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contract {
    pub problems: BTreeSet<ProblemCode>,
    pub credentials: Credentials,
    /// The permission its workspace extractor checks, if it has one.
    pub permission: Option<palisade_core::Permission>,
}

impl Contract {
    /// Problems any request can meet before or around its handler: the request-target guard,
    /// the body limit (by `Content-Length`, whatever the method), the request timeout and our
    /// own failures.
    const EVERY_REQUEST: &'static [ProblemCode] = &[
        ProblemCode::InvalidRequestTarget,
        ProblemCode::PayloadTooLarge,
        ProblemCode::RequestTimeout,
        ProblemCode::InternalError,
    ];

    fn add(&mut self, codes: &[ProblemCode]) {
        self.problems.extend(codes.iter().copied());
    }

    fn accept(&mut self, credentials: Credentials) {
        self.credentials = self.credentials.max(credentials);
    }
}

/// An extractor's part of the contract.
pub trait Refusals {
    fn refusals(verb: Verb, contract: &mut Contract);
}

/// Extractors that cannot refuse a request.
macro_rules! refuses_nothing {
    ($($ty:ty),* $(,)?) => {
        $(impl Refusals for $ty {
            fn refusals(_: Verb, _: &mut Contract) {}
        })*
    };
}

refuses_nothing!(HeaderMap, RawQuery, ClientAddr, RequestOrigin, Request);

impl<S> Refusals for State<S> {
    fn refusals(_: Verb, _: &mut Contract) {}
}

/// Path and query strings that do not decode into the declared shape are axum rejections.
impl<T> Refusals for Path<T> {
    fn refusals(_: Verb, contract: &mut Contract) {
        contract.add(&[ProblemCode::BadRequest]);
    }
}

impl<T> Refusals for Query<T> {
    fn refusals(_: Verb, contract: &mut Contract) {
        contract.add(&[ProblemCode::BadRequest]);
    }
}

/// The problems a JSON request body can be refused with (see [`Json`]).
pub const JSON_BODY: &[ProblemCode] = &[
    ProblemCode::BadRequest,
    ProblemCode::MalformedJson,
    ProblemCode::PayloadTooLarge,
    ProblemCode::UnsupportedMediaType,
    ProblemCode::InvalidBody,
];

impl<T> Refusals for Json<T> {
    fn refusals(_: Verb, contract: &mut Contract) {
        contract.add(JSON_BODY);
    }
}

/// The problems an access token or session cookie can be refused with.
const SESSION: &[ProblemCode] = &[
    ProblemCode::Unauthenticated,
    ProblemCode::InvalidToken,
    ProblemCode::SessionExpired,
    ProblemCode::SessionRevoked,
];

fn session_refusals(verb: Verb, contract: &mut Contract) {
    contract.add(SESSION);
    // A session is re-read from the store at most once a second; that read can meet an outage.
    contract.add(&[ProblemCode::DatabaseUnavailable]);
    if verb != Verb::Get {
        contract.add(&[ProblemCode::CsrfTokenInvalid]);
    }
}

impl Refusals for Authenticated {
    fn refusals(verb: Verb, contract: &mut Contract) {
        session_refusals(verb, contract);
        contract.accept(Credentials::Session);
    }
}

impl Refusals for AdminSession {
    fn refusals(verb: Verb, contract: &mut Contract) {
        session_refusals(verb, contract);
        contract.add(&[ProblemCode::PlatformAdminRequired, ProblemCode::MfaRequired]);
        contract.accept(Credentials::Session);
    }
}

impl<N: Permit> Refusals for Scoped<N> {
    fn refusals(verb: Verb, contract: &mut Contract) {
        session_refusals(verb, contract);
        contract.add(&[
            ProblemCode::InvalidApiKey,
            ProblemCode::WorkspaceForbidden,
            ProblemCode::PermissionDenied,
            ProblemCode::MfaEnrollmentRequired,
        ]);
        contract.accept(Credentials::SessionOrApiKey);
        contract.permission = Some(N::PERMISSION);
    }
}

/// A handler whose every argument is a [`Refusals`] extractor. `Args` is the tuple of argument
/// types, inferred from the function's signature.
pub trait Documented<Args> {
    fn contract(verb: Verb) -> Contract;
}

macro_rules! documented {
    ($($arg:ident),*) => {
        impl<F, Fut, $($arg,)*> Documented<($($arg,)*)> for F
        where
            F: FnOnce($($arg),*) -> Fut,
            $($arg: Refusals,)*
        {
            #[allow(unused_variables, unused_mut)]
            fn contract(verb: Verb) -> Contract {
                let mut contract = Contract::default();
                contract.add(Contract::EVERY_REQUEST);
                $($arg::refusals(verb, &mut contract);)*
                contract
            }
        }
    };
}

documented!();
documented!(T1);
documented!(T1, T2);
documented!(T1, T2, T3);
documented!(T1, T2, T3, T4);
documented!(T1, T2, T3, T4, T5);
documented!(T1, T2, T3, T4, T5, T6);

/// The contract of `handler` for `verb`, plus the codes its service calls can answer.
pub fn of<H, Args>(_handler: &H, verb: Verb, own: &[ProblemCode]) -> Contract
where
    H: Documented<Args>,
{
    let mut contract = H::contract(verb);
    contract.add(own);
    contract
}

#[cfg(test)]
mod tests {
    use super::*;
    use palisade_core::grant::ReadRecords;

    async fn public(_: State<()>, _: Json<()>) {}
    async fn signed_in(_: Authenticated) {}
    async fn scoped(_: Scoped<ReadRecords>, _: Path<String>) {}

    #[test]
    fn a_json_body_brings_its_refusals() {
        let contract = of(&public, Verb::Post, &[]);
        for code in JSON_BODY {
            assert!(contract.problems.contains(code), "{code:?}");
        }
        assert_eq!(contract.credentials, Credentials::None);
    }

    #[test]
    fn an_authenticated_argument_makes_the_operation_answer_401() {
        let contract = of(&signed_in, Verb::Get, &[]);
        assert!(contract.problems.contains(&ProblemCode::Unauthenticated));
        assert!(!contract.problems.contains(&ProblemCode::CsrfTokenInvalid));
        assert_eq!(contract.credentials, Credentials::Session);
    }

    #[test]
    fn a_cookie_session_write_can_fail_the_csrf_check() {
        let contract = of(&signed_in, Verb::Post, &[]);
        assert!(contract.problems.contains(&ProblemCode::CsrfTokenInvalid));
    }

    #[test]
    fn a_scoped_argument_accepts_keys_and_answers_the_workspace_wall() {
        let contract = of(&scoped, Verb::Get, &[]);
        for code in [
            ProblemCode::InvalidApiKey,
            ProblemCode::WorkspaceForbidden,
            ProblemCode::PermissionDenied,
            ProblemCode::BadRequest,
        ] {
            assert!(contract.problems.contains(&code), "{code:?}");
        }
        assert_eq!(contract.credentials, Credentials::SessionOrApiKey);
    }
}
