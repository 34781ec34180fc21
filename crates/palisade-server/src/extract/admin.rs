//! `AdminSession`: a platform admin (flagged by `palisade admin grant`) in a session that
//! proved a second factor. Without both, `/v1/admin/*` answers 403 whatever the route.

use super::Authenticated;
use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use palisade_service::admin::PlatformAdmin;
use palisade_service::audit::Origin;

#[derive(Debug)]
pub struct AdminSession {
    pub admin: PlatformAdmin,
    pub origin: Origin,
}

impl FromRequestParts<AppState> for AdminSession {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let caller = Authenticated::from_request_parts(parts, state).await?;
        let origin = super::origin_of(parts);
        let admin = state
            .platform()
            .auth
            .platform_admin(&caller.caller(), &origin)
            .await?;
        Ok(Self { admin, origin })
    }
}
