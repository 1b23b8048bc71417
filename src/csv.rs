//! CSV files an admin opens in a spreadsheet (RFC 4180): fields with commas, quotes or line
//! breaks are quoted, quotes doubled, lines end in CRLF, and the file starts with a UTF-8 byte
//! order mark so that spreadsheet programs read names like "Zürich" right. A field that a
//! spreadsheet would run as a formula (`=`, `+`, `-`, `@`) is prefixed with `'`: location names
//! come from the API and must stay text.

/// The byte order mark at the start of every file.
pub const BOM: char = '\u{feff}';

/// One field, quoted when it must be.
pub fn field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([',', '"', '\n', '\r']) || value.trim() != value {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// A whole file: the header line, then one line per row.
pub fn document<R, F>(header: &[&str], rows: R) -> String
where
    R: IntoIterator<Item = F>,
    F: IntoIterator<Item = String>,
{
    let mut out = String::new();
    out.push(BOM);
    push_line(&mut out, header.iter().map(|h| (*h).to_owned()));
    for row in rows {
        push_line(&mut out, row);
    }
    out
}

fn push_line(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&field(&f));
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_fields_stay_as_they_are() {
        assert_eq!(field("Site 00001 Springfield"), "Site 00001 Springfield");
        assert_eq!(field(""), "");
        assert_eq!(field("Zürich — Büro"), "Zürich — Büro");
    }

    #[test]
    fn commas_quotes_and_line_breaks_are_quoted() {
        assert_eq!(field("Acme, Inc."), "\"Acme, Inc.\"");
        assert_eq!(
            field(r#"Local gateway, trunk "SJC-CUBE-01""#),
            r#""Local gateway, trunk ""SJC-CUBE-01""""#
        );
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field(" padded "), "\" padded \"");
    }

    #[test]
    fn formulas_stay_text() {
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("+1 555"), "'+1 555");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
    }

    #[test]
    fn a_document_has_a_bom_a_header_and_crlf_lines() {
        let text = document(
            &["location name", "result"],
            vec![
                vec!["Zürich, HQ".to_owned(), "changed".to_owned()],
                vec!["Lyon".to_owned(), "failed".to_owned()],
            ],
        );
        assert!(text.starts_with(BOM));
        let lines: Vec<&str> = text.trim_start_matches(BOM).split("\r\n").collect();
        assert_eq!(
            lines,
            [
                "location name,result",
                "\"Zürich, HQ\",changed",
                "Lyon,failed",
                ""
            ]
        );
    }
}
