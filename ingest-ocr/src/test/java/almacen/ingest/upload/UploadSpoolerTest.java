package almacen.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import almacen.support.web.ApiException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

class UploadSpoolerTest {

  @TempDir Path dir;

  @Test
  void shouldWriteHashAndCountTheUploadWhenItFits() throws Exception {
    // given
    UploadSpooler spooler = new UploadSpooler(dir, 1024);
    // when
    try (SpooledUpload upload =
        spooler.spool(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)))) {
      // then the SHA-256 of "abc", on disk until closed
      assertThat(upload.sha256())
          .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
      assertThat(upload.size()).isEqualTo(3);
      assertThat(upload.bytes()).asString(StandardCharsets.US_ASCII).isEqualTo("abc");
      assertThat(Files.exists(upload.file())).isTrue();
    }
    assertThat(files()).isZero();
  }

  @Test
  void shouldAnswer413AndStopReadingAndLeaveNoFileWhenTheUploadPassesTheLimit() throws Exception {
    // given an endless stream and a 1 MB limit
    UploadSpooler spooler = new UploadSpooler(dir, 1024 * 1024);
    CountingEndless endless = new CountingEndless();
    // when / then
    assertThatThrownBy(() -> spooler.spool(endless))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
              assertThat(e.code()).isEqualTo("FILE_TOO_LARGE");
              assertThat(e.field()).isEqualTo("file");
            });
    assertThat(endless.read).isLessThan(1024 * 1024 + 128 * 1024);
    assertThat(files()).isZero();
  }

  private long files() throws Exception {
    try (Stream<Path> list = Files.list(dir)) {
      return list.count();
    }
  }

  private static final class CountingEndless extends InputStream {
    long read;

    @Override
    public int read() {
      read++;
      return 0;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      read += len;
      return len;
    }
  }
}
