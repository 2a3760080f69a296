/// A trie over Unicode scalars whose nodes carry term IDs: the term index's compound-part lookup.
///
/// The compound-head trie stores terms reversed, so that walking a word from its end finds every
/// term the word ends with; the modifier trie stores them forward.
struct ScalarTrie: Hashable, Sendable {
  private var children: [[UInt32: Int32]] = [[:]]
  private var terminals: [[Int]] = [[]]

  var isEmpty: Bool { children.count == 1 }

  mutating func insert(_ scalars: some Sequence<Unicode.Scalar>, id: Int) {
    var node = 0
    for scalar in scalars {
      if let next = children[node][scalar.value] {
        node = Int(next)
      } else {
        children.append([:])
        terminals.append([])
        children[node][scalar.value] = Int32(children.count - 1)
        node = children.count - 1
      }
    }
    if !terminals[node].contains(id) { terminals[node].append(id) }
  }

  /// Walks `scalars` from the root; calls `body` with the number of scalars consumed and the IDs at
  /// every node on the way that ends a stored string.
  func walk(_ scalars: some Sequence<Unicode.Scalar>, _ body: (_ length: Int, _ ids: [Int]) -> Void)
  {
    var node = 0
    var length = 0
    for scalar in scalars {
      guard let next = children[node][scalar.value] else { return }
      node = Int(next)
      length += 1
      if !terminals[node].isEmpty { body(length, terminals[node]) }
    }
  }
}
