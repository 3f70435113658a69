package almacen.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * One topic's backup, {@code <topic>.jsonl}: read once to check it whole before anything is
 * produced.
 */
record BackupFile(String topic, Path path, long records, int partitionsNeeded) {

  /**
   * Parses every line; a damaged line fails here, with its file and line number, before any record
   * is sent.
   */
  static BackupFile scan(String topic, Path path) {
    long[] records = {0};
    int[] maxPartition = {-1};
    forEach(
        topic,
        path,
        record -> {
          records[0]++;
          maxPartition[0] = Math.max(maxPartition[0], record.partition());
        });
    return new BackupFile(topic, path, records[0], maxPartition[0] + 1);
  }

  /** The file's records, in file order, addressed to their partition of {@code topic}. */
  void forEach(Consumer<ProducerRecord<byte[], byte[]>> sink) {
    forEach(topic, path, sink);
  }

  private static void forEach(
      String topic, Path path, Consumer<ProducerRecord<byte[], byte[]>> sink) {
    try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      String text;
      long number = 0;
      while ((text = in.readLine()) != null) {
        number++;
        if (text.isBlank()) {
          continue;
        }
        ProducerRecord<byte[], byte[]> record;
        try {
          record = BackupLine.parse(text).toRecord(topic);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(path + " line " + number + ": " + e.getMessage(), e);
        }
        sink.accept(record);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + path, e);
    }
  }
}
