package almacen.query.read;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Business days {@code from}..{@code to}, both included (Buenos Aires calendar dates). */
public record DateRange(LocalDate from, LocalDate to) {

  public DateRange {
    if (from == null || to == null || from.isAfter(to)) {
      throw new IllegalArgumentException("Bad date range " + from + ".." + to);
    }
  }

  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }

  public List<LocalDate> eachDay() {
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      out.add(d);
    }
    return out;
  }
}
