package almacen.query;

import static org.assertj.core.api.Assertions.assertThat;

import almacen.events.MovementType;
import almacen.events.StockMovement;
import almacen.events.StockStatus;
import almacen.query.read.ReadModel;
import almacen.support.csv.Csv;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rows of the stock and movements exports, as a spreadsheet receives them. */
class CsvExportTest {

  QueryDriver d;
  ReadModel model;

  @BeforeEach
  void setUp() {
    d = new QueryDriver();
    model =
        new ReadModel(
            d.storeReader(),
            Clock.fixed(Instant.parse("2026-03-10T18:00:00Z"), ZoneOffset.UTC),
            QueryConfig.BUENOS_AIRES);
    d.pipe(
        d.topics.products,
        "ALM000001",
        Fixtures.product(
            "ALM000001", "=HYPERLINK(\"http://x\";\"Azúcar\")", "@Almacén", null, "5", "40"));
    d.pipe(
        d.topics.stockLevels,
        "central|ALM000001",
        Fixtures.level("central", "ALM000001", "-2", "850.5", StockStatus.NEGATIVE));
    d.pipe(
        d.topics.stockLevels,
        "norte|ALM000001",
        Fixtures.level("norte", "ALM000001", "3", "850.5", StockStatus.LOW));
  }

  @AfterEach
  void tearDown() {
    d.close();
  }

  @Test
  void shouldGuardTextKeepNumbersAndHonourBranchWhenStockIsExportedInEsAr() {
    // when
    StringWriter out = new StringWriter();
    model.writeStockRows(out, "central", Csv.forLocale("es-AR"));

    // then: only central; name and category shown, never evaluated; -2 stays a number with a
    // decimal comma
    assertThat(out.toString())
        .isEqualTo(
            "central;ALM000001;\"'=HYPERLINK(\"\"http://x\"\";\"\"Azúcar\"\")\";"
                + "\"'@Almacén\";UNIT;-2,000;5,000;40,000;NEGATIVE;850,5000;0,00;1,500;6,7;10,000;;10/03/2026 12:00:00\n");
  }

  @Test
  void shouldListEveryBranchInPlainCsvWhenNoBranchOrLocaleIsGiven() {
    // when
    StringWriter out = new StringWriter();
    model.writeStockRows(out, null, Csv.plain());

    // then
    assertThat(out.toString().lines())
        .containsExactlyInAnyOrder(
            "central,ALM000001,\"'=HYPERLINK(\"\"http://x\"\";\"\"Azúcar\"\")\",\"'@Almacén\",UNIT,-2.000,5.000,40.000,NEGATIVE,"
                + "850.5000,0.00,1.500,6.7,10.000,,2026-03-10T12:00:00-03:00",
            "norte,ALM000001,\"'=HYPERLINK(\"\"http://x\"\";\"\"Azúcar\"\")\",\"'@Almacén\",UNIT,3.000,5.000,40.000,LOW,"
                + "850.5000,2551.50,1.500,6.7,10.000,,2026-03-10T12:00:00-03:00");
  }

  @Test
  void shouldKeepANegativeDeltaANumberAndGuardASourceRefAndUserWhenMovementsAreExported() {
    // given: a sale of 2 whose source reference a till wrote as a formula, by a user whose name
    // starts with a minus
    StockMovement m =
        StockMovement.newBuilder(
                Fixtures.movement(
                    "central", "ALM000001", 1, MovementType.SALE, "-2", null, Fixtures.T0))
            .setSourceRef("-1+1#1")
            .setUser("-caja1")
            .build();
    d.pipe(d.topics.stockMovements, "central|ALM000001", m);

    // when
    StringWriter plain = new StringWriter();
    StringWriter esAr = new StringWriter();
    model.writeMovementRows(plain, null, null, Csv.plain());
    model.writeMovementRows(esAr, null, null, Csv.forLocale("es-AR"));

    // then
    assertThat(plain.toString())
        .isEqualTo(
            "central,ALM000001,1,central|ALM000001#1,SALE,-2.000,100.000,98.000,,"
                + "\"'-1+1#1\",2026-03-10T12:00:00-03:00,\"'-caja1\"\n");
    assertThat(esAr.toString())
        .isEqualTo(
            "central;ALM000001;1;central|ALM000001#1;SALE;-2,000;100,000;98,000;;"
                + "\"'-1+1#1\";10/03/2026 12:00:00;\"'-caja1\"\n");
  }

  @Test
  void shouldLeaveTheUserCellEmptyWhenTheMovementPredatesUsers() {
    // given: a movement written before users were recorded
    d.pipe(
        d.topics.stockMovements,
        "central|ALM000001",
        Fixtures.movement("central", "ALM000001", 1, MovementType.SALE, "-2", null, Fixtures.T0));

    // when
    StringWriter out = new StringWriter();
    model.writeMovementRows(out, null, null, Csv.plain());

    // then: the last cell, user, is empty
    assertThat(out.toString())
        .isEqualTo(
            "central,ALM000001,1,central|ALM000001#1,SALE,-2.000,100.000,98.000,,REF1#1,"
                + "2026-03-10T12:00:00-03:00,\n");
  }
}
