package almacen.ingest.ocr;

import java.util.Optional;

/**
 * The reader's view of a CUIT: exactly 11 digits as found on the page. The check-digit rule itself lives in
 * one place only, {@link almacen.ingest.invoice.Cuit} (upstream had two CUIT checks that disagreed).
 */
public final class Cuit {

    private Cuit() {
    }

    public static boolean isValid(String digits) {
        return digits != null && digits.matches("\\d{11}") && almacen.ingest.invoice.Cuit.isValid(digits);
    }

    /** {@code 30712345671} → {@code 30-71234567-1} when valid. */
    public static Optional<String> format(String digits) {
        return isValid(digits)
            ? almacen.ingest.invoice.Cuit.parse(digits).map(almacen.ingest.invoice.Cuit::formatted)
            : Optional.empty();
    }
}
