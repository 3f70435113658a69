package almacen.replay;

import almacen.schemas.Topic;
import almacen.schemas.Topics;
import almacen.support.AlmacenSettings.TopicSettings;
import almacen.support.kafka.TopicProvisioner;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Puts a backup back, all or nothing: every file is parsed and every target topic checked (empty,
 * enough partitions) before anything is written; by default only the sources (and dead letters) are
 * restored, since the Streams apps derive the rest again when they start; missing topics are
 * created as the services would create them (catalogue cleanup policy and retention, partitions, RF
 * and min ISR from the settings); then every record of every file is sent in ONE Kafka transaction.
 * A failed send aborts it, so almacén's consumers (all read_committed) see either the whole backup
 * or nothing of it, and a restore can simply be run again.
 */
final class TopicRestore {

  private final Topics topics;
  private final String bootstrap;
  private final TopicSettings settings;
  private final boolean force;
  private final boolean includeDerived;
  private final boolean byKey;
  private final Duration transactionTimeout;
  private final PrintStream err;
  private final boolean quiet;

  TopicRestore(
      Topics topics,
      String bootstrap,
      TopicSettings settings,
      boolean force,
      boolean includeDerived,
      boolean byKey,
      Duration transactionTimeout,
      PrintStream err,
      boolean quiet) {
    this.topics = topics;
    this.bootstrap = bootstrap;
    this.settings = settings;
    this.force = force;
    this.includeDerived = includeDerived;
    this.byKey = byKey;
    this.transactionTimeout = transactionTimeout;
    this.err = err;
    this.quiet = quiet;
  }

  /** What was restored. */
  record Outcome(long records, List<String> topicsRestored, List<String> topicsCreated) {}

