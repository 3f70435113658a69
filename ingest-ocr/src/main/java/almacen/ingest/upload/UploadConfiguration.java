package almacen.ingest.upload;

import almacen.ingest.ocr.ImageSniffer;
import almacen.ingest.ocr.InvoiceReader;
import almacen.ingest.ocr.OcrSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The web edge of invoice uploads: OCR settings ({@code almacen.ocr.*}; env names such as {@code
 * ALMACEN_OCR_TIMEOUT} bind by Spring's relaxed rules), the admission filter, the spool directory
 * ({@code almacen.ocr.spool-dir}, default the JVM's temp directory) and the worker pool.
 */
@Configuration(proxyBeanMethods = false)
public class UploadConfiguration {

  /**
   * After the security filters (a request without a valid token takes no permit), before the
   * DispatcherServlet.
   */
  static final int ADMISSION_ORDER = Ordered.HIGHEST_PRECEDENCE + 40;

  @Bean
  OcrSettings ocrSettings(@Value("${almacen.ocr.timeout:30s}") Duration timeout) {
    return new OcrSettings(timeout);
  }

  @Bean
  AdmissionSettings admissionSettings(
      @Value("${almacen.ocr.max-concurrent:0}") int maxConcurrent,
      @Value("${almacen.ocr.queue-size:-1}") int queueSize,
      @Value("${almacen.ocr.queue-wait:20s}") Duration queueWait) {
    return AdmissionSettings.of(maxConcurrent, queueSize, queueWait);
  }

  @Bean
  UploadAdmission uploadAdmission(AdmissionSettings settings) {
    return new UploadAdmission(settings.admitted());
  }

  @Bean
  FilterRegistrationBean<UploadAdmissionFilter> uploadAdmissionFilter(UploadAdmission admission) {
    FilterRegistrationBean<UploadAdmissionFilter> bean =
        new FilterRegistrationBean<>(new UploadAdmissionFilter(admission));
    bean.setOrder(ADMISSION_ORDER);
    return bean;
  }

  @Bean
  UploadSpooler uploadSpooler(@Value("${almacen.ocr.spool-dir:}") String directory) {
    Path dir =
        directory.isBlank()
            ? Path.of(System.getProperty("java.io.tmpdir"), "almacen-uploads")
            : Path.of(directory);
    return new UploadSpooler(dir, ImageSniffer.MAX_BYTES);
  }

  @Bean(destroyMethod = "close")
  ReadWorkers readWorkers(InvoiceReader reader, OcrSettings settings, AdmissionSettings admission) {
    return new ReadWorkers(reader, settings, admission);
  }
}
