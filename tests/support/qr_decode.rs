//! Shared by tests/qr.rs and the end-to-end journeys: reads back a QR code drawn as the app's
//! SVG path (`M x,y h1v1h-1z` per dark module) with an independent decoder (rqrr).

/// Decodes the code drawn by `path` in a `size` x `size` module grid, at `scale` px a module.
pub fn decode_qr_path(size: usize, path: &str, scale: usize) -> String {
    let mut dark = vec![false; size * size];
    for square in path.split('M').filter(|s| !s.is_empty()) {
        let (x, rest) = square.split_once(',').expect("M x,y");
        let y = rest.split('h').next().expect("y");
        let (x, y): (usize, usize) = (x.parse().expect("x"), y.parse().expect("y"));
        dark[y * size + x] = true;
    }
    let pixels = size * scale;
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(pixels, pixels, |x, y| if dark[(y / scale) * size + x / scale] { 0 } else { 255 });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one code found");
    grids[0].decode().expect("decodes").1
}
