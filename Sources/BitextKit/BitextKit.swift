/// BitextKit: reading, normalising, segmenting, aligning and checking German/English translations.
///
/// The data flows through one folder per stage: `Text` (read, normalise, tokenise) → `Segmentation`
/// → `Alignment` → `Glossary` and `Check` → `Formats` (TMX, TBX, CSV, JSON out and in). Bilingual
/// files that a CAT tool has already paired (XLIFF, TMX, tables) skip segmentation and alignment:
/// `BilingualReader` (in `Formats`) → `Bilingual` (`BilingualDocument`) → `Check`
/// (`BilingualChecker`). `Extraction` goes from an alignment back to a glossary
/// (`GlossaryExtractor`).

/// The version of bitext, as printed by `bitext --version` and written into TMX and TBX headers.
public let version = "0.1.0"
