import Foundation

/// Loading a dictionary file, through a cache of its parsed stem pairs.
///
/// Parsing the 25 MB Ding file (stemming every word of 200,000 entries) takes seconds; reading the
/// cached pairs takes a fraction of that, and reading only the pairs of a job's vocabulary less
/// still. The cache is a text file, one German stem a line followed by its English stems, all
/// separated by tabs, under a first line that stamps the source file's path, size and modification
/// time and bitext's version: any change makes it stale, and it is rebuilt. It lives in
/// `$XDG_CACHE_HOME/bitext` (else `~/.cache/bitext`), is built under a file lock (processes that
/// start together parse once) and written atomically, and when it cannot be written the dictionary
/// is simply parsed each time. Only files of at least
/// `cacheThreshold` bytes are cached.
extension DingDictionary {
  /// Files smaller than this (in bytes) are parsed without a cache.
  public static let cacheThreshold = 1 << 20

  /// The cache layout and pairing rules' version: a cache of another version is stale.
  static let cacheFormat = 2

  /// The default cache folder: `$XDG_CACHE_HOME/bitext`, else `$HOME/.cache/bitext`, else nil.
  public static var defaultCacheDirectory: String? {
    let environment = ProcessInfo.processInfo.environment
    if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return xdg + "/bitext" }
    if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/bitext" }
    return nil
  }

  /// Reads the dictionary file at `path` (Ding or TSV), from the cache when it is fresh.
  ///
  ///     let vocabulary = DingDictionary.Vocabulary(german: deSentences, english: enSentences)
  ///     let dictionary = try DingDictionary(
  ///       contentsOf: DingDictionary.defaultPath, restrictedTo: vocabulary)
  ///
  /// - Parameters:
  ///   - vocabulary: when given, only pairs of these stems are kept (see `restricted(to:)`); the
  ///     cache still holds every pair, so one cache serves every job.
  ///   - cacheDirectory: where to keep the cache; nil parses without one.
  /// - Throws: `InputError` when the file cannot be read or is not a dictionary.
  public init(
    contentsOf path: String, restrictedTo vocabulary: Vocabulary? = nil,
    cacheDirectory: String? = DingDictionary.defaultCacheDirectory
  ) throws(InputError) {
    let stamp = Self.cacheStamp(of: path)
    let cachePath = cacheDirectory.map { Self.cachePath(for: path, in: $0) }
    if let stamp, let cachePath, let cached = Self.readCache(cachePath, stamp, vocabulary) {
      self = cached
      return
    }
    // A miss: build the cache under a lock, so that processes starting together (parallel tests,
    // batch workers) parse once; the others wait and then read the cache.
    var lock: CacheLock? = nil
    if stamp != nil, let cachePath, let cacheDirectory {
      lock = CacheLock(cachePath + ".lock", in: cacheDirectory)
    }
    defer { lock?.release() }
    if lock != nil, let stamp, let cachePath,
      let cached = Self.readCache(cachePath, stamp, vocabulary)
    {
      self = cached
      return
    }
    let document = try TextReader.read(path: path)
    let pairs = try Self.pairs(in: document)
    if let stamp, let cacheDirectory, let cachePath {
      Self.writeCache(pairs, stamp: stamp, to: cachePath, directory: cacheDirectory)
    }
    var lexicon = BilingualLexicon()
    for (german, englishStems) in pairs where vocabulary?.german.contains(german) ?? true {
      for english in englishStems where vocabulary?.english.contains(english) ?? true {
        lexicon.add(source: german, target: english)
      }
    }
    self.init(germanToEnglish: lexicon)
  }

  // MARK: - Cache file

  /// An exclusive advisory lock (`flock`) on a file beside the cache, held while it is built.
  final class CacheLock {
    private let descriptor: Int32

    /// Waits for the lock; nil when the lock file cannot be opened (then nothing is locked).
    init?(_ path: String, in directory: String) {
      try? FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true)
      let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
      guard descriptor >= 0 else { return nil }
      guard flock(descriptor, LOCK_EX) == 0 else {
        close(descriptor)
        return nil
      }
      self.descriptor = descriptor
    }

    func release() {
      flock(descriptor, LOCK_UN)
      close(descriptor)
    }
  }

  /// The first line of a cache for the file at `path`, or nil when the file is not to be cached.
  static func cacheStamp(of path: String) -> String? {
    var status = stat()
    guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
      Int(status.st_size) >= cacheThreshold
    else { return nil }
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    let modified = "\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
    return
      "bitext-ding-cache \(cacheFormat)\t\(version)\t\(status.st_size)\t\(modified)\t\(absolute)"
  }

  /// The cache file for the dictionary at `path`: named after a hash of its absolute path.
  static func cachePath(for path: String, in directory: String) -> String {
    let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a, stable across runs
    for byte in absolute.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
    }
    let name = URL(fileURLWithPath: absolute).lastPathComponent.filter {
      $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-")
    }
    return directory + "/ding-\(name)-\(String(hash, radix: 16)).tsv"
  }

  /// Writes the cache; any failure leaves things as they were (the next run parses again).
  static func writeCache(
    _ pairs: [String: Set<String>], stamp: String, to path: String, directory: String
  ) {
    var text = stamp + "\n"
    for german in pairs.keys.sorted() {
      text += german
      for english in pairs[german]!.sorted() { text += "\t" + english }
      text += "\n"
    }
    do {
      try FileManager.default.createDirectory(
        atPath: directory, withIntermediateDirectories: true)
      try OutputFile.write(text, to: path)
    } catch {
      // An unwritable cache is not an error: the dictionary was parsed and is used as it is.
    }
  }

  /// The dictionary from a fresh cache, or nil when there is none or it is stale or damaged.
  static func readCache(_ path: String, _ stamp: String, _ vocabulary: Vocabulary?)
    -> DingDictionary?
  {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return data.withUnsafeBytes { raw -> DingDictionary? in
      let bytes = raw.bindMemory(to: UInt8.self)
      let stampBytes = Array(stamp.utf8)
      guard bytes.count > stampBytes.count, bytes[stampBytes.count] == 0x0A,
        bytes.starts(with: stampBytes), bytes.last == 0x0A
      else { return nil }
      var lexicon = BilingualLexicon()
      var index = stampBytes.count + 1
      while index < bytes.count {
        var end = index
        while bytes[end] != 0x09 && bytes[end] != 0x0A { end += 1 }
        let german = String(
          decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
        let keep = vocabulary?.german.contains(german) ?? true
        if !keep {
          while bytes[end] != 0x0A { end += 1 }
          index = end + 1
          continue
        }
        while bytes[end] == 0x09 {
          let start = end + 1
          end = start
          while bytes[end] != 0x09 && bytes[end] != 0x0A { end += 1 }
          let english = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
          if vocabulary?.english.contains(english) ?? true {
            lexicon.add(source: german, target: english)
          }
        }
        index = end + 1
      }
      return DingDictionary(germanToEnglish: lexicon)
    }
  }
}
