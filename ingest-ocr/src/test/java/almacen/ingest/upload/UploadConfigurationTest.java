package almacen.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.ingest.ocr.InvoiceReader;
import almacen.ingest.ocr.OcrSettings;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class UploadConfigurationTest {

  /** With Spring Boot's conversions ("30s" → Duration), as SpringApplication sets them up. */
  private final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withInitializer(
              app ->
                  app.getBeanFactory()
                      .setConversionService(ApplicationConversionService.getSharedInstance()))
          .withUserConfiguration(UploadConfiguration.class)
          .withBean(InvoiceReader.class, () -> (bytes, branch, deadline) -> null);

  @Test
  void shouldTakeTheTimeoutFromAlmacenOcrTimeoutInTheEnvironment() {
    // given the environment variable as the service would see it
    context
        .withInitializer(
            app ->
                app.getEnvironment()
                    .getPropertySources()
                    .addFirst(
                        new SystemEnvironmentPropertySource(
                            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            Map.of("ALMACEN_OCR_TIMEOUT", "7s"))))
        // when / then
        .run(
            app ->
                assertThat(app.getBean(OcrSettings.class).timeout())
                    .isEqualTo(Duration.ofSeconds(7)));
  }

  @Test
  void shouldAdmitWorkersPlusQueueWhenDefaultsApply() {
    context
        .withPropertyValues("almacen.ocr.max-concurrent=2")
        .run(
            app -> {
              assertThat(app.getBean(OcrSettings.class).timeout())
                  .isEqualTo(Duration.ofSeconds(30));
              assertThat(app.getBean(AdmissionSettings.class).queueSize()).isEqualTo(4);
              assertThat(app.getBean(UploadAdmission.class).capacity()).isEqualTo(6);
            });
  }
}
