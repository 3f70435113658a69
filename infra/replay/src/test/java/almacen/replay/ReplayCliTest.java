package almacen.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReplayCliTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ReplayCli.run(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        args);
  }

  @Test
  void shouldExitTwoSayingBrokerUnreachableOnceWhenNoBrokerListens() throws IOException {
    // given a port nobody listens on
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    // when
    int code = run("--bootstrap", "127.0.0.1:" + port, "verify", "--result-file", "none");

    // then one line on stderr, nothing on stdout, exit 2 (1 is kept for a difference)
    assertThat(code).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactly(
            "replay verify: broker unreachable at 127.0.0.1:" + port + " (no answer within 5 s)");
  }

  @Test
  void shouldExitTwoWhenAnOptionIsUnknown() {
    // when
    int code = run("stock", "--as-of", "2025-10-31T23:59:59-03:00", "--colour");

    // then
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option: '--colour'");
  }

  @Test
  void shouldListTheCommandsWhenAskedForHelp() {
    // when
    int code = run("--help");

    // then
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("stock", "verify", "ledger", "prices");
  }

  @Test
  void shouldPrintTimeHeapPeakAndGcOnStderrWhenAskedForStats() {
    // when
    int code = run("--stats", "--help");

    // then the report stays clean and the stats line names the heap's own maximum
    long maxMb = Runtime.getRuntime().maxMemory() >> 20;
    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("replay stats");
    assertThat(err.toString(StandardCharsets.UTF_8))
        .containsPattern(
            "replay stats: \\d+\\.\\d s, heap peak \\d+ MB of " + maxMb + " MB, GC \\d+\\.\\d s");
  }
}
