package almacen.ingest.ocr;

import java.util.Optional;

/** CUIT/CUIL: 11 digits, mod-11 check digit with weights 5,4,3,2,7,6,5,4,3,2 (dv 11 → 0, 10 → invalid). */
public final class Cuit {

    private static final int[] WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    private Cuit() {
    }

    public static boolean isValid(String digits) {
        if (digits == null || !digits.matches("\\d{11}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (digits.charAt(i) - '0') * WEIGHTS[i];
        }
        int dv = 11 - (sum % 11);
        if (dv == 11) {
            dv = 0;
        }
        return dv != 10 && dv == digits.charAt(10) - '0';
    }

    /** {@code 30712345671} → {@code 30-71234567-1} when valid. */
    public static Optional<String> format(String digits) {
        if (!isValid(digits)) {
            return Optional.empty();
        }
        return Optional.of(digits.substring(0, 2) + "-" + digits.substring(2, 10) + "-" + digits.substring(10));
    }
}
