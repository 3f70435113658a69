package almacen.inventory;

import almacen.inventory.domain.DemandSettings;
import almacen.inventory.domain.SourceRules;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code almacen.inventory.*}: how long sale ids are remembered, the demand-signal knobs and how
 * fresh an event must be to be committed at once ({@code live-window}, 0 to always wait for the
 * commit interval). The rule defaults come from inventory-rules ({@link SourceRules}, {@link
 * DemandSettings}), which the audit replay uses too.
 */
@ConfigurationProperties("almacen.inventory")
public record InventoryProperties(
    @DefaultValue(SourceRules.DEFAULT_SALE_ID_MEMORY_DAYS + "d") Duration saleDedupeWindow,
    @DefaultValue("" + DemandSettings.DEFAULT_LEAD_TIME_DAYS) int leadTimeDays,
    @DefaultValue("" + DemandSettings.DEFAULT_COVER_DAYS) int coverDays,
    @DefaultValue("2s") Duration liveWindow) {}
