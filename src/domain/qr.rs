//! Share links as QR codes, drawn as an SVG path (one square per dark module), so that a
//! colleague's phone can open a shortlist from the screen. Pure: `qrcodegen` encodes.

use qrcodegen::{QrCode, QrCodeEcc};

/// Beyond this a code is too dense for a phone camera on a screen at arm's length (version
/// ~25 at medium error correction); the app then points to the file export instead.
pub const MAX_SCANNABLE_BYTES: usize = 1200;

/// Modules of light margin around the code (the standard's quiet zone).
pub const QUIET_ZONE: i32 = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrPath {
    /// Width and height in modules, quiet zone included (the SVG's viewBox).
    pub size: i32,
    /// SVG path data: one `M x,y h1 v1 h-1 z` square per dark module.
    pub path: String,
}

/// The QR code of `text`, or `None` when it is too long to scan reliably.
pub fn qr_path(text: &str) -> Option<QrPath> {
    if text.len() > MAX_SCANNABLE_BYTES {
        return None;
    }
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let mut path = String::new();
    for y in 0..code.size() {
        for x in 0..code.size() {
            if code.get_module(x, y) {
                path.push_str(&format!("M{},{}h1v1h-1z", x + QUIET_ZONE, y + QUIET_ZONE));
            }
        }
    }
    Some(QrPath { size: code.size() + 2 * QUIET_ZONE, path })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_links_are_refused() {
        assert!(qr_path(&"x".repeat(MAX_SCANNABLE_BYTES + 1)).is_none());
        let code = qr_path("https://example.org/#share=2.abc").unwrap();
        assert!(code.size > 21 && code.path.starts_with('M'));
    }
}
