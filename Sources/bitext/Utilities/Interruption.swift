import BitextKit
import Foundation

/// Ctrl-C (SIGINT), SIGTERM and SIGHUP remove the temporary output files before the process ends.
///
/// The signals are blocked in every thread (threads inherit the mask of the thread that creates
/// them, and `install` runs first) and taken by one thread that waits for them with `sigwait`, so
/// the clean-up runs at once, whatever the other threads are doing, and may take locks. Then the
/// default action is restored and the signal raised again on that thread, so that the process
/// ends as interrupted (the shell sees the signal). A signal that was ignored when bitext started
/// (a background job's SIGINT) stays ignored.
enum Interruption {
  static func install() {
    var handled = sigset_t()
    sigemptyset(&handled)
    for number in [SIGINT, SIGTERM, SIGHUP] {
      var current = sigaction()
      sigaction(number, nil, &current)
      // SIG_IGN is the handler address 1.
      if let handler = current.__sigaction_handler.sa_handler,
        unsafeBitCast(handler, to: Int.self) == 1
      {
        continue
      }
      sigaddset(&handled, number)
    }
    pthread_sigmask(SIG_BLOCK, &handled, nil)
    let set = handled
    let thread = Thread {
      var waited = set
      var number: Int32 = 0
      guard sigwait(&waited, &number) == 0 else { return }
      OutputFile.removeTemporaryFiles()
      signal(number, SIG_DFL)
      var one = sigset_t()
      sigemptyset(&one)
      sigaddset(&one, number)
      pthread_sigmask(SIG_UNBLOCK, &one, nil)
      raise(number)
      exit(128 + number)  // not reached
    }
    thread.start()
  }
}
