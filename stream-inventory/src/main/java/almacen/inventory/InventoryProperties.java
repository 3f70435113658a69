package almacen.inventory;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code almacen.inventory.*}: how long sale ids are remembered and the demand-signal knobs.
 */
@ConfigurationProperties("almacen.inventory")
public record InventoryProperties(
    @DefaultValue("35d") Duration saleDedupeWindow,
    @DefaultValue("7") int leadTimeDays,
    @DefaultValue("14") int coverDays) {
}
