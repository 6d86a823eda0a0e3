//! jiaodui (校对) proofreads Chinese newspaper bulletin drafts.
pub mod text;
