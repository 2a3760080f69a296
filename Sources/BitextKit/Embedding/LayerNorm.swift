/// Layer normalisation of each row, after adding a residual: x ← LN(x + residual).
///
/// For each of `rows` rows of `width` values: mean μ and variance σ² (two passes, Float), then
/// xᵢ ← (xᵢ − μ) / √(σ² + ε) · gainᵢ + biasᵢ.
///
/// - Parameters:
///   - x: [rows, width], normalised in place.
///   - residual: [rows, width] added first, or nil.
func layerNorm(
  _ x: UnsafeMutablePointer<Float>, rows: Int, width: Int, residual: UnsafePointer<Float>?,
  _ norm: EncoderWeights.Norm, epsilon: Float
) {
  for t in 0..<rows {
    let row = x + t * width
    if let residual {
      let added = residual + t * width
      for i in 0..<width { row[i] += added[i] }
    }
    var mean: Float = 0
    for i in 0..<width { mean += row[i] }
    mean /= Float(width)
    var variance: Float = 0
    for i in 0..<width {
      let d = row[i] - mean
      variance += d * d
    }
    variance /= Float(width)
    let scale = 1 / (variance + epsilon).squareRoot()
    for i in 0..<width { row[i] = (row[i] - mean) * scale * norm.weight[i] + norm.bias[i] }
  }
}
