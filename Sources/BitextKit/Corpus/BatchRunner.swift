import Foundation

/// Runs a batch: streams input lines to worker threads and hands their results back in order.
///
/// One reader thread reads lines, `jobs` worker threads each own a `BatchWorker`, and the calling
/// thread emits results. At most `window` lines are in flight (read but not yet emitted): when
/// the window is full the reader stops reading (back-pressure), so memory stays bounded whatever
/// the size of the input. In ordered mode results are emitted in input order, so the output does
/// not depend on `jobs` or on timing; unordered mode emits each result as soon as it is ready.
///
///     let runner = BatchRunner(resources: BatchResources(), jobs: 4)
///     let summary = try runner.run(try LineReader(path: "corpus.jsonl")) { print($0.jsonLine) }
///     // summary.failed: lines that became error lines
public final class BatchRunner: Sendable {
  public let resources: BatchResources
  /// Worker threads (at least 1).
  public let jobs: Int
  /// Whether results are emitted in input order (else as soon as each is ready).
  public let ordered: Bool
  /// The most lines in flight at once (at least `jobs`).
  public let window: Int

  /// - Parameter window: lines in flight; default `max(16, 8 × jobs)`.
  public init(resources: BatchResources, jobs: Int, ordered: Bool = true, window: Int? = nil) {
    self.resources = resources
    self.jobs = max(1, jobs)
    self.ordered = ordered
    self.window = max(window ?? max(16, 8 * self.jobs), self.jobs)
  }

  /// Processes every line of `reader`, calling `emit` once per line on the calling thread.
  ///
  /// - Parameters:
  ///   - progress: called on the calling thread after each emitted line.
  ///   - emit: receives each line's result; if it throws, the batch stops and `run` rethrows.
  /// - Returns: how many lines were processed and how many of them failed.
  /// - Throws: `InputError` when reading the input or emitting fails (not for bad lines).
  public func run(
    _ reader: LineReader, progress: ((BatchProgress) -> Void)? = nil,
    emit: (BatchResult) throws(InputError) -> Void
  ) throws(InputError) -> BatchSummary {
    try run(source: ReaderSource(reader: reader), progress: progress, emit: emit)
  }

  /// Processes in-memory lines (one JSON record each); see `run(_:progress:emit:)`.
  public func run(
    lines: [String], progress: ((BatchProgress) -> Void)? = nil,
    emit: (BatchResult) throws(InputError) -> Void
  ) throws(InputError) -> BatchSummary {
    try run(source: ArraySource(lines: lines), progress: progress, emit: emit)
  }

  // MARK: - Threads

  private func run(
    source: some LineSource, progress: ((BatchProgress) -> Void)?,
    emit: (BatchResult) throws(InputError) -> Void
  ) throws(InputError) -> BatchSummary {
    let state = State()
    let start = ContinuousClock.now
    let total = source.size
    state.workers = jobs
    spawn { [window] in Self.read(source, into: state, window: window) }
    for _ in 0..<jobs {
      spawn { [resources] in Self.work(state, worker: BatchWorker(resources: resources)) }
    }
    var summary = BatchSummary(lines: 0, failed: 0)
    var failure: InputError?
    while let (result, offset) = state.next(ordered: ordered) {
      do throws(InputError) {
        try emit(result)
      } catch {
        failure = error
        break
      }
      summary.lines += 1
      if result.isFailure { summary.failed += 1 }
      state.emitted()
      progress?(
        BatchProgress(
          lines: summary.lines, failed: summary.failed, bytesRead: offset, totalBytes: total,
          elapsed: ContinuousClock.now - start))
    }
    let readError = state.finish()
    if let failure { throw failure }
    if let readError { throw readError }
    return summary
  }

  private func spawn(_ body: @escaping @Sendable () -> Void) {
    let thread = Thread(block: body)
    thread.stackSize = 8 << 20
    thread.start()
  }

  private static func read(_ source: some LineSource, into state: State, window: Int) {
    var sequence = 0
    while state.waitForRoom(window: window) {
      do throws(InputError) {
        guard let line = try source.next() else {
          state.close(error: nil)
          return
        }
        var job = Job(sequence: sequence, line: line, endOffset: source.bytesRead)
        if let length = source.lastLineOversize {
          job.failure =
            "line \(sequence + 1): \(length) bytes, over the limit of "
            + "\(source.maximumLineLength ?? 0) bytes a line"
        }
        state.enqueue(job)
        sequence += 1
      } catch {
        state.close(error: error)
        return
      }
    }
  }

  private static func work(_ state: State, worker: BatchWorker) {
    defer { state.workerExited() }
    while let job = state.dequeue() {
      let number = job.sequence + 1
      let result =
        job.failure.map {
          BatchResult(line: number, outcome: .failed(BatchError(id: nil, message: $0)))
        } ?? worker.process(line: job.line, number: number)
      state.complete(job, result: result)
    }
  }
}

/// How far a batch has got, for a progress display.
public struct BatchProgress: Hashable, Sendable {
  /// Lines emitted so far.
  public var lines: Int
  public var failed: Int
  /// Input bytes up to the end of the last emitted line (ordered mode; approximate otherwise).
  public var bytesRead: Int
  /// The input size when known (a regular file), for an estimate of the time left.
  public var totalBytes: Int?
  public var elapsed: Duration

  /// Lines per second so far.
  public var rate: Double {
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return seconds > 0 ? Double(lines) / seconds : 0
  }

