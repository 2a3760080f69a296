import CEncoderKernels
import Testing

/// The SIMD kernels against their portable versions, on random data.
@Suite struct EmbeddingKernelTests {
  /// A small deterministic generator (SplitMix64).
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// Random Q4_0 rows: `outputs × inputs / 32` blocks of an fp16 scale and 16 random bytes.
  func randomWeights(outputs: Int, inputs: Int, _ g: inout Generator) -> [UInt8] {
    var bytes: [UInt8] = []
    for _ in 0..<(outputs * inputs / 32) {
      let scale = Float16(Float.random(in: 0.001...0.05, using: &g))
      withUnsafeBytes(of: scale.bitPattern.littleEndian) { bytes += $0 }
      for _ in 0..<16 { bytes.append(UInt8.random(in: 0...255, using: &g)) }
    }
    return bytes
  }

  func product(
    _ kernel: String, weights: [UInt8], bias: [Float], x: [Float], tokens: Int, outputs: Int,
    inputs: Int
  ) -> [Float]? {
    var values = [Int8](repeating: 0, count: tokens * inputs)
    var scales = [Float](repeating: 0, count: tokens * inputs / 32)
    var sums = [Int32](repeating: 0, count: tokens * inputs / 32)
    var y = [Float](repeating: .nan, count: tokens * outputs)
    var ran: Int32 = 0
    values.withUnsafeMutableBufferPointer { v in
      scales.withUnsafeMutableBufferPointer { s in
        sums.withUnsafeMutableBufferPointer { u in
          let rows = ek_q8_0_rows(values: v.baseAddress, scales: s.baseAddress, sums: u.baseAddress)
          ek_quantize_q8_0(x, Int64(tokens), Int64(inputs), rows)
          ran = ek_linear_q4_0_named(kernel, weights, bias, rows, &y, Int64(tokens),
            Int64(outputs), Int64(inputs))
        }
      }
    }
    return ran == 1 ? y : nil
  }

  @Test(arguments: [
    (1, 4, 32), (2, 8, 64), (3, 7, 96), (5, 384, 384), (37, 12, 1536), (300, 16, 128),
  ])
  func simdProductsEqualTheScalarProduct(shape: (tokens: Int, outputs: Int, inputs: Int)) {
    var g = Generator(state: UInt64(shape.tokens * 1000 + shape.outputs))
    let weights = randomWeights(outputs: shape.outputs, inputs: shape.inputs, &g)
    let bias = (0..<shape.outputs).map { _ in Float.random(in: -1...1, using: &g) }
    let x = (0..<(shape.tokens * shape.inputs)).map { _ in Float.random(in: -3...3, using: &g) }
    let scalar = product("scalar", weights: weights, bias: bias, x: x, tokens: shape.tokens,
      outputs: shape.outputs, inputs: shape.inputs)!
    #expect(scalar.allSatisfy { $0.isFinite })
    for kernel in ["avx2", "avx512vnni"] {
      guard let simd = product(kernel, weights: weights, bias: bias, x: x, tokens: shape.tokens,
        outputs: shape.outputs, inputs: shape.inputs)
      else { continue }  // not on this CPU
      let worst = zip(simd, scalar).map { abs($0 - $1) / (1 + abs($1)) }.max() ?? 0
      #expect(worst < 1e-5, "\(kernel) \(shape): relative difference \(worst)")
    }
  }

  @Test func theChosenKernelIsNamed() {
    let name = String(cString: ek_linear_q4_0_kernel())
    #expect(["avx512vnni", "avx2", "scalar"].contains(name))
  }

  @Test(arguments: [1, 2, 9, 40, 300])
  func simdAttentionEqualsScalarAttention(tokens: Int) {
    var g = Generator(state: UInt64(tokens))
    let heads = 3, headSize = 16, stride = heads * headSize + 8
    func random() -> [Float] { (0..<(tokens * stride)).map { _ in Float.random(in: -2...2, using: &g) } }
    let q = random(), k = random(), v = random()
    var fast = [Float](repeating: 0, count: tokens * stride)
    var slow = fast
    var scratch = [Float](repeating: 0, count: tokens)
    ek_attention(q, k, v, &fast, Int64(tokens), Int64(heads), Int64(headSize), Int64(stride), &scratch)
    ek_attention_scalar(q, k, v, &slow, Int64(tokens), Int64(heads), Int64(headSize), Int64(stride),
      &scratch)
    let worst = zip(fast, slow).map { abs($0 - $1) }.max() ?? 0
    #expect(worst < 1e-5)
  }
}

extension EmbeddingKernelTests {
  @Test(arguments: [1, 3, 64])
  func simdQuantizationEqualsScalarQuantization(rows: Int) {
    var g = Generator(state: UInt64(rows) &* 77)
    let columns = 96
    var x = (0..<(rows * columns)).map { _ in Float.random(in: -5...5, using: &g) }
    x[0] = 0.5  // ties and zero blocks
    for j in 32..<64 where rows > 1 { x[columns + j] = 0 }
    func quantized(_ kernel: (UnsafePointer<Float>, Int64, Int64, ek_q8_0_rows) -> Void)
      -> ([Int8], [Float], [Int32])
    {
      var values = [Int8](repeating: 0, count: rows * columns)
      var scales = [Float](repeating: 0, count: rows * columns / 32)
      var sums = [Int32](repeating: 0, count: rows * columns / 32)
      values.withUnsafeMutableBufferPointer { v in
        scales.withUnsafeMutableBufferPointer { s in
          sums.withUnsafeMutableBufferPointer { u in
            kernel(x, Int64(rows), Int64(columns),
              ek_q8_0_rows(values: v.baseAddress, scales: s.baseAddress, sums: u.baseAddress))
          }
        }
      }
      return (values, scales, sums)
    }
    let fast = quantized { ek_quantize_q8_0($0, $1, $2, $3) }
    let slow = quantized { ek_quantize_q8_0_scalar($0, $1, $2, $3) }
    #expect(fast.0 == slow.0)
    #expect(fast.1 == slow.1)
    #expect(fast.2 == slow.2)
  }
}
