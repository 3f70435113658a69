package almacen.inventory;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code almacen.inventory.*}: how long sale ids are remembered, the demand-signal knobs and how fresh
 * an event must be to be committed at once ({@code live-window}, 0 to always wait for the commit interval).
 */
@ConfigurationProperties("almacen.inventory")
public record InventoryProperties(
    @DefaultValue("35d") Duration saleDedupeWindow,
    @DefaultValue("7") int leadTimeDays,
    @DefaultValue("14") int coverDays,
    @DefaultValue("2s") Duration liveWindow) {
}
