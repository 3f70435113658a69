package almacen.ingest.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An upload on disk, with its size and SHA-256 computed while it was written. Closing deletes the
 * file. The bytes are loaded only by the OCR worker that reads them, so memory is bounded by the
 * workers, not by the uploads waiting in the queue.
 */
public final class SpooledUpload implements AutoCloseable {

  private final Path file;
  private final long size;
  private final String sha256;

  SpooledUpload(Path file, long size, String sha256) {
    this.file = file;
    this.size = size;
    this.sha256 = sha256;
  }

  public long size() {
    return size;
  }

  public String sha256() {
    return sha256;
  }

  Path file() {
    return file;
  }

  public byte[] bytes() throws IOException {
    return Files.readAllBytes(file);
  }

  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot delete the spooled upload " + file, e);
    }
  }
}
