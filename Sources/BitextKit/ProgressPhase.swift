/// A stage of long work that reports how far it has got.
///
/// Segmentation, each alignment pass, checking; new stages (such as computing sentence
/// embeddings) become new cases.
///
///     let alignment = Aligner().align(german, english) { phase, done, total in
///       print("\(phase): \(100 * done / max(total, 1)) %")
///     }
///
/// Progress is observation only: the results are the same with and without a handler.
public enum ProgressPhase: Hashable, Sendable, CustomStringConvertible {
  /// Splitting a document into sentences; units are UTF-8 bytes of the document.
  case segmentation
  /// The lexical alignment that decides which runs of sentences are worth embedding
  /// (`Aligner.plans`), one of its passes; units as for `alignment`.
  case lexicalAlignment(pass: Int, of: Int)
  /// Computing sentence vectors (`Aligner.embed`); units are distinct texts embedded.
  case embedding
  /// One pass of the aligner (numbered from 1; `Aligner.Configuration.passes` in all); units are
  /// lattice cells of the dynamic program (estimated ahead for every level of the coarse-to-fine
  /// search: bead costs, Viterbi and, on the finest level, forward–backward).
  case alignment(pass: Int, of: Int)
  /// The checks of `TranslationChecker`; units are sentences matched against the glossary (both
  /// sides, most of the time) and one per other check.
  case checking

  /// A short label for a progress display: "segmenting", "aligning (pass 1 of 2)", "checking".
  public var description: String {
    switch self {
    case .segmentation: "segmenting"
    case .lexicalAlignment(let pass, let passes):
      "aligning by words first (pass \(pass) of \(passes))"
    case .embedding: "embedding sentences"
    case .alignment(let pass, let passes): "aligning (pass \(pass) of \(passes))"
    case .checking: "checking"
    }
  }
}

/// Called with a phase, the units done and the units in all (`done` grows from 0 to `total` within
/// a phase, the last call has `done == total`), on the thread that runs the work, at most about a
/// thousand times per phase.
public typealias ProgressHandler = (_ phase: ProgressPhase, _ done: Int, _ total: Int) -> Void

/// Counts the units done in one phase and calls a `ProgressHandler` every thousandth of the total.
struct ProgressCounter {
  let handler: ProgressHandler?
  let phase: ProgressPhase
  let total: Int
  private(set) var done = 0
  private var reported = 0
  private let step: Int
  private var stage = (start: 0, units: 0, rows: 1)

  /// Starts a phase: reports 0 of `total`.
  init(_ handler: ProgressHandler?, phase: ProgressPhase, total: Int) {
    self.handler = handler
    self.phase = phase
    self.total = max(total, 0)
    self.step = max(1, total / 1_000)
    handler?(phase, 0, self.total)
  }

  /// A counter that reports nothing.
  static var silent: ProgressCounter { ProgressCounter(nil, phase: .checking, total: 0) }

  mutating func advance(by units: Int = 1) {
    guard let handler else { return }
    done = min(done + units, total)
    if done - reported >= step || done == total && reported < total {
      reported = done
      handler(phase, done, total)
    }
  }

  /// True when no handler listens.
  var isSilent: Bool { handler == nil }

  /// Moves on to `target` units done (never back).
  mutating func advance(to target: Int) {
    advance(by: max(0, target - done))
  }

  /// Starts a stage of `rows` rows worth `units` units: `completeRow(_:)` then moves on in
  /// proportion, so that the stage ends exactly `units` further on.
  mutating func beginStage(units: Int, rows: Int) {
    stage = (start: done, units: units, rows: max(rows, 1))
  }

  /// Row `row` (from 0) of the current stage is done.
  mutating func completeRow(_ row: Int) {
    guard handler != nil else { return }
    advance(to: stage.start + stage.units * (row + 1) / stage.rows)
  }

  /// Ends the phase: reports `total` of `total` if not done yet.
  mutating func finish() {
    advance(by: total - done)
  }
}
