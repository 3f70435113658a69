package almacen.support.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * The Ed25519 signing keys of almacén, kept in one directory: {@code <kid>.public.pem} (X.509
 * SubjectPublicKeyInfo), {@code <kid>.private.pem} (PKCS#8, mode 600) and a file {@code current}
 * naming the kid new tokens are signed with. Every public key in the directory verifies, so tokens
 * signed before a {@link #rotate()} stay valid until they expire. A service that only verifies
 * needs only the public keys. Key material is never logged nor printed by {@link #toString()}.
 *
 * <p>Another process (scripts/rotate-keys) may rotate the keys while a service runs: the ring
 * re-reads the directory when {@code current} changes and, at most once a second, when asked for an
 * unknown kid.
 */
public final class KeyRing {

  public static final String CURRENT_FILE = "current";
  static final String PUBLIC_SUFFIX = ".public.pem";
  static final String PRIVATE_SUFFIX = ".private.pem";
  private static final Pattern KID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final String ALGORITHM = "Ed25519";

  /** Kids carry their creation time, to the millisecond (older kids to the second). */
  private static final DateTimeFormatter KID_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS").withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter KID_TIME_SECONDS =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);
  private static final long RESCAN_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path dir;
  private volatile Snapshot snapshot;
  private volatile long lastRescanNanos = System.nanoTime();

  private KeyRing(Path dir, Snapshot snapshot) {
    this.dir = dir;
    this.snapshot = snapshot;
  }

  /**
   * Loads the keys in {@code dir}, creating the directory and a first key pair when there is none
   * (local mode).
   */
  public static KeyRing loadOrCreate(Path dir) {
    SecretFiles.createOwnerOnlyDirectory(dir);
    try (DirectoryLock lock = DirectoryLock.acquire(dir)) {
      return createIfEmpty(dir);
    }
  }

  private static KeyRing createIfEmpty(Path dir) {
    Snapshot loaded = Snapshot.read(dir);
    if (loaded.publicKeys.isEmpty()) {
      String kid = generate(dir);
      writeCurrent(dir, kid);
      loaded = Snapshot.read(dir);
    } else if (loaded.currentKid == null) {
      throw new IllegalStateException(
          "Key directory "
              + dir
              + " has public keys but no '"
              + CURRENT_FILE
              + "' file naming the signing key; run scripts/rotate-keys or restore the file");
    }
    return new KeyRing(dir, loaded);
  }

  /**
   * Loads existing keys only (any mode other than local): fails fast, with what to do, when {@code
   * dir} holds no public key. The private key and the {@code current} file are needed only to sign.
   */
  public static KeyRing load(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "No key directory "
              + dir.toAbsolutePath()
              + ": outside local mode almacén "
              + "never creates keys; create them with scripts/rotate-keys (or copy the <kid>.public.pem files and the '"
              + CURRENT_FILE
              + "' file of the issuer) before starting");
    }
    Snapshot loaded = Snapshot.read(dir);
    if (loaded.publicKeys.isEmpty()) {
      throw new IllegalStateException(
          "No public key (<kid>"
              + PUBLIC_SUFFIX
              + ") in "
              + dir.toAbsolutePath()
              + ": outside local mode almacén never creates keys; create them with scripts/rotate-keys first");
    }
    return new KeyRing(dir, loaded);
  }

  public Path directory() {
    return dir;
  }

  /** The kid new tokens are signed with. */
  public String currentKid() {
    Snapshot s = fresh();
    if (s.currentKid == null) {
      throw new IllegalStateException(
          "No '" + CURRENT_FILE + "' file in " + dir + ": this service can verify, not sign");
    }
    return s.currentKid;
  }

  /** True when this ring holds the private key of the current kid. */
  public boolean canSign() {
    Snapshot s = fresh();
    return s.currentKid != null && s.currentPrivateKey != null;
  }

  /** The current kid and its private key, read together so they always match. */
  public SigningKey signingKey() {
    Snapshot s = fresh();
    if (s.currentKid == null || s.currentPrivateKey == null) {
      throw new IllegalStateException(
          "No private key for the current kid in "
              + dir
              + ": this service can verify, "
              + "not sign");
    }
    return new SigningKey(s.currentKid, s.currentPrivateKey);
  }

  /**
   * The public key named {@code kid}; an unknown kid re-reads the directory (at most once a
   * second).
   */
  public Optional<PublicKey> publicKey(String kid) {
    if (kid == null || !KID.matcher(kid).matches()) {
      return Optional.empty();
    }
    Snapshot s = fresh();
    PublicKey key = s.publicKeys.get(kid);
    if (key == null) {
      long now = System.nanoTime();
      if (now - lastRescanNanos >= RESCAN_INTERVAL_NANOS) {
        lastRescanNanos = now;
        s = reload();
        key = s.publicKeys.get(kid);
      }
    }
    return Optional.ofNullable(key);
  }

  /** Every kid whose public key is known, sorted. */
  public Set<String> kids() {
    return Collections.unmodifiableSet(fresh().publicKeys.keySet());
  }

  /**
   * Creates a new key pair and makes it current; the previous public keys still verify. Returns the
   * new kid.
   */
  public String rotate() {
    try (DirectoryLock lock = DirectoryLock.acquire(dir)) {
      String kid = generate(dir);
      writeCurrent(dir, kid);
      reload();
      return kid;
    }
  }

  /**
   * Deletes the key pairs, other than the current one, retired more than {@code olderThan} ago
   * (tokens signed with them stop verifying). A key is retired when the next key is created; both
   * instants come from the kids ({@code yyyyMMddTHHmmss-…}), never from file times, which a copy or
   * a restore resets. A key whose kid carries no time is never pruned. Returns how many key pairs
   * were deleted.
   */
  public int prune(Duration olderThan, Clock clock) {
    try (DirectoryLock lock = DirectoryLock.acquire(dir)) {
      Snapshot s = reload();
      Instant limit = clock.instant().minus(olderThan);
      int deleted = 0;
      for (String kid : s.publicKeys.keySet()) {
        if (kid.equals(s.currentKid)) {
          continue;
        }
        Optional<Instant> retired = retiredAt(kid, s.publicKeys.keySet());
        if (retired.isPresent() && retired.get().isBefore(limit)) {
          try {
            Files.deleteIfExists(dir.resolve(kid + PRIVATE_SUFFIX));
            Files.deleteIfExists(dir.resolve(kid + PUBLIC_SUFFIX));
          } catch (IOException e) {
            throw new UncheckedIOException("Cannot prune key " + kid + " in " + dir, e);
          }
          deleted++;
        }
      }
      reload();
      return deleted;
    }
  }

  /**
   * When {@code kid} stopped being current: the creation time of the next newer kid; empty when
   * unknown.
   */
  static Optional<Instant> retiredAt(String kid, Collection<String> kids) {
    Optional<Instant> created = createdAt(kid);
    if (created.isEmpty()) {
      return Optional.empty();
    }
    return kids.stream()
        .map(KeyRing::createdAt)
        .flatMap(Optional::stream)
        .filter(t -> t.isAfter(created.get()))
        .min(Instant::compareTo);
  }

  /** The creation time a kid of {@link #generate} carries, or empty for a kid named otherwise. */
  static Optional<Instant> createdAt(String kid) {
    int dash = kid.indexOf('-');
    String time = dash < 0 ? kid : kid.substring(0, dash);
    for (DateTimeFormatter format : List.of(KID_TIME, KID_TIME_SECONDS)) {
      try {
        return Optional.of(Instant.from(format.parse(time)));
      } catch (java.time.format.DateTimeParseException e) {
        // not this format: try the next
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    Snapshot s = snapshot;
    return "KeyRing[dir="
        + dir
        + ", current="
        + s.currentKid
        + ", kids="
        + s.publicKeys.keySet()
        + "]";
  }

  private Snapshot fresh() {
    Snapshot s = snapshot;
    if (!Objects.equals(s.currentStamp, stampOf(dir))) {
      s = reload();
    }
    return s;
  }

  private synchronized Snapshot reload() {
    Snapshot s = Snapshot.read(dir);
    snapshot = s;
    return s;
  }

  private static String generate(Path dir) {
    try {
      KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
      byte[] suffix = new byte[3];
      RANDOM.nextBytes(suffix);
      String kid = KID_TIME.format(Instant.now()) + "-" + HexFormat.of().formatHex(suffix);
      SecretFiles.writeOwnerOnly(
          dir.resolve(kid + PRIVATE_SUFFIX), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
      SecretFiles.writePublic(
          dir.resolve(kid + PUBLIC_SUFFIX), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
      return kid;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "This JVM cannot generate Ed25519 keys (Java 17 or later is required)", e);
    }
  }

  private static void writeCurrent(Path dir, String kid) {
    SecretFiles.writePublic(
        dir.resolve(CURRENT_FILE), (kid + "\n").getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] pem(String type, byte[] der) {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] unpem(Path file, String type) throws IOException {
    String text = Files.readString(file, StandardCharsets.US_ASCII);
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalStateException("Key file " + file + " is not a PEM " + type);
    }
    return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
  }

  /**
   * Identifies one version of the {@code current} file: rotation replaces the file, so its inode
   * changes.
   */
  private static Object stampOf(Path dir) {
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(dir.resolve(CURRENT_FILE), BasicFileAttributes.class);
      return List.of(
          attributes.lastModifiedTime(), String.valueOf(attributes.fileKey()), attributes.size());
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + dir.resolve(CURRENT_FILE), e);
    }
  }

  /**
   * Serialises key creation and rotation between threads and between processes (four services start
   * at once in local mode, and scripts/rotate-keys may run beside them).
   */
  private static final class DirectoryLock implements AutoCloseable {
    private static final ReentrantLock JVM_LOCK = new ReentrantLock();
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }

    static DirectoryLock acquire(Path dir) {
      JVM_LOCK.lock();
      FileChannel channel = null;
      try {
        channel =
            FileChannel.open(
                dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        return new DirectoryLock(channel, channel.lock());
      } catch (IOException | RuntimeException e) {
        closeQuietly(channel, e);
        JVM_LOCK.unlock();
        if (e instanceof IOException io) {
          throw new UncheckedIOException("Cannot lock key directory " + dir, io);
        }
        throw (RuntimeException) e;
      }
    }

    private static void closeQuietly(FileChannel channel, Exception failure) {
      if (channel == null) {
        return;
      }
      try {
        channel.close();
      } catch (IOException e) {
        failure.addSuppressed(e);
      }
    }

    @Override
    public void close() {
      try {
        lock.release();
        channel.close();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot release key directory lock", e);
      } finally {
        JVM_LOCK.unlock();
      }
    }
  }

  /** The kid and private key that sign new tokens. */
  public record SigningKey(String kid, PrivateKey privateKey) {
    @Override
    public String toString() {
      return "SigningKey[kid=" + kid + "]";
    }
  }

  /** An immutable view of the directory at one moment. */
  private record Snapshot(
      Map<String, PublicKey> publicKeys,
      String currentKid,
      PrivateKey currentPrivateKey,
      Object currentStamp) {

    static Snapshot read(Path dir) {
      try {
        Object stamp = stampOf(dir);
        KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
        Map<String, PublicKey> keys = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + PUBLIC_SUFFIX)) {
          for (Path file : files) {
            String name = file.getFileName().toString();
            String kid = name.substring(0, name.length() - PUBLIC_SUFFIX.length());
            if (KID.matcher(kid).matches()) {
              keys.put(
                  kid, factory.generatePublic(new X509EncodedKeySpec(unpem(file, "PUBLIC KEY"))));
            }
          }
        }
        String current = null;
        PrivateKey privateKey = null;
        if (stamp != null) {
          current = Files.readString(dir.resolve(CURRENT_FILE), StandardCharsets.US_ASCII).trim();
          if (!KID.matcher(current).matches() || !keys.containsKey(current)) {
            throw new IllegalStateException(
                "The '" + CURRENT_FILE + "' file in " + dir + " names no key of this directory");
          }
          Path privateFile = dir.resolve(current + PRIVATE_SUFFIX);
          if (Files.exists(privateFile)) {
            privateKey =
                factory.generatePrivate(new PKCS8EncodedKeySpec(unpem(privateFile, "PRIVATE KEY")));
          }
        }
        return new Snapshot(Collections.unmodifiableMap(keys), current, privateKey, stamp);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read keys in " + dir, e);
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        throw new IllegalStateException(
            "Unreadable key file in " + dir + " (not an Ed25519 PEM key)", e);
      }
    }

    @Override
    public String toString() {
      return "Snapshot[current=" + currentKid + ", kids=" + publicKeys.keySet() + "]";
    }
  }
}
