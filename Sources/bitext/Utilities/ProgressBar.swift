import BitextKit
import Foundation

/// The one progress display of the CLI, on standard error, redrawn in place: a label, a bar with
/// the percentage and the time left when the total is known, and a detail such as a rate.
///
///     segmenting              [##########..........]  50%  ETA 0:03
///     aligning (pass 1 of 2)  [####................]  21%  ETA 0:41
///     batch                   [###.................]  17%  ETA 2:05  1204 pairs, 95.1 pairs/s
///
/// Nothing is shown when standard error is not a terminal (`make()` is nil then), nor for a phase
/// that ends within half a second: only work that takes a while shows progress.
final class ProgressBar {
  private var label = ""
  private var phaseStart = ContinuousClock.now
  private var lastDraw = ContinuousClock.now - .seconds(1)
  private var shown = false

  /// A bar when standard error is a terminal (`isatty(2)`), else nil.
  static func make() -> ProgressBar? {
    Diagnostics.showsProgress ? ProgressBar() : nil
  }

  private init() {}

  /// Records progress in a phase called `label`: `done` of `total` units (nil: unknown total).
  ///
  /// A new label starts a new phase (its own clock for the time left); the previous phase's line
  /// is completed first when it was shown.
  func update(_ label: String, done: Int, total: Int?, detail: String = "") {
    let now = ContinuousClock.now
    if label != self.label {
      if shown { finish() }
      self.label = label
      phaseStart = now
    }
    let isLast = total.map { done >= $0 } ?? false
    guard now - phaseStart >= .milliseconds(500) else { return }
    guard isLast || now - lastDraw >= .milliseconds(200) else { return }
    lastDraw = now
    draw(done: done, total: total, detail: detail, elapsed: Self.seconds(now - phaseStart))
  }

  /// A `ProgressHandler` for BitextKit that draws on this bar; `offset` and `total` rescale the
  /// phase's units, for a phase that runs over several documents (segmenting both texts).
  func handler(offset: Int = 0, total overall: Int? = nil) -> ProgressHandler {
    { phase, done, total in
      self.update(phase.description, done: offset + done, total: overall ?? total)
    }
  }

  /// Completes the line of the phase shown last, if any.
  func finish() {
    if shown { FileHandle.standardError.write(Data("\n".utf8)) }
    shown = false
  }

  private func draw(done: Int, total: Int?, detail: String, elapsed: Double) {
    var line = label.padding(toLength: max(label.count, 24), withPad: " ", startingAt: 0)
    if let total, total > 0 {
      let fraction = min(max(Double(done) / Double(total), 0), 1)
      let width = 20
      let filled = Int((fraction * Double(width)).rounded(.down))
      let bar =
        String(repeating: "#", count: filled)
        + String(repeating: ".", count: width - filled)
      line += "[" + bar + "]"
      line += String(format: " %3d%%", Int((fraction * 100).rounded(.down)))
      if fraction > 0 && fraction < 1 {
        line += "  ETA " + Self.clock(elapsed * (1 - fraction) / fraction)
      } else if fraction >= 1 {
        line += "  " + Self.clock(elapsed)
      }
    }
    if !detail.isEmpty { line += "  " + detail }
    // Carriage return and erase-line: the line is redrawn in place.
    FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
    shown = true
  }

  private static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }

  /// "m:ss".
  private static func clock(_ seconds: Double) -> String {
    let whole = Int(seconds.rounded())
    return String(format: "%d:%02d", whole / 60, whole % 60)
  }
}
