//! The CSV exports are read back with a strict reader of our own rather than a library's lenient one.

/// The export's first columns: `record` (`episode` or `night`) and an episode's fields; one column a
/// habit follows.
pub const COLUMNS: [&str; 10] = [
    "record",
    "night",
    "began",
    "muscle",
    "side",
    "intensity",
    "minutes",
    "symptoms",
    "routine",
    "steps",
];

/// RFC 4180 records: fields separated by commas, records by CRLF, a quoted field may hold commas,
/// quotes (doubled) and line breaks. Panics on anything else, so a bare LF or a stray quote fails.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        match c {
            '"' if at_field_start => {
                loop {
                    match chars.next() {
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some(c) => field.push(c),
                        None => panic!("unterminated quoted field in {text:?}"),
                    }
                }
                match chars.peek() {
                    Some(',') | Some('\r') | None => {}
                    other => panic!("{other:?} after a closing quote in {text:?}"),
                }
                at_field_start = false;
            }
            '"' => panic!("a quote inside an unquoted field in {text:?}"),
            ',' => {
                record.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF in {text:?}");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_field_start = true;
            }
            '\n' => panic!("a bare LF (records end in CRLF) in {text:?}"),
            c => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    assert!(
        field.is_empty() && record.is_empty(),
        "the last record does not end in CRLF: {text:?}"
    );
    records
}