  /**
   * Restores every {@code <topic>.jsonl} of the catalogue found in {@code dir}; throws, having
   * committed nothing, on any failure.
   */
  Outcome restore(Path dir) {
    List<BackupFile> files = scan(dir);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      Map<String, TopicDescription> existing = describeExisting(admin);
      checkTargets(files, existing);
      List<String> created = createMissing(admin, files, existing.keySet());
      long sent = produce(files);
      return new Outcome(sent, files.stream().map(BackupFile::topic).toList(), created);
    }
  }

  private List<BackupFile> scan(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("No backup directory " + dir.toAbsolutePath());
    }
    List<BackupFile> files = new ArrayList<>();
    for (Topic<String, ?> topic : topics.all()) {
      Path file = dir.resolve(topic.name() + ".jsonl");
      if (!Files.exists(file)) {
        continue;
      }
      if (derived().contains(topic.name()) && !includeDerived) {
        err.println(
            "skipped "
                + topic.name()
                + ": derived, the Streams apps rebuild it from the sources when they "
                + "start (restoring it too would double it); --include-derived restores it as it was");
        continue;
      }
      files.add(BackupFile.scan(topic.name(), file));
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          "No backup file <topic>.jsonl of a source topic with prefix '"
              + topics.prefix()
              + "' in "
              + dir.toAbsolutePath()
              + " (was it made with another --prefix?)");
    }
    return files;
  }

  /** What the Streams apps write: everything but the sources and the dead letters. */
  private Set<String> derived() {
    Set<String> derived = new HashSet<>(topics.all().stream().map(Topic::name).toList());
    topics.sources().forEach(t -> derived.remove(t.name()));
    derived.remove(topics.dlq.name());
    return derived;
  }

  private Map<String, TopicDescription> describeExisting(Admin admin) {
    Set<String> names = await(admin.listTopics().names(), "list the topics");
    List<String> ours = topics.all().stream().map(Topic::name).filter(names::contains).toList();
    return ours.isEmpty()
        ? Map.of()
        : await(admin.describeTopics(ours).allTopicNames(), "describe the topics");
  }

  /**
   * Refuses before writing anything: a topic with too few partitions, or (without --force) a
   * non-empty one among those restored and the derived ones (the apps would derive the restored
   * sources on top of what they hold).
   */
  private void checkTargets(List<BackupFile> files, Map<String, TopicDescription> existing) {
    for (BackupFile file : files) {
      TopicDescription description = existing.get(file.topic());
      int partitions = description == null ? Integer.MAX_VALUE : description.partitions().size();
      if (!byKey && partitions < file.partitionsNeeded()) {
        throw new IllegalStateException(
            "Topic "
                + file.topic()
                + " has "
                + partitions
                + " partition(s) but the backup "
                + "has records for partition "
                + (file.partitionsNeeded() - 1)
                + "; nothing was restored");
      }
    }
    SortedSet<String> mustBeEmpty = new TreeSet<>(derived());
    files.forEach(f -> mustBeEmpty.add(f.topic()));
    List<String> notEmpty = new ArrayList<>();
    for (String topic : mustBeEmpty) {
      TopicDescription description = existing.get(topic);
      if (!force && description != null && holdsCommittedRecords(topic, description)) {
        notEmpty.add(topic);
      }
    }
    if (!notEmpty.isEmpty()) {
      throw new IllegalStateException(
          "Refusing to restore into non-empty topic(s) "
              + String.join(", ", notEmpty)
              + ": restoring on top of existing records would duplicate facts. Nothing was restored. Restore into an "
              + "empty cluster (or delete those topics), or pass --force to append anyway.");
    }
    if (force) {
      err.println("--force: records are appended to topics that may already hold some");
    }
  }

  /**
   * True when a read_committed reader finds a record (records of an aborted restore do not count).
   */
  private boolean holdsCommittedRecords(String topic, TopicDescription description) {
    List<TopicPartition> partitions =
        description.partitions().stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    try (KafkaConsumer<byte[], byte[]> consumer =
        ReadOnlyConsumer.create(bootstrap, "almacen-restore-check", 1)) {
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (partitions.stream()
          .anyMatch(tp -> consumer.position(tp, Duration.ofSeconds(30)) < end.get(tp))) {
        if (!consumer.poll(Duration.ofMillis(200)).isEmpty()) {
          return true;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "Cannot tell whether topic " + topic + " is empty: reading it took over 60 s");
        }
      }
      return false;
    }
  }

  private List<String> createMissing(Admin admin, List<BackupFile> files, Set<String> existing) {
    Map<String, Integer> needed = new LinkedHashMap<>();
    files.forEach(f -> needed.put(f.topic(), byKey ? 0 : f.partitionsNeeded()));
    List<NewTopic> missing = new ArrayList<>();
    for (NewTopic planned : TopicProvisioner.plan(topics, settings)) {
      if (!existing.contains(planned.name())) {
        int partitions = Math.max(planned.numPartitions(), needed.getOrDefault(planned.name(), 0));
        missing.add(
            new NewTopic(planned.name(), partitions, planned.replicationFactor())
                .configs(planned.configs()));
      }
    }
    if (!missing.isEmpty()) {
      await(
          admin.createTopics(missing).all(),
          "create topics " + missing.stream().map(NewTopic::name).toList());
      if (!quiet) {
        missing.forEach(
            t ->
                err.println(
                    "created topic "
                        + t.name()
                        + " ("
                        + t.numPartitions()
                        + " partitions, RF "
                        + t.replicationFactor()
                        + ", "
                        + t.configs()
                        + ")"));
      }
    }
    return missing.stream().map(NewTopic::name).toList();
  }

  // the futures are not needed: each send's failure arrives through its callback, and the
  // transaction is aborted on the first one
  @SuppressWarnings("FutureReturnValueIgnored")
  private long produce(List<BackupFile> files) {
    long total = files.stream().mapToLong(BackupFile::records).sum();
    AtomicReference<Exception> failure = new AtomicReference<>();
    AtomicLong acked = new AtomicLong();
    Progress progress = new Progress(err, quiet, "restore", total);
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            producerConfig(), new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      try {
        for (BackupFile file : files) {
          file.forEach(
              record -> {
                if (failure.get() != null) {
                  throw new KafkaException("a record was refused", failure.get());
                }
                producer.send(
                    byKey ? placedByKey(record) : record,
                    (metadata, e) -> {
                      if (e != null) {
                        failure.compareAndSet(null, e);
                      } else {
                        acked.incrementAndGet();
                      }
                    });
                progress.advance(1);
              });
        }
        producer.flush();
        if (failure.get() != null) {
          throw new KafkaException("a record was refused", failure.get());
        }
        producer.commitTransaction();
      } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException e) {
        // fatal for this producer: abort is impossible; the coordinator aborts the transaction when
        // it times out
        // or when the next restore (same transactional id) starts
        throw new IllegalStateException(
            "Restore failed and nothing was committed (" + e + "); run it again", e);
      } catch (RuntimeException e) {
        abort(producer, e);
        throw new IllegalStateException(
            "Restore failed and was rolled back, nothing of it is visible to almacén: "
                + rootMessage(e),
            e);
      }
    }
    progress.finish();
    if (acked.get() != total) {
      throw new IllegalStateException(
          "Committed, but only " + acked.get() + " of " + total + " sends were acknowledged");
    }
    return total;
  }

  /**
   * The record without its recorded partition: the producer's partitioner places it by its key, as
   * it places every later record with that key (single mode's one partition into chain mode's six
   * keeps each key's order).
   */
  static ProducerRecord<byte[], byte[]> placedByKey(ProducerRecord<byte[], byte[]> record) {
    return new ProducerRecord<>(
        record.topic(), null, record.timestamp(), record.key(), record.value(), record.headers());
  }

  private static void abort(KafkaProducer<byte[], byte[]> producer, RuntimeException cause) {
    try {
      producer.abortTransaction();
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private Properties producerConfig() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // one id per prefix: a second restore of the same installation fences (and aborts) a stuck
    // first one
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "almacen-restore-" + topics.prefix());
    p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) transactionTimeout.toMillis());
    p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "almacen-restore");
    return p;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + ": " + t;
  }

  private static <T> T await(KafkaFuture<T> future, String what) {
    try {
      return future.get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while trying to " + what, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Cannot " + what + ": " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "Cannot " + what + ": no answer from the broker within 60 s", e);
    }
  }
}
