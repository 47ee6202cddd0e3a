import Foundation

/// Looks for a byte string in every regular file under some directories, the way `grep -r`
/// would, skipping what cannot be read (other users' files, files that vanish meanwhile).
enum ByteSearch {
  static func files(containing needle: Data, under roots: [String]) -> [String] {
    var found: [String] = []
    for root in roots {
      guard let walker = FileManager.default.enumerator(atPath: root) else { continue }
      while let relative = walker.nextObject() as? String {
        let path = root + "/" + relative
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
          info.st_size < 512 << 20
        else { continue }
        guard let data = FileManager.default.contents(atPath: path) else { continue }
        if data.range(of: needle) != nil { found.append(path) }
      }
    }
    return found
  }
}
