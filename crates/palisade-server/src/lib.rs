//! palisade-server
