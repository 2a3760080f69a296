import Foundation

/// The Gaussian error linear unit, exact form: GELU(x) = x · Φ(x) = ½ · x · (1 + erf(x / √2)).
///
/// - Parameter x: `count` values, replaced in place.
func gelu(_ x: UnsafeMutablePointer<Float>, count: Int) {
  let inverseRootTwo: Float = 0.707_106_781_186_547_524_40
  for i in 0..<count {
    let v = x[i]
    x[i] = 0.5 * v * (1 + erf(v * inverseRootTwo))
  }
}
