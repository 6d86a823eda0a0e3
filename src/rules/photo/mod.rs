//! Photo credits: captions and photo-news items must credit the photographer,
//! in the house form `本报记者 王海 摄`.

pub mod credit_format;
pub mod credit_missing;
pub(crate) mod house;
