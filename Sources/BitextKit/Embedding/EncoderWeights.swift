/// The encoder's tensors, read in place from the mapped model file.
///
/// Names follow BERT: embeddings (word, position, token type) and their layer norm, then per layer
/// the query, key, value and attention-output projections, the attention layer norm, the
/// feed-forward's intermediate and output projections and the output layer norm. The projections
/// are Q4_0 (`weights` is [outputs, inputs] in 18-byte blocks of 32), everything else Float32.
struct EncoderWeights: @unchecked Sendable {
  /// y = x · Wᵀ + b with W [outputs, inputs] in Q4_0 blocks.
  struct Linear {
    var weights: UnsafeRawPointer
    var bias: UnsafePointer<Float>
    var outputs: Int
    var inputs: Int
  }

  /// Layer normalisation's gain and bias, [hidden] each.
  struct Norm {
    var weight: UnsafePointer<Float>
    var bias: UnsafePointer<Float>
  }

  struct Layer {
    var query: Linear
    var key: Linear
    var value: Linear
    var attentionOutput: Linear
    var attentionNorm: Norm
    var intermediate: Linear
    var output: Linear
    var outputNorm: Norm
  }

  let configuration: ModelFile.Configuration
  /// Q4_0 [vocabulary, hidden].
  let wordEmbeddings: UnsafeRawPointer
  /// [positions, hidden]; position ids start at 0.
  let positionEmbeddings: UnsafePointer<Float>
  /// [tokenTypes, hidden]; every token is type 0.
  let tokenTypeEmbeddings: UnsafePointer<Float>
  let embeddingNorm: Norm
  let layers: [Layer]

  /// Finds every tensor in `file` and checks its type and size.
  ///
  /// - Throws: `EmbeddingError.missingTensor` or `.malformed`.
  init(file: ModelFile) throws(EmbeddingError) {
    let c = file.configuration
    configuration = c
    let hidden = c.hidden, feedForward = c.feedForward
    guard file.vocabulary.scores.count <= c.vocabulary else {
      throw .malformed(path: file.path, reason: "more tokenizer pieces than embedding rows")
    }
    func norm(_ prefix: String) throws(EmbeddingError) -> Norm {
      Norm(
        weight: try file.floats(prefix + ".w", count: hidden),
        bias: try file.floats(prefix + ".b", count: hidden))
    }
    func linear(_ prefix: String, outputs: Int, inputs: Int) throws(EmbeddingError) -> Linear {
      Linear(
        weights: try file.blocks(prefix + ".w", count: outputs * inputs),
        bias: try file.floats(prefix + ".b", count: outputs), outputs: outputs, inputs: inputs)
    }
    wordEmbeddings = try file.blocks("emb.word", count: c.vocabulary * hidden)
    positionEmbeddings = try file.floats("emb.pos", count: c.positions * hidden)
    tokenTypeEmbeddings = try file.floats("emb.type", count: c.tokenTypes * hidden)
    embeddingNorm = try norm("emb.ln")
    var layers: [Layer] = []
    for l in 0..<c.layers {
      let p = "l\(l)."
      layers.append(
        Layer(
          query: try linear(p + "q", outputs: hidden, inputs: hidden),
          key: try linear(p + "k", outputs: hidden, inputs: hidden),
          value: try linear(p + "v", outputs: hidden, inputs: hidden),
          attentionOutput: try linear(p + "ao", outputs: hidden, inputs: hidden),
          attentionNorm: try norm(p + "aln"),
          intermediate: try linear(p + "fi", outputs: feedForward, inputs: hidden),
          output: try linear(p + "fo", outputs: hidden, inputs: feedForward),
          outputNorm: try norm(p + "oln")))
    }
    self.layers = layers
  }
}
