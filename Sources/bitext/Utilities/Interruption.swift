import BitextKit
import Dispatch
import Foundation

/// Ctrl-C (SIGINT), SIGTERM and SIGHUP remove the temporary output files before the process ends.
///
/// The signals are handled on a dispatch queue, not in a signal handler, so that the clean-up may
/// take locks; then the default action is restored and the signal raised again, so that the
/// process ends as interrupted (the shell sees the signal). A signal that was ignored when bitext
/// started (a background job's SIGINT) stays ignored.
enum Interruption {
  nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

  static func install() {
    for number in [SIGINT, SIGTERM, SIGHUP] {
      let previous = signal(number, SIG_IGN)
      // SIG_IGN is the handler address 1.
      if let previous, unsafeBitCast(previous, to: Int.self) == 1 { continue }
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler {
        OutputFile.removeTemporaryFiles()
        // Dispatch reads the signal through a descriptor with the signal blocked: unblock it on
        // this thread and raise it here, where its default action ends the process.
        signal(number, SIG_DFL)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, number)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
        raise(number)
        exit(128 + number)  // not reached
      }
      source.resume()
      sources.append(source)
    }
  }
}
