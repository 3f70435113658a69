package almacen.ingest.web;

import almacen.domain.Decimals;
import almacen.events.Product;
import almacen.events.Unit;
import almacen.ingest.IngestSettings;
import almacen.ingest.catalog.CatalogLookup;
import almacen.ingest.catalog.ProductCatalog;
import almacen.ingest.invoice.InvoiceLedger;
import almacen.ingest.invoice.InvoiceService;
import almacen.ingest.invoice.InvoiceValidator;
import almacen.ingest.publish.IngestMetrics;
import almacen.ingest.publish.MeteredEventPublisher;
import almacen.ingest.publish.RecordingPublisher;
import almacen.schemas.Topics;
import almacen.support.web.ApiErrorHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * Every controller of the write side over a fake publisher, in-memory indexes and a fixed clock; no
 * security.
 */
final class WebFixture {

  /** 2025-10-20 12:00 in Buenos Aires. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-10-20T15:00:00Z"), ZoneOffset.UTC);

  final Topics topics = Topics.defaults();
  final RecordingPublisher publisher = new RecordingPublisher();
  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final IngestMetrics metrics = new IngestMetrics(registry);
  final ProductCatalog catalog = new ProductCatalog();
  final InvoiceLedger ledger = new InvoiceLedger();
  final MockMvc mvc;

  WebFixture() {
    MeteredEventPublisher metered = new MeteredEventPublisher(publisher, metrics);
    IngestSettings settings =
        new IngestSettings(Duration.ofSeconds(10), 1000, Duration.ofSeconds(10), "");
    InvoiceService invoices =
        new InvoiceService(
            new InvoiceValidator(new CatalogLookup(catalog, ledger), CLOCK),
            ledger,
            metered,
            topics,
            CLOCK,
            metrics);
    mvc =
        MockMvcBuilders.standaloneSetup(
                new ProductController(metered, topics, catalog, CLOCK),
                new ProductImportController(metered, topics, catalog, CLOCK),
                new SaleController(metered, topics, catalog, CLOCK, settings),
                new StockCommandController(metered, topics, catalog, CLOCK, settings),
                new InflationController(metered, topics, CLOCK),
                new InvoiceController(invoices))
            .setControllerAdvice(new IngestErrorHandler(), new ApiErrorHandler())
            .build();
  }

  WebFixture withProduct(String sku, String name, String ean, Unit unit, String ivaRate) {
    catalog.apply(
        sku,
        Product.newBuilder()
            .setSku(sku)
            .setName(name)
            .setCategory("Almacén")
            .setEan(ean)
            .setUnit(unit)
            .setMinStock(Decimals.qty(BigDecimal.ONE))
            .setIvaRatePct(Decimals.rate(new BigDecimal(ivaRate)))
            .setActive(true)
            .setUpdatedAt(CLOCK.instant())
            .build());
    return this;
  }

  double counter(String name, String... tags) {
    return registry.get(name).tags(tags).counter().count();
  }
}
