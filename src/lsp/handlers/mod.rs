//! One file per protocol feature. Each takes an analysed snapshot and the request's
//! parameters and returns the response; none of them touches the store.

pub(crate) mod code_action;
pub(crate) mod completion;
pub(crate) mod diagnostics;
pub(crate) mod hover;
pub(crate) mod inlay_hints;
pub(crate) mod symbols;
