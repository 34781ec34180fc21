//! Extractors: the only way handlers receive input, each turning bad input into a problem.

mod json;

pub use json::Json;
