import VaultRecords
import Foundation

/// `contains` of a Unicode needle that no ASCII text can hold, asked only of the stretches of a
/// lowered text around its non-ASCII bytes (docs/PERFORMANCE.md): Foundation's `range(of:)`
/// over a whole 1.5 KB letter was a third of `search é`, and a letter holds a few such bytes.
///
/// Why it finds exactly what `contains` over the whole text finds: `contains` compares
/// characters by canonical equivalence, so a stretch it matches decomposes to the needle's
/// full decomposition. That holds a non-ASCII scalar (the caller's condition), which no ASCII
/// byte decomposes to, so the stretch holds a non-ASCII byte; and each ASCII byte in it is an
/// ASCII scalar of that decomposition, of which the needle has at most one per scalar (no
/// canonical decomposition has two ASCII scalars), so at most `reach` (the needle's UTF-8
/// length) ASCII bytes. A match therefore lies within `reach` bytes of a group of non-ASCII
/// bytes whose gaps are shorter than `2 × reach + 2`, and each window covers one such group
/// with that margin. Windows are cut only between two ASCII bytes other than CR LF: a
/// character boundary whatever surrounds it (no ASCII character extends, prepends or joins),
/// so a window holds the same characters as the whole text there.
enum NonASCIIWindows {
  static func contain(_ lowered: String, _ needle: String, reach: Int) -> Bool {
    let bytes = Array(lowered.utf8)
    let count = bytes.count
    func isCut(_ at: Int) -> Bool {
      at <= 0 || at >= count
        || (bytes[at - 1] < 0x80 && bytes[at] < 0x80 && !(bytes[at - 1] == 0x0D && bytes[at] == 0x0A))
    }
    var index = 0
    while index < count {
      guard bytes[index] >= 0x80 else {
        index += 1
        continue
      }
      var last = index
      var probe = index + 1
      while probe < count, probe <= last + 2 * reach + 2 {
        if bytes[probe] >= 0x80 { last = probe }
        probe += 1
      }
      var low = max(0, index - reach - 1)
      var high = min(count, last + reach + 2)
      while !isCut(low) { low -= 1 }
      while !isCut(high) { high += 1 }
      if String(decoding: bytes[low..<high], as: UTF8.self).contains(needle) { return true }
      index = last + 1
    }
    return false
  }
}
