package almacen.inventory.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The calendar day of an instant in one zone, cheap for runs of instants on the same day. */
final class ZonedDays {

  private final ZoneId zone;
  // the last day computed, shared by threads (an immutable record: a stale read only misses)
  private volatile ZonedDay lastDay;

  ZonedDays(ZoneId zone) {
    this.zone = zone;
  }

  LocalDate of(Instant instant) {
    // nearly every event falls on the day of the one before it: answer from that day's bounds
    // instead of a time-zone conversion per line
    ZonedDay last = lastDay;
    long second = instant.getEpochSecond();
    if (last != null && second >= last.startSecond() && second < last.endSecond()) {
      return last.day();
    }
    LocalDate day = instant.atZone(zone).toLocalDate();
    lastDay =
        new ZonedDay(
            day,
            day.atStartOfDay(zone).toEpochSecond(),
            day.plusDays(1).atStartOfDay(zone).toEpochSecond());
    return day;
  }

  /** A calendar day in the demand's zone and the epoch seconds it spans, [start, end). */
  private record ZonedDay(LocalDate day, long startSecond, long endSecond) {}
}
