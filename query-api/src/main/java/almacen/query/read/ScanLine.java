package almacen.query.read;

import java.math.BigDecimal;

/** What a till needs for one scan: the line it adds. */
public record ScanLine(
    String sku,
    String name,
    String unit,
    BigDecimal qty,
    BigDecimal unitPrice,
    BigDecimal lineTotal) {}