  /// Estimated seconds left, from the share of input bytes done; nil when the size is unknown.
  public var secondsLeft: Double? {
    guard let totalBytes, totalBytes > 0, bytesRead > 0 else { return nil }
    let seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return seconds * Double(max(0, totalBytes - bytesRead)) / Double(bytesRead)
  }
}

/// What a batch did: lines processed and lines that became error lines.
public struct BatchSummary: Hashable, Sendable {
  public var lines: Int
  public var failed: Int

  public init(lines: Int, failed: Int) {
    self.lines = lines
    self.failed = failed
  }
}

// MARK: - Shared state

/// One input line on its way through the workers.
private struct Job: Sendable {
  /// 0-based position in the input.
  var sequence: Int
  var line: [UInt8]
  /// Why the line is an error line before any parsing: over the reader's length limit.
  var failure: String? = nil
  /// Input bytes consumed up to the end of this line.
  var endOffset: Int
}

/// The queue, the finished results and the counters, all guarded by one condition variable.
private final class State: @unchecked Sendable {
  private let condition = NSCondition()
  private var queue: [Job] = []
  private var queueHead = 0
  private var results: [Int: (BatchResult, Int)] = [:]
  /// Finished sequences in completion order (unordered mode).
  private var finished: [Int] = []
  private var finishedHead = 0
  private var readCount = 0
  private var emittedCount = 0
  private var nextToEmit = 0
  private var readerDone = false
  private var readError: InputError?
  private var cancelled = false
  /// Worker threads not yet exited.
  var workers = 0

  private func locked<T>(_ body: () -> T) -> T {
    condition.lock()
    defer {
      condition.broadcast()
      condition.unlock()
    }
    return body()
  }

  /// Reader: waits until fewer than `window` lines are in flight; false when the batch stops.
  func waitForRoom(window: Int) -> Bool {
    locked {
      while !cancelled && readCount - emittedCount >= window { condition.wait() }
      return !cancelled
    }
  }

  func enqueue(_ job: Job) {
    locked {
      queue.append(job)
      readCount += 1
    }
  }

  /// Reader: the input ended (or failed).
  func close(error: InputError?) {
    locked {
      readerDone = true
      if let error {
        readError = error
        cancelled = true
      }
    }
  }

  /// Worker: the next job, or nil when there is none left.
  func dequeue() -> Job? {
    locked {
      while !cancelled && queueHead == queue.count && !readerDone { condition.wait() }
      guard !cancelled, queueHead < queue.count else { return nil }
      let job = queue[queueHead]
      queue[queueHead].line = []
      queueHead += 1
      if queueHead > 1024 && queueHead * 2 > queue.count {
        queue.removeFirst(queueHead)
        queueHead = 0
      }
      return job
    }
  }

  func complete(_ job: Job, result: BatchResult) {
    locked {
      results[job.sequence] = (result, job.endOffset)
      finished.append(job.sequence)
    }
  }

  /// Emitter: the next result to emit and its input offset, or nil when all are emitted.
  func next(ordered: Bool) -> (BatchResult, Int)? {
    locked {
      while true {
        if cancelled { return nil }
        if ordered {
          if let result = results.removeValue(forKey: nextToEmit) {
            nextToEmit += 1
            return result
          }
        } else if finishedHead < finished.count {
          let sequence = finished[finishedHead]
          finishedHead += 1
          if finishedHead > 1024 && finishedHead * 2 > finished.count {
            finished.removeFirst(finishedHead)
            finishedHead = 0
          }
          return results.removeValue(forKey: sequence)
        }
        if readerDone && emittedCount == readCount { return nil }
        condition.wait()
      }
    }
  }

  /// Emitter: one more line is out, which frees a place in the window.
  func emitted() {
    locked { emittedCount += 1 }
  }

  func workerExited() {
    locked { workers -= 1 }
  }

  /// Emitter: stops the other threads and waits for the workers; the reader's error, if any.
  ///
  /// The reader is not waited for: after an early stop it may be blocked reading a pipe that never
  /// closes; it stops at its next line, touching nothing but its source and this state.
  func finish() -> InputError? {
    locked {
      cancelled = true
      condition.broadcast()
      while workers > 0 { condition.wait() }
      return readError
    }
  }
}

// MARK: - Sources

/// Where a batch's lines come from; used by the reader thread only.
private protocol LineSource: AnyObject, Sendable {
  func next() throws(InputError) -> [UInt8]?
  /// The last line's length when it was over the limit (and returned empty).
  var lastLineOversize: Int? { get }
  var maximumLineLength: Int? { get }
  var bytesRead: Int { get }
  var size: Int? { get }
}

/// A `LineReader`, handed over to the reader thread (the only thread that touches it).
private final class ReaderSource: LineSource, @unchecked Sendable {
  let reader: LineReader
  init(reader: LineReader) { self.reader = reader }
  func next() throws(InputError) -> [UInt8]? { try reader.next() }
  var lastLineOversize: Int? { reader.lastLineOversize }
  var maximumLineLength: Int? { reader.maximumLineLength }
  var bytesRead: Int { reader.bytesRead }
  var size: Int? { reader.size }
}

private final class ArraySource: LineSource, @unchecked Sendable {
  let lines: [String]
  var index = 0
  var bytesRead = 0
  var size: Int? { lines.reduce(0) { $0 + $1.utf8.count + 1 } }

  init(lines: [String]) { self.lines = lines }
  var lastLineOversize: Int? { nil }
  var maximumLineLength: Int? { nil }

  func next() throws(InputError) -> [UInt8]? {
    guard index < lines.count else { return nil }
    defer { index += 1 }
    bytesRead += lines[index].utf8.count + 1
    return Array(lines[index].utf8)
  }
}
