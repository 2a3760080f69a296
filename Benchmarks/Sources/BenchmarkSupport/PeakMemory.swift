import Glibc

/// Peak resident set size of this process so far, in MiB (Linux reports `ru_maxrss` in KiB).
public func peakMemoryMiB() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_maxrss) / 1024
}
