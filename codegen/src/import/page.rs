//! A page's text as numbered lines: every fact the readers find keeps the line it came from, so a warning can point
//! at it.

/// One page's lines, without line ends or a byte-order mark.
pub struct Page<'a> {
    lines: Vec<&'a str>,
}

impl<'a> Page<'a> {
    pub fn new(text: &'a str) -> Page<'a> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let lines = text
            .split('\n')
            .map(|line| line.strip_suffix('\r').unwrap_or(line))
            .collect();
        Page { lines }
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// The line at index `i` (0-based), trimmed.
    pub fn text(&self, i: usize) -> &'a str {
        self.lines.get(i).map_or("", |line| line.trim())
    }

    /// The line at index `i` as the page has it.
    pub fn raw(&self, i: usize) -> &'a str {
        self.lines.get(i).copied().unwrap_or("")
    }

    /// The first index in `from..to` whose trimmed text satisfies `pred`.
    pub fn find(&self, from: usize, to: usize, pred: impl Fn(&str) -> bool) -> Option<usize> {
        (from..to.min(self.len())).find(|&i| pred(self.text(i)))
    }

    /// The indices in `from..to` of lines that are not blank.
    pub fn non_blank(&self, from: usize, to: usize) -> Vec<usize> {
        (from..to.min(self.len()))
            .filter(|&i| !self.text(i).is_empty())
            .collect()
    }
}
