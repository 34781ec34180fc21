//! Palisade domain types shared by every other crate: typed, prefixed ids; the injected
//! `Clock` and `SecureRng`. This crate does no I/O so that it can be reasoned about alone.

pub mod audit;
pub mod clock;
pub mod email;
pub mod grant;
pub mod id;
pub mod name;
pub mod rng;
pub mod roles;

pub use clock::{Clock, ManualClock, SystemClock};
pub use email::{Email, InvalidEmail};
pub use grant::{Granted, Holder, Permit};
pub use id::{
    AuditEventId, IdParseError, InstanceId, MailId, RecordId, RequestId, SessionId, SigningKeyId,
    UserId, WorkspaceId,
};
pub use name::{DisplayName, InvalidName};
pub use rng::{OsSecureRng, RngAdapter, SecureRng, SeededRng};
pub use roles::{Permission, Role};
