/// BitextKit: reading, normalising, segmenting, aligning and checking German/English translations.
///
/// The data flows through one folder per stage: `Text` (read, normalise, tokenise) → `Segmentation`
/// → `Alignment` → `Glossary` and `Check` → `Formats` (TMX, TBX, CSV, JSON out and in);
/// `Extraction` goes from an alignment back to a glossary (`GlossaryExtractor`).

/// The version of bitext, as printed by `bitext --version` and written into TMX and TBX headers.
public let version = "0.1.0"
