import CEncoderKernels

/// One forward pass of the BERT encoder over a batch of token sequences packed into one [T, H]
/// activation matrix (T tokens in all, H = hidden size), so that every weight matrix is read once
/// per batch, not once per sequence.
///
/// The method:
///
/// 1. Embeddings: x_t = word(id_t) + position(p_t) + tokenType(0), with p_t counted from 0 in each
///    sequence; then layer norm.
/// 2. For each of the layers (post-LN, as in BERT):
///    a. Self-attention: Q, K, V = x · W_{q,k,v}ᵀ + b, per head softmax(Q Kᵀ / √d) V over the
///       sequence's own tokens only; x ← LN(x + context · W_oᵀ + b_o).
///    b. Feed-forward: x ← LN(x + GELU(x · W_iᵀ + b_i) · W_oᵀ + b_o).
/// 3. Mean pooling: each sequence's vector is the mean of its tokens' final states, `<s>` and
///    `</s>` included.
///
/// The projections run through the Q4_0 × Q8_0 kernel (`ek_linear_q4_0`): activations are
/// quantised to int8 per block of 32 first. Single-threaded; `SentenceEncoder` runs one pass per
/// core.
struct EncoderForwardPass {
  let weights: EncoderWeights

  /// The mean-pooled final hidden states of `sequences`.
  ///
  /// - Parameters:
  ///   - sequences: token ids with `<s>` and `</s>`, each at most `positions` long and not empty.
  ///   - output: [sequences.count, hidden], written.
  func meanPooled(_ sequences: [[Int32]], into output: UnsafeMutablePointer<Float>) {
    let c = weights.configuration
    let hidden = c.hidden, feedForward = c.feedForward
    let tokens = sequences.reduce(0) { $0 + $1.count }
    guard tokens > 0 else { return }
    let longest = sequences.map(\.count).max() ?? 0

    // Activations: x [T, H]; q, k, v, context, projected [T, H]; intermediate [T, FF];
    // int8 copies of the current matrix product's input [T, FF at most].
    let x = Buffer(tokens * hidden), q = Buffer(tokens * hidden), k = Buffer(tokens * hidden)
    let v = Buffer(tokens * hidden), context = Buffer(tokens * hidden)
    let projected = Buffer(tokens * hidden), intermediate = Buffer(tokens * feedForward)
    let quantized = QuantizedBuffer(rows: tokens, columns: max(hidden, feedForward))
    let scores = Buffer(longest)
    defer {
      for buffer in [x, q, k, v, context, projected, intermediate, scores] { buffer.free() }
      quantized.free()
    }

    func linear(_ input: Buffer, _ projection: EncoderWeights.Linear, into y: Buffer) {
      ek_quantize_q8_0(input.pointer, Int64(tokens), Int64(projection.inputs), quantized.rows)
      ek_linear_q4_0(projection.weights, projection.bias, quantized.rows, y.pointer,
        Int64(tokens), Int64(projection.outputs), Int64(projection.inputs))
    }

    embed(sequences, into: x.pointer)
    for layer in weights.layers {
      // Self-attention. Q, K and V share one quantised input.
      ek_quantize_q8_0(x.pointer, Int64(tokens), Int64(hidden), quantized.rows)
      for (projection, y) in [(layer.query, q), (layer.key, k), (layer.value, v)] {
        ek_linear_q4_0(projection.weights, projection.bias, quantized.rows, y.pointer,
          Int64(tokens), Int64(hidden), Int64(hidden))
      }
      attention(sequences, q: q, k: k, v: v, into: context, scores: scores)
      linear(context, layer.attentionOutput, into: projected)
      layerNorm(x.pointer, rows: tokens, width: hidden, residual: projected.pointer,
        layer.attentionNorm, epsilon: c.layerNormEpsilon)

      // Feed-forward.
      linear(x, layer.intermediate, into: intermediate)
      gelu(intermediate.pointer, count: tokens * feedForward)
      linear(intermediate, layer.output, into: projected)
      layerNorm(x.pointer, rows: tokens, width: hidden, residual: projected.pointer,
        layer.outputNorm, epsilon: c.layerNormEpsilon)
    }
    meanPool(x.pointer, sequences: sequences, width: hidden, into: output)
  }

  // MARK: - Steps

  /// x_t = word(id_t) + position(p_t) + tokenType(0), then layer norm; p_t restarts at 0 with each
  /// sequence.
  private func embed(_ sequences: [[Int32]], into x: UnsafeMutablePointer<Float>) {
    let c = weights.configuration
    let hidden = c.hidden, blocksPerRow = hidden / 32
    var t = 0
    for sequence in sequences {
      for (position, id) in sequence.enumerated() {
        let row = x + t * hidden
        let blocks = weights.wordEmbeddings + Int(id) * blocksPerRow * 18
        for b in 0..<blocksPerRow {
          let block = blocks + b * 18
          let scale = Float(Float16(bitPattern: block.loadUnaligned(as: UInt16.self)))
          for j in 0..<16 {
            let byte = block.load(fromByteOffset: 2 + j, as: UInt8.self)
            row[b * 32 + j] = Float(Int(byte & 0x0F) - 8) * scale
            row[b * 32 + j + 16] = Float(Int(byte >> 4) - 8) * scale
          }
        }
        let positionRow = weights.positionEmbeddings + min(position, c.positions - 1) * hidden
        for i in 0..<hidden { row[i] += positionRow[i] + weights.tokenTypeEmbeddings[i] }
        t += 1
      }
    }
    layerNorm(x, rows: t, width: hidden, residual: nil, weights.embeddingNorm,
      epsilon: c.layerNormEpsilon)
  }

  /// Scaled dot-product attention, each sequence attending to its own tokens only.
  private func attention(
    _ sequences: [[Int32]], q: Buffer, k: Buffer, v: Buffer, into context: Buffer, scores: Buffer
  ) {
    let c = weights.configuration
    let hidden = c.hidden, headSize = hidden / c.heads
    var start = 0
    for sequence in sequences {
      let offset = start * hidden
      ek_attention(q.pointer + offset, k.pointer + offset, v.pointer + offset,
        context.pointer + offset, Int64(sequence.count), Int64(c.heads), Int64(headSize),
        Int64(hidden), scores.pointer)
      start += sequence.count
    }
  }
}

// MARK: - Buffers

/// Uninitialised Float storage, freed explicitly.
private struct Buffer {
  let pointer: UnsafeMutablePointer<Float>
  init(_ count: Int) { pointer = .allocate(capacity: max(count, 1)) }
  func free() { pointer.deallocate() }
}

/// Storage for `ek_quantize_q8_0`'s output.
private struct QuantizedBuffer {
  let rows: ek_q8_0_rows
  init(rows: Int, columns: Int) {
    let blocks = rows * columns / 32
    self.rows = ek_q8_0_rows(
      values: .allocate(capacity: max(rows * columns, 1) + 64),
      scales: .allocate(capacity: max(blocks, 1)),
      sums: .allocate(capacity: max(blocks, 1)))
  }
  func free() {
    rows.values.deallocate()
    rows.scales.deallocate()
    rows.sums.deallocate()
  }
}
