//! Offers text made in the page as a file download (no request leaves the browser).

use wasm_bindgen::JsCast;

/// Offers `text` as a download named `file_name`, of media type `mime` (e.g.
/// `text/csv;charset=utf-8`).
pub fn offer(file_name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(a) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(file_name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// A file name stem of lower-case letters, digits and single dashes made of `words`, e.g.
/// `pstn-bulk-2025-12-01t10-04-13z`; empty when `words` has no letter or digit.
pub fn file_stem(words: &str) -> String {
    let stem: String = words
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    stem.split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_stems_are_plain() {
        assert_eq!(
            super::file_stem("PSTN bulk 2025-12-01T10:04:13Z"),
            "pstn-bulk-2025-12-01t10-04-13z"
        );
        assert_eq!(super::file_stem("--"), "");
    }
}
