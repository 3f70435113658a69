package almacen.support.streams;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class GlobalDeadLetterProducerTest {

  @Test
  void shouldRefuseToSendWhenTheAppHasStopped() {
    // given a producer closed with its app before the global thread ever needed it
    GlobalDeadLetterProducer producer =
        new GlobalDeadLetterProducer(Map.of("bootstrap.servers", "127.0.0.1:9"), "dlq-global-test");
    producer.close();

    // when / then: no new Kafka producer is opened behind the app's back
    assertThatThrownBy(() -> producer.send(new ProducerRecord<>("almacen.dlq", new byte[] {1})))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("The app has stopped: its dead-letter producer is closed");
  }
}
