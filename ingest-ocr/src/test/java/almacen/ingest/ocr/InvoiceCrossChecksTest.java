package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceCrossChecksTest {

  private static final List<ReadLine> ONE_LINE =
      List.of(
          new ReadLine(
              "ALM-1",
              "Yerba",
              new BigDecimal("2"),
              new BigDecimal("500.00"),
              null,
              new BigDecimal("1000.00")));
  private static final Map<BigDecimal, BigDecimal> IVA_21 =
      Map.of(new BigDecimal("21"), new BigDecimal("210.00"));

  @ParameterizedTest(name = "net {0}, total {1} → {2} passed")
  @CsvSource(
      delimiter = '|',
      value = {
        "1000.00|1210.00|2|",
        "1001.00|1211.00|2|",
        "999.00|1209.00|2|",
        "1001.01|1211.01|1|La suma de los renglones (1.000,00) no coincide con el neto (1.001,01);"
            + " puede faltar un renglón.",
        "1000.00|1211.01|1|Neto + IVA + otros tributos (1.210,00) no coincide con el total"
            + " (1.211,01).",
        "|1210.00|0|",
        "1000.00||1|"
      })
  void shouldPassChecksWithinOnePesoWhenLinesNetIvaAndTotalAgree(
      BigDecimal net, BigDecimal total, int passed, String issue) {
    // given a Factura A with one line of 1.000,00 and 21 % IVA of 210,00
    List<String> issues = new ArrayList<>();
    // when
    InvoiceCrossChecks.Result result =
        InvoiceCrossChecks.check(
            InvoiceType.A, ONE_LINE, net, IVA_21, new BigDecimal("0.00"), total, issues::add);
    // then
    assertThat(result.passed()).isEqualTo(passed);
    assertThat(issues).isEqualTo(issue == null ? List.of() : List.of(issue));
  }

  @Test
  void shouldDropIvaAndTakeLinesAsNetWhenFacturaBPrintsIva() {
    // given a Factura B (final prices) with IVA discriminated and no net
    List<String> issues = new ArrayList<>();
    // when
    InvoiceCrossChecks.Result result =
        InvoiceCrossChecks.check(
            InvoiceType.B,
            ONE_LINE,
            null,
            IVA_21,
            new BigDecimal("0.00"),
            new BigDecimal("1000.00"),
            issues::add);
    // then
    assertThat(result.netTotal()).isEqualTo(new BigDecimal("1000.00"));
    assertThat(result.ivaByRate()).isEmpty();
    assertThat(result.ivaTotal()).isEqualTo(new BigDecimal("0.00"));
    assertThat(result.passed()).isEqualTo(2);
    assertThat(issues)
        .containsExactly("Factura B con IVA discriminado: se ignora (precios finales).");
  }

  @ParameterizedTest(name = "{0} with IVA {1}, M legend {2} → {3}")
  @CsvSource({
    "'',true,false,A,0,2",
    "'',true,true,A,2,0",
    "'',false,false,,1,0",
    "B,true,false,B,0,0",
    "C,false,false,C,0,0"
  })
  void shouldTakeFacturaAOnlyWhenTypeIsUnreadAndIvaIsDiscriminated(
      String type, boolean iva, boolean legend, String expected, int issues, int corrections) {
    // given a header that may have read no type
    ParseIssues said = new ParseIssues();
    InvoiceType read = type.isEmpty() ? null : InvoiceType.valueOf(type);
    if (read == null) {
      said.add(InvoiceCrossChecks.NO_TYPE);
    }
    // when
    InvoiceType result =
        InvoiceCrossChecks.typeFromIva(read, iva ? IVA_21 : Map.of(), legend, said);
    // then without the M's legend an A is proven (the header's doubt too); with it, a person looks
    assertThat(result).isEqualTo(expected == null ? null : InvoiceType.valueOf(expected));
    assertThat(said.list()).hasSize(issues);
    assertThat(said.corrections()).hasSize(corrections);
  }
}
