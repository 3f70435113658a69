package almacen.ingest.upload;

import almacen.support.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.http.HttpStatus;

/**
 * Streams an upload into a temp file of its own, hashing and counting as it goes; past {@code
 * maxBytes} it stops reading, deletes what it wrote and answers 413. Never holds the upload in
 * memory.
 */
public final class UploadSpooler {

  private static final int BUFFER = 64 * 1024;

  private final Path directory;
  private final long maxBytes;

  public UploadSpooler(Path directory, long maxBytes) {
    this.directory = directory;
    this.maxBytes = maxBytes;
  }

  public SpooledUpload spool(InputStream in) throws IOException {
    Files.createDirectories(directory);
    Path file = Files.createTempFile(directory, "invoice-", ".upload");
    try {
      MessageDigest sha256 = sha256();
      long size = 0;
      byte[] buffer = new byte[BUFFER];
      try (OutputStream out = Files.newOutputStream(file)) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          size += n;
          if (size > maxBytes) {
            throw new ApiException(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "FILE_TOO_LARGE",
                "El archivo pesa más de "
                    + maxBytes / (1024 * 1024)
                    + " MB; el máximo es "
                    + maxBytes / (1024 * 1024)
                    + " MB.",
                "file");
          }
          sha256.update(buffer, 0, n);
          out.write(buffer, 0, n);
        }
      }
      return new SpooledUpload(file, size, HexFormat.of().formatHex(sha256.digest()));
    } catch (IOException | RuntimeException e) {
      deleteQuietlyAfter(file, e);
      throw e;
    }
  }

  /**
   * Cleans up after a failed spool; a failure to delete is added to the original exception, not
   * lost.
   */
  private static void deleteQuietlyAfter(Path file, Exception cause) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      cause.addSuppressed(new UncheckedIOException("Cannot delete " + file, e));
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 missing from the JVM", e);
    }
  }
}
