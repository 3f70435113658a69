package almacen.ingest.ocr;

/**
 * How much a read can be trusted, 0..1, for the person reviewing and for deciding what needs
 * review: a weighted mix of OCR's own confidence, the share of structural checks that passed
 * (cross-checks, required fields found, lines closing) and the share of lines that close, plus a
 * bonus when the printed total is exactly the AFIP QR's.
 *
 * @param ocr weight of the OCR engine's mean word confidence (1.0 for a PDF text layer)
 * @param structure weight of the share of structural checks passed
 * @param lines weight of the share of item rows whose quantity × price = total
 * @param qrAgreement added when OCR's total equals the QR's to the cent (capped at 1)
 */
record ReadConfidence(double ocr, double structure, double lines, double qrAgreement) {

  /**
   * Structure weighs most: sums that close are hard to reach by chance, while OCR's word confidence
   * says how clean the glyphs looked, not whether a digit is right. Lines weigh least because
   * structure already counts them once. The three weights add up to 1, so a read with everything
   * right scores 1 without the QR bonus.
   */
  static final ReadConfidence DEFAULT = new ReadConfidence(0.35, 0.45, 0.2, 0.05);

  /** Scores are rounded to this many decimals: finer differences mean nothing. */
  static final double ROUNDING = 1000;

  /** Structural checks: the cross-checks, the required fields and "the lines close" as one. */
  static final int STRUCTURE_CHECKS = InvoiceCrossChecks.CHECKS + QrMerge.REQUIRED_FIELDS + 1;

  /**
   * @param ocrConfidence the engine's mean confidence, 0..1
   * @param crossChecksPassed of {@link InvoiceCrossChecks#CHECKS}
   * @param requiredFound of {@link QrMerge#REQUIRED_FIELDS}
   * @param consistentLines item rows that close, of {@code lineCount}
   * @param qrAgrees OCR's total is exactly the QR's
   */
  double score(
      double ocrConfidence,
      int crossChecksPassed,
      int requiredFound,
      int consistentLines,
      int lineCount,
      boolean qrAgrees) {
    int passed = crossChecksPassed + requiredFound;
    passed += lineCount == 0 ? 0 : (int) Math.round((double) consistentLines / lineCount);
    double structureShare = (double) passed / STRUCTURE_CHECKS;
    double lineShare = lineCount == 0 ? 0 : (double) consistentLines / lineCount;
    double confidence = ocr * ocrConfidence + structure * structureShare + lines * lineShare;
    if (qrAgrees) {
      confidence = Math.min(1.0, confidence + qrAgreement);
    }
    return Math.max(0, Math.min(1, Math.round(confidence * ROUNDING) / ROUNDING));
  }
}
