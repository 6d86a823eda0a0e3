//! Punctuation (GB/T 15834-2011).
pub mod doubled;
pub mod halfwidth;
pub mod unpaired;
