package almacen.support.security;

import almacen.events.User;
import almacen.schemas.Topic;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard users of the compacted users topic, kept in memory by every instance of a service
 * that checks tokens: one consumer without a group (every instance reads every partition from the
 * beginning, committed records only), so a change made through one query-api instance reaches the
 * other instances and ingest-ocr within a poll. Listeners hear of every change (query-api closes a
 * deactivated user's event streams). Password hashes stay in the records and are never logged.
 */
public final class UserDirectoryListener implements UserStates, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(UserDirectoryListener.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final Topic<String, User> topic;
  private final KafkaConsumer<String, User> consumer;
  private final Map<String, User> users = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
  private final List<Consumer<UserState>> listeners = new CopyOnWriteArrayList<>();
  private final Object progress = new Object();
  private final Thread thread;
  private volatile Map<TopicPartition, Long> endAtStart;
  private volatile boolean running = true;

  public UserDirectoryListener(String bootstrapServers, Topic<String, User> topic) {
    this.topic = topic;
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.CLIENT_ID_CONFIG,
                "almacen-users-" + ProcessHandle.current().pid()),
            new StringDeserializer(),
            topic.valueSerde().deserializer());
    this.thread = new Thread(this::run, "user-directory");
    this.thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  /** Adds a listener called, on the consumer's thread, with the new state of a changed user. */
  public void onChange(Consumer<UserState> listener) {
    listeners.add(listener);
  }

  @Override
  public Optional<UserState> find(String username) {
    return user(username).map(UserDirectoryListener::state);
  }

  public Optional<User> user(String username) {
    return Optional.ofNullable(users.get(username));
  }

  /** Every user, by name. */
  public List<User> users() {
    return users.values().stream().sorted(Comparator.comparing(User::getUsername)).toList();
  }

  /** True once every record that was in the topic when reading started has been read. */
  public boolean caughtUp() {
    Map<TopicPartition, Long> end = endAtStart;
    return end != null && reached(end);
  }

  /** Waits until {@link #caughtUp()}; false when {@code timeout} passes first. */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return await(this::caughtUp, timeout);
  }

  /** Waits until the record at {@code offset} of {@code partition} has been read. */
  public boolean awaitRead(int partition, long offset, Duration timeout)
      throws InterruptedException {
    TopicPartition tp = new TopicPartition(topic.name(), partition);
    return await(() -> positions.getOrDefault(tp, 0L) > offset, timeout);
  }

  static UserState state(User user) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String claim : user.getRoles()) {
      try {
        roles.add(Role.fromClaim(claim));
      } catch (IllegalArgumentException e) {
        // a role a newer version introduced: this version grants nothing for it
        log.warn("User {} has role {} unknown to this version; ignored", user.getUsername(), claim);
      }
    }
    return new UserState(user.getUsername(), roles, user.getBranch(), user.getActive());
  }

  private boolean reached(Map<TopicPartition, Long> end) {
    return end.entrySet().stream()
        .allMatch(e -> positions.getOrDefault(e.getKey(), 0L) >= e.getValue());
  }

  private boolean await(java.util.function.BooleanSupplier condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (!condition.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        progress.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  private void run() {
    try {
      List<TopicPartition> partitions = partitions();
      if (partitions.isEmpty()) {
        return;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions));
      for (TopicPartition tp : partitions) {
        positions.put(tp, consumer.position(tp));
      }
      endAtStart = end;
      log.info("Reading users from {} ({} partition(s))", topic.name(), partitions.size());
      while (running) {
        poll();
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /** The topic's partitions, waiting for the broker and the topic to exist. */
  private List<TopicPartition> partitions() {
    while (running) {
      try {
        List<PartitionInfo> infos = consumer.partitionsFor(topic.name(), Duration.ofSeconds(10));
        if (infos != null && !infos.isEmpty()) {
          return infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        }
        log.info("Topic {} not there yet; waiting", topic.name());
      } catch (WakeupException e) {
        throw e;
      } catch (KafkaException e) {
        log.warn("Cannot list the partitions of {} yet: {}", topic.name(), e.getMessage());
      }
      sleepQuietly();
    }
    return List.of();
  }

  private void poll() {
    try {
      for (ConsumerRecord<String, User> record : consumer.poll(POLL)) {
        apply(record);
      }
    } catch (RecordDeserializationException e) {
      log.error(
          "Unreadable user record at {} offset {}; skipped", e.topicPartition(), e.offset(), e);
      consumer.seek(e.topicPartition(), e.offset() + 1);
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      log.warn("Reading users failed, retrying: {}", e.getMessage());
      sleepQuietly();
    }
    for (TopicPartition tp : consumer.assignment()) {
      positions.put(tp, consumer.position(tp));
    }
    synchronized (progress) {
      progress.notifyAll();
    }
  }

  private void apply(ConsumerRecord<String, User> record) {
    if (record.key() == null) {
      return;
    }
    User user = record.value();
    if (user == null) {
      users.remove(record.key());
      return;
    }
    User before = users.put(record.key(), user);
    if (before == null || !before.equals(user)) {
      UserState state = state(user);
      for (Consumer<UserState> listener : listeners) {
        try {
          listener.accept(state);
        } catch (RuntimeException e) {
          log.error("A user directory listener failed for {}", user.getUsername(), e);
        }
      }
    }
  }

  private void sleepQuietly() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(Duration.ofSeconds(10).toMillis());
  }
}
