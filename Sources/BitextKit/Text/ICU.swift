import CICUShim

/// Swift face of the ICU shim: UTF-8 in, UTF-8 out.
enum ICU {
  /// Runs a preflighting shim call (`dest`, `capacity`, `status` → length) and returns its UTF-8 result,
  /// or nil when ICU reports a failure.
  static func transform(
    _ text: some StringProtocol,
    _ call: (UnsafePointer<CChar>, Int32, UnsafeMutablePointer<CChar>?, Int32, UnsafeMutablePointer<Int32>) -> Int32
  ) -> String? {
    var input = String(text)
    return input.withUTF8 { source -> String? in
      source.withMemoryRebound(to: CChar.self) { source -> String? in
        guard let base = source.baseAddress, !source.isEmpty else { return "" }
        let length = Int32(source.count)
        var capacity = Int(length) * 3 + 16
        for _ in 0..<2 {
          var status: Int32 = 0
          var needed: Int32 = 0
          let result = String(unsafeUninitializedCapacity: capacity) { buffer -> Int in
            buffer.withMemoryRebound(to: CChar.self) { dest in
              needed = call(base, length, dest.baseAddress, Int32(capacity), &status)
            }
            return status == 0 ? Int(needed) : 0
          }
          if status == 0 { return result }
          if status != bufferOverflow { return nil }
          capacity = Int(needed) + 1
        }
        return nil
      }
    }
  }

  static let bufferOverflow: Int32 = 15

  static func normalize(_ text: some StringProtocol, form: Int32) -> String? {
    transform(text) { cicu_normalize(form, $0, $1, $2, $3, $4) }
  }

  static func foldCase(_ text: some StringProtocol) -> String? {
    transform(text) { cicu_fold_case($0, $1, $2, $3, $4) }
  }
}

/// An ICU break iterator (word or sentence) over UTF-8 bytes. Not thread-safe: one per task.
final class BreakIterator {
  enum Kind { case word, sentence }

  private let handle: OpaquePointer

  init?(_ kind: Kind, locale: String) {
    var status: Int32 = 0
    guard
      let handle = cicu_breaker_open(
        kind == .sentence ? Int32(CICU_BREAK_SENTENCE) : Int32(CICU_BREAK_WORD), locale, &status),
      status <= 0
    else { return nil }
    self.handle = handle
  }

  deinit { cicu_breaker_close(handle) }

  /// How ICU reads UTF-8 text.
  enum Reading {
    /// Transcoded to UTF-16 by the shim, boundaries mapped back to UTF-8 offsets: the fastest, and
    /// what bitext uses.
    case transcoded
    /// ICU's UTF-8 text provider, in place.
    case utf8Text
    /// ICU's own conversion to UTF-16; boundaries are UTF-16 offsets.
    case convertedByICU
  }

  /// Calls `body` with each boundary: a UTF-8 offset into `text` after its start, or a UTF-16
  /// offset when reading `.convertedByICU`. `text` must not change during the call.
  func forEachBoundary(
    in text: UnsafeBufferPointer<UInt8>, reading: Reading = .transcoded,
    _ body: (_ offset: Int) -> Void
  ) {
    guard setText(text, reading: reading) else { return }
    forEachBoundary(body)
  }

  /// Calls `body` with each boundary of UTF-16 `text` (a UTF-16 offset).
  func forEachBoundary(inUTF16 text: UnsafeBufferPointer<UInt16>, _ body: (_ offset: Int) -> Void) {
    guard let base = text.baseAddress, !text.isEmpty else { return }
    var status: Int32 = 0
    cicu_breaker_set_utf16(handle, base, Int64(text.count), &status)
    guard status <= 0 else { return }
    forEachBoundary(body)
  }

  /// Calls `body` with each boundary of `text` (a UTF-8 offset after its start) and its rule status
  /// ("word", "number"…): one ICU call more per boundary than `forEachBoundary(in:reading:_:)`.
  func forEachBoundaryAndStatus(
    in text: UnsafeBufferPointer<UInt8>, _ body: (_ offset: Int, _ ruleStatus: Int32) -> Void
  ) {
    guard setText(text, reading: .transcoded) else { return }
    while case let boundary = cicu_breaker_next(handle), boundary >= 0 {
      body(Int(boundary), cicu_breaker_rule_status(handle))
    }
  }

  /// Points the iterator at `text`, read the given way; false when ICU refuses it.
  private func setText(_ text: UnsafeBufferPointer<UInt8>, reading: Reading) -> Bool {
    guard let base = text.baseAddress, !text.isEmpty else { return false }
    var status: Int32 = 0
    base.withMemoryRebound(to: CChar.self, capacity: text.count) { pointer in
      switch reading {
      case .transcoded: cicu_breaker_set_utf8_transcoded(handle, pointer, Int64(text.count), &status)
      case .utf8Text: cicu_breaker_set_utf8(handle, pointer, Int64(text.count), &status)
      case .convertedByICU:
        cicu_breaker_set_utf8_icu_converted(handle, pointer, Int64(text.count), &status)
      }
    }
    return status <= 0
  }

  /// Appends the boundaries of `text` (UTF-8 offsets after its start) to `boundaries`, a batch at
  /// a time. `text` must not change during the call.
  func appendBoundaries(in text: UnsafeBufferPointer<UInt8>, to boundaries: inout [Int]) {
    guard setText(text, reading: .transcoded) else { return }
    forEachBatch { batch in
      if MemoryLayout<Int>.size == MemoryLayout<Int64>.size {
        // One copy of the batch's memory, not a conversion per boundary.
        batch.withMemoryRebound(to: Int.self) { boundaries.append(contentsOf: $0) }
      } else {
        boundaries.append(contentsOf: batch.lazy.map { Int($0) })
      }
    }
  }

  /// The boundaries from the current position on.
  private func forEachBoundary(_ body: (_ offset: Int) -> Void) {
    forEachBatch { batch in
      for boundary in batch { body(Int(boundary)) }
    }
  }

  /// The boundaries from the current position on, in the batches ICU gives them in: one call to
  /// the shim for many boundaries.
  private func forEachBatch(_ body: (UnsafeBufferPointer<Int64>) -> Void) {
    let capacity = 64
    withUnsafeTemporaryAllocation(of: Int64.self, capacity: capacity) { batch in
      while true {
        let count = Int(cicu_breaker_next_boundaries(handle, batch.baseAddress, Int32(capacity)))
        body(UnsafeBufferPointer(rebasing: batch[..<count]))
        if count < capacity { break }
      }
    }
  }
}

/// An ICU transliterator ("de-ASCII"). Not thread-safe.
final class Transliterator {
  private let handle: OpaquePointer

  init?(_ identifier: String) {
    var status: Int32 = 0
    guard let handle = cicu_transliterator_open(identifier, &status), status <= 0 else { return nil }
    self.handle = handle
  }

  deinit { cicu_transliterator_close(handle) }

  func transliterate(_ text: some StringProtocol) -> String? {
    ICU.transform(text) { cicu_transliterate(handle, $0, $1, $2, $3, $4) }
  }
}
