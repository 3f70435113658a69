package almacen.replay;

/** The cluster did not answer: said once, in one line, instead of the client's retries. */
final class BrokerUnreachableException extends RuntimeException {

  BrokerUnreachableException(String bootstrap, String why) {
    super("broker unreachable at " + bootstrap + " (" + why + ")");
  }
}
