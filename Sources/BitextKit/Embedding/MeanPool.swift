/// Mean pooling: each sequence's vector is the average of its tokens' rows.
///
/// - Parameters:
///   - x: [T, width], the sequences' rows one after another.
///   - sequences: gives each sequence's length (its ids are not read).
///   - output: [sequences.count, width], written.
func meanPool(
  _ x: UnsafePointer<Float>, sequences: [[Int32]], width: Int,
  into output: UnsafeMutablePointer<Float>
) {
  var start = 0
  for (s, sequence) in sequences.enumerated() {
    let mean = output + s * width
    mean.update(repeating: 0, count: width)
    for t in start..<(start + sequence.count) {
      let row = x + t * width
      for i in 0..<width { mean[i] += row[i] }
    }
    let inverse = 1 / Float(max(sequence.count, 1))
    for i in 0..<width { mean[i] *= inverse }
    start += sequence.count
  }
}
