package almacen.domain;

import java.time.ZoneId;

/** The shop's calendar: business days, demand buckets and report dates are Buenos Aires days. */
public final class BusinessDay {

  public static final ZoneId ZONE = ZoneId.of("America/Argentina/Buenos_Aires");

  private BusinessDay() {}
}
