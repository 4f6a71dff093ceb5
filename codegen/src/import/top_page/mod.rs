//! Taobao Open Platform API pages.

use super::draft::{Draft, Recorder};
use super::page::Page;

pub struct Found;

pub fn recognise(_page: &Page<'_>) -> Option<Found> {
    None
}

pub fn read(_page: &Page<'_>, _found: Found, _rec: &mut Recorder) -> Draft {
    unreachable!()
}
