package almacen.query.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class ClusterTest {

  private static final HostInfo SELF = new HostInfo("127.0.0.1", 8080);
  private static final HostInfo OTHER = new HostInfo("127.0.0.1", 8090);
  private KeyQueryMetadata placed;
  private final Cluster cluster =
      new Cluster(
          new Cluster.Placement() {
            @Override
            public KeyQueryMetadata ofKey(String store, String key) {
              return placed;
            }

            @Override
            public Collection<StreamsMetadata> ofStore(String store) {
              return List.of();
            }
          },
          SELF,
          Duration.ofSeconds(1));

  @Test
  void shouldKnowNoOwnerWhenPartitionsAreMoving() {
    // given a rebalance: Streams cannot say who holds the key
    placed = KeyQueryMetadata.NOT_AVAILABLE;

    // when
    Cluster.Owner owner = cluster.owner("store", "central|A1");

    // then it is neither answered here (a wrong "never moved") nor forwarded
    assertThat(owner.known()).isFalse();
    assertThat(owner.local()).isFalse();
  }

  @Test
  void shouldForwardToTheActiveWithItsStandbysWhenAnotherInstanceOwnsTheKey() {
    // given
    placed = new KeyQueryMetadata(OTHER, Set.of(SELF), 3);

    // when
    Cluster.Owner owner = cluster.owner("store", "central|A1");

    // then
    assertThat(owner.known()).isTrue();
    assertThat(owner.local()).isFalse();
    assertThat(owner.active()).isEqualTo(OTHER);
    assertThat(owner.standbyHere()).isTrue();
  }

  @Test
  void shouldAnswerHereWhenThisInstanceIsTheActiveOwner() {
    placed = new KeyQueryMetadata(SELF, Set.of(OTHER), 3);

    assertThat(cluster.owner("store", "central|A1").local()).isTrue();
  }
}
