//! The share link's QR code (src/domain/qr.rs), decoded by an independent reader (rqrr) from
//! the SVG path the app draws, rasterised here.

use programme_browser::domain::qr::{qr_path, QrPath, MAX_SCANNABLE_BYTES};

#[path = "support/qr_decode.rs"]
mod qr_decode;

use qr_decode::decode_qr_path;

fn decode(code: &QrPath, scale: usize) -> String {
    decode_qr_path(code.size as usize, &code.path, scale)
}

#[test]
fn a_share_link_reads_back_exactly() {
    for link in [
        "https://example.org/programme/#share=2.eJyrVkrLz1eyUkpKLFKqBQAdYAQm".to_owned(),
        format!("https://un.example/any/sub/path/?programme=2014.json#share=2.{}", "AbC-_".repeat(150)),
    ] {
        let code = qr_path(&link).expect("a code");
        assert_eq!(decode(&code, 4), link);
    }
}

#[test]
fn a_link_too_long_to_scan_gets_no_code() {
    assert!(qr_path(&format!("https://example.org/#share=2.{}", "a".repeat(MAX_SCANNABLE_BYTES))).is_none());
}
