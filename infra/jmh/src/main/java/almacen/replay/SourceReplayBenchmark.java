package almacen.replay;

import almacen.events.Sale;
import almacen.events.SaleLine;
import almacen.events.TaxRegime;
import almacen.jmh.HotPathRecords;
import almacen.schemas.EventSerde;
import almacen.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The audit replay's cost per source event: {@link SourceReplay#accept} of one five-line sale
 * record (decoding it, the sale rule, the id check and memory, {@code StockLedger.executeAll} and
 * keeping the rebuilt levels), after the catalogue's {@value #SKUS} products, as {@code scripts/
 * replay} runs it minus the consumer. It lives in {@code almacen.replay} (a package this module's
 * jar shares with infra/replay's) to reach the package-private {@link SourceReplay}.
 *
 * <p>Every call is a new sale: the records come from a pool of {@value #POOL} encoded sales over
 * {@value #SKUS} skus and two branches, whose fixed-width id is rewritten in place before each call
 * (instead of an encode per call), as is its time: sales and record times {@value #SALE_GAP_MS} ms
 * apart, in order. The replay's state (levels of up to 20,000 keys, remembered ids) persists over
 * the whole run, as in a long replay.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class SourceReplayBenchmark {

  static final int SKUS = 10_000;
  static final int POOL = 4_000;

  /** Business (and record) time between two sales: 4,320 a day per branch, a busy day. */
  static final long SALE_GAP_MS = 10_000;

  static final List<String> BRANCHES = List.of("central", "norte");
  private static final String ID_PREFIX = "V-";
  private static final int ID_DIGITS = 14;
  static final Instant FIRST_SOLD_AT = HotPathRecords.SOLD_AT.minus(Duration.ofDays(7));
  // soldAt is a zigzag varint of 6 bytes until 2039: rewritten in place, it keeps its length
  private static final int SOLD_AT_BYTES = 6;

  private final Topics topics = Topics.defaults();
  private SourceReplay replay;
  private byte[][] values;
  private int[] idDigitsAt;
  private int[] soldAtAt;
  private long next;

  @Setup
  public void setUp() {
    replay = new SourceReplay(topics, null, TaxRegime.RI);
    String productsTopic = topics.products.name();
    for (int i = 1; i <= SKUS; i++) {
      String sku = sku(i);
      byte[] key = topics.products.keySerde().serializer().serialize(productsTopic, sku);
      byte[] value =
          topics
              .products
              .valueSerde()
              .serializer()
              .serialize(productsTopic, HotPathRecords.product(sku));
      replay.accept(record(productsTopic, i, FIRST_SOLD_AT.toEpochMilli() - 1, key, value));
    }
    values = new byte[POOL][];
    idDigitsAt = new int[POOL];
    soldAtAt = new int[POOL];
    for (int i = 0; i < POOL; i++) {
      Sale sale = poolSale(i);
      values[i] = topics.sales.valueSerde().serializer().serialize(topics.sales.name(), sale);
      idDigitsAt[i] = indexOf(values[i], sale.getSaleId()) + ID_PREFIX.length();
      // after the id: the branch (its length, then its bytes), then soldAt
      soldAtAt[i] = idDigitsAt[i] + ID_DIGITS + 1 + sale.getBranch().length();
    }
  }

  /** One sale record, a new sale id and a later time each call. */
  @Benchmark
  public void sale() {
    replay.accept(nextSale());
  }

  SourceReplay replay() {
    return replay;
  }

  EventSerde<Sale> salesSerde() {
    return topics.sales.valueSerde();
  }

  ConsumerRecord<byte[], byte[]> nextSale() {
    long n = next++;
    int slot = (int) (n % POOL);
    byte[] value = values[slot];
    writeDigits(value, idDigitsAt[slot], n);
    long soldAt = soldAt(n);
    writeVarLong(value, soldAtAt[slot], soldAt);
    return record(topics.sales.name(), n, soldAt, null, value);
  }

  /** Business time of call {@code n}: sales in time order, as a replay reads them. */
  static long soldAt(long n) {
    return FIRST_SOLD_AT.toEpochMilli() + n * SALE_GAP_MS;
  }

  private static ConsumerRecord<byte[], byte[]> record(
      String topic, long offset, long time, byte[] key, byte[] value) {
    return new ConsumerRecord<>(
        topic,
        0,
        offset,
        time,
        TimestampType.CREATE_TIME,
        key == null ? -1 : key.length,
        value.length,
        key,
        value,
        new RecordHeaders(),
        Optional.empty());
  }

  /**
   * Sale {@code i} of the pool: five distinct skus, one line weighed; its id and time are rewritten
   * for each call.
   */
  static Sale poolSale(int i) {
    List<SaleLine> lines = new ArrayList<>(5);
    for (int l = 0; l < 5; l++) {
      String sku = sku((i * 7 + l * 131) % SKUS + 1);
      String qty = l == 2 ? "0.750" : (l % 3 + 1) + ".000";
      lines.add(HotPathRecords.line(sku, qty, (1000 + i % 900 + l * 250) + ".50"));
    }
    return HotPathRecords.sale(saleId(i), BRANCHES.get(i % 2), FIRST_SOLD_AT, lines);
  }

  static String saleId(long n) {
    return ID_PREFIX + zeroPadded(Long.toString(n), ID_DIGITS);
  }

  private static String sku(int n) {
    return "ALM" + zeroPadded(Integer.toString(n), 6);
  }

  private static String zeroPadded(String digits, int width) {
    return "0".repeat(Math.max(0, width - digits.length())) + digits;
  }

  /** Writes {@code n} as {@value #ID_DIGITS} ASCII digits at {@code at}. */
  private static void writeDigits(byte[] bytes, int at, long n) {
    long rest = n;
    for (int i = at + ID_DIGITS - 1; i >= at; i--) {
      bytes[i] = (byte) ('0' + rest % 10);
      rest /= 10;
    }
  }

  /**
   * Writes {@code v} as Avro's long (zigzag varint) of {@value #SOLD_AT_BYTES} bytes at {@code at}.
   */
  private static void writeVarLong(byte[] bytes, int at, long v) {
    long rest = (v << 1) ^ (v >> 63);
    for (int i = at; i < at + SOLD_AT_BYTES - 1; i++) {
      bytes[i] = (byte) ((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    if (rest > 0x7F) {
      throw new IllegalStateException("A time past " + SOLD_AT_BYTES + " bytes: " + v);
    }
    bytes[at + SOLD_AT_BYTES - 1] = (byte) rest;
  }

  private static int indexOf(byte[] bytes, String text) {
    byte[] wanted = text.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i + wanted.length <= bytes.length; i++) {
      boolean match = true;
      for (int j = 0; j < wanted.length && match; j++) {
        match = bytes[i + j] == wanted[j];
      }
      if (match) {
        return i;
      }
    }
    throw new IllegalStateException(text + " not in its own encoding");
  }
}
