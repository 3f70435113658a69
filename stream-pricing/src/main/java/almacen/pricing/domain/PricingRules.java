package almacen.pricing.domain;

import almacen.events.TaxRegime;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The shop's pricing policy: tax regime, horizon, rounding step and markups.
 *
 * <p>Category names are matched ignoring case, accents and surrounding blanks, so a product in
 * "LACTEOS" takes the markup configured for "Lácteos".
 *
 * @param categoryMarkups markup % by category name (any spelling; normalised here)
 * @param defaultMarkupPct the markup when neither product nor category has one (35)
 */
public record PricingRules(
    TaxRegime taxRegime,
    int horizonDays,
    BigDecimal roundingStep,
    BigDecimal defaultMarkupPct,
    Map<String, BigDecimal> categoryMarkups) {

  public static final BigDecimal DEFAULT_MARKUP_PCT = new BigDecimal("35");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final int MAX_MEMOISED = 10_000;
  private static final Map<String, String> NORMALISED = new ConcurrentHashMap<>();

  public PricingRules {
    Objects.requireNonNull(taxRegime, "taxRegime");
    Objects.requireNonNull(roundingStep, "roundingStep");
    defaultMarkupPct = defaultMarkupPct == null ? DEFAULT_MARKUP_PCT : defaultMarkupPct;
    if (horizonDays < 0) {
      throw new IllegalArgumentException("horizon-days must be >= 0, was " + horizonDays);
    }
    if (roundingStep.signum() <= 0) {
      throw new IllegalArgumentException("rounding-step must be > 0, was " + roundingStep);
    }
    Map<String, BigDecimal> normalised = new HashMap<>();
    if (categoryMarkups != null) {
      categoryMarkups.forEach(
          (category, pct) -> {
            Objects.requireNonNull(pct, () -> "markup of category " + category);
            BigDecimal previous = normalised.put(normalise(category), pct);
            if (previous != null && previous.compareTo(pct) != 0) {
              throw new IllegalArgumentException(
                  "Category " + category + " has two different markups");
            }
          });
    }
    categoryMarkups = Map.copyOf(normalised);
  }

  /** The markup of a category, or null when the category has none configured. */
  public BigDecimal categoryMarkup(String category) {
    return category == null ? null : categoryMarkups.get(normalise(category));
  }

  /** " Lácteos " → "lacteos" (memoised: a shop has few category spellings). */
  public static String normalise(String category) {
    String known = NORMALISED.get(category);
    if (known != null) {
      return known;
    }
    String normalised = computeNormalised(category);
    if (NORMALISED.size() < MAX_MEMOISED) {
      NORMALISED.put(category, normalised);
    }
    return normalised;
  }

  private static String computeNormalised(String category) {
    String decomposed = Normalizer.normalize(category.strip(), Normalizer.Form.NFD);
    return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
  }
}
