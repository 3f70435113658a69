package almacen.ingest.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InvoiceTextParserTest {

    @Test
    void shouldReadHeaderOfFacturaAWhenOcrHasTypicalErrors() {
        // given OCR text of an AFIP-layout Factura A
        // when
        InvoiceTextParser.Parsed p = InvoiceTextParser.parse(ParserSamples.FACTURA_A);
        // then
        assertThat(p.type()).isEqualTo(InvoiceType.A);
        assertThat(p.afipCode()).isEqualTo(1);
        assertThat(p.pointOfSale()).isEqualTo(3);
        assertThat(p.number()).isEqualTo(12345L);
        assertThat(p.issueDate()).isEqualTo(LocalDate.of(2025, 10, 15));
        assertThat(p.supplierCuit()).isEqualTo("30-71234567-1");
        assertThat(p.buyerCuit()).isEqualTo("20-12345678-6");
        assertThat(p.supplierName()).isEqualTo("DISTRIBUIDORA DEL PLATA S.A.");
        assertThat(p.cae()).isEqualTo("75412345678901");
        assertThat(p.caeDueDate()).isEqualTo(LocalDate.of(2025, 10, 25));
    }

    @Test
    void shouldReadLinesOfFacturaAAndRecordEveryFixWhenOcrConfusedCharacters() {
        // when
        InvoiceTextParser.Parsed p = InvoiceTextParser.parse(ParserSamples.FACTURA_A);
        // then
        assertThat(p.lines()).containsExactly(
                new ReadLine("ALI-2001", "Yerba Mate Playadito 500g", new BigDecimal("12"), new BigDecimal("850.00"), new BigDecimal("21"), new BigDecimal("10200.00")),
                new ReadLine("LAC-3102", "Queso Cremoso Punta del Agua", new BigDecimal("2.35"), new BigDecimal("8950.00"), new BigDecimal("21"), new BigDecimal("21032.50")),
                new ReadLine("HAR-8001", "Harina 000 Blancaflor 1kg", new BigDecimal("20"), new BigDecimal("1045.00"), new BigDecimal("10.5"), new BigDecimal("20900.00")));
        assertThat(p.consistentLines()).isEqualTo(3);
        assertThat(p.issues()).anySatisfy(i -> assertThat(i).contains("'5009' leído como '500g'"))
                .anySatisfy(i -> assertThat(i).contains("'AL!-2001' leído como 'ALI-2001'"))
                .anySatisfy(i -> assertThat(i).contains("'1.04500' sin coma decimal leído como 1.045,00"));
    }

    @Test
    void shouldReadTotalsOfFacturaAWhenIvaHasSeveralRates() {
        InvoiceTextParser.Parsed p = InvoiceTextParser.parse(ParserSamples.FACTURA_A);
        assertThat(p.netTotal()).isEqualByComparingTo("52132.50");
        assertThat(p.ivaByRate()).containsOnlyKeys(new BigDecimal("10.5"), new BigDecimal("21"));
        assertThat(p.ivaByRate().get(new BigDecimal("21"))).isEqualByComparingTo("6558.83");
        assertThat(p.ivaByRate().get(new BigDecimal("10.5"))).isEqualByComparingTo("2194.50");
        assertThat(p.otherTaxes()).isEqualByComparingTo("0");
        assertThat(p.total()).isEqualByComparingTo("60885.83");
    }

    @Test
    void shouldTellIssuerFromBuyerWhenBuyerCuitIsPrintedFirst() {
        // given a Factura B whose buyer CUIT (under "Señor(es)") comes before the issuer's ("Curr" for CUIT)
        InvoiceTextParser.Parsed p = InvoiceTextParser.parse(ParserSamples.FACTURA_B);
        // then
        assertThat(p.supplierCuit()).isEqualTo("33-70000001-5");
        assertThat(p.buyerCuit()).isEqualTo("27-23456789-1");
        assertThat(p.type()).isEqualTo(InvoiceType.B);
        assertThat(p.pointOfSale()).isEqualTo(7);
        assertThat(p.number()).isEqualTo(451L);
        assertThat(p.issueDate()).isEqualTo(LocalDate.of(2025, 9, 2));
        assertThat(p.cae()).isEqualTo("75498765432109");
        assertThat(p.caeDueDate()).isEqualTo(LocalDate.of(2025, 9, 12));
    }

    @Test
    void shouldReadQuantityFirstLinesWhenQuantityHasLetterO() {
        InvoiceTextParser.Parsed p = InvoiceTextParser.parse(ParserSamples.FACTURA_B);
        assertThat(p.lines()).containsExactly(
                new ReadLine("BEB-6001", "Gaseosa Coca-Cola 2,25L", new BigDecimal("6"), new BigDecimal("3327.50"), null, new BigDecimal("19965.00")),
                new ReadLine("GAL-5001", "Galletitas Terrabusi Variedad 400g", new BigDecimal("10"), new BigDecimal("2286.90"), null, new BigDecimal("22869.00")));
        assertThat(p.issues()).anySatisfy(i -> assertThat(i).contains("'1O' leído como '10'"));
        assertThat(p.netTotal()).isEqualByComparingTo("42834.00");
        assertThat(p.total()).isEqualByComparingTo("42834.00");
    }

    @Test
    void shouldReadDescriptionFirstLayoutWhenCodeFollowsDescription() {
        InvoiceTextParser.Parsed p = InvoiceTextParser.parse(ParserSamples.FACTURA_C);
        assertThat(p.type()).isEqualTo(InvoiceType.C);
        assertThat(p.issueDate()).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThat(p.supplierCuit()).isEqualTo("20-30405060-9");
        assertThat(p.buyerCuit()).isNull();
        assertThat(p.lines()).containsExactly(
                new ReadLine("CAF-9001", "Cafe La Virginia Molido 250g", new BigDecimal("3"), new BigDecimal("4380.00"), null, new BigDecimal("13140.00")),
                new ReadLine("FIA-4001", "Jamon Cocido Paladini", new BigDecimal("1.25"), new BigDecimal("12400.00"), null, new BigDecimal("15500.00")));
        assertThat(p.issues()).anySatisfy(i -> assertThat(i).contains("'13.l40,00' leído como '13.140,00'"))
                .anySatisfy(i -> assertThat(i).contains("'1,2SO' leído como '1,250'"));
    }

    @Test
    void shouldRecoverQuantityWhenOcrDroppedIt() {
        // given a line whose quantity column was lost by the OCR
        String text = """
                FACTURA B  Cód. 06
                Cant.  Código  Descripción  P. Unitario  Importe
                GAL-5001  Galletitas Terrabusi Variedad 4009  2.286,90  29.729,70
                Importe Total: $ 29.729,70
                """;
        // when
        InvoiceTextParser.Parsed p = InvoiceTextParser.parse(text);
        // then
        assertThat(p.lines()).containsExactly(new ReadLine("GAL-5001", "Galletitas Terrabusi Variedad 400g",
                new BigDecimal("13"), new BigDecimal("2286.90"), null, new BigDecimal("29729.70")));
        assertThat(p.issues()).anySatisfy(i -> assertThat(i).contains("cantidad ilegible, calculada como importe ÷ precio = 13"));
    }

    @Test
    void shouldFlagLineWhenNothingMakesQuantityTimesPriceMatchTotal() {
        String text = """
                Cant.  Descripción  Precio  Total
                3  Arroz Gallo Oro 1kg  1.980,00  7.777,00
                TOTAL $ 7.777,00
                """;
        InvoiceTextParser.Parsed p = InvoiceTextParser.parse(text);
        assertThat(p.lines()).hasSize(1);
        assertThat(p.consistentLines()).isZero();
        assertThat(p.issues()).anySatisfy(i -> assertThat(i).contains("Renglón 1: cantidad × precio no coincide"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', value = {
            "1.234,56;1234.56",
            "$1.234,56;1234.56",
            "850,00;850.00",
            "1.23456;1234.56",
            "1.234.56;1234.56",
            "1O.500,00;10500.00",
            "S00,00;500.00",
            "l.250,00;1250.00"})
    void shouldReadMoneyWhenOcrMangledSeparatorsOrDigits(String token, String expected) {
        List<Numbers.Cand> c = Numbers.money(token);
        assertThat(c).extracting(Numbers.Cand::value).anySatisfy(v -> assertThat(v).isEqualByComparingTo(expected));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', value = {"12;12", "2,350;2.350", "1,2SO;1.250", "O,5;0.5", "2350;2.350"})
    void shouldReadQuantityWhenDecimalKgOrMangled(String token, String expected) {
        assertThat(Numbers.qty(token)).extracting(Numbers.Cand::value).anySatisfy(v -> assertThat(v).isEqualByComparingTo(expected));
    }

    @ParameterizedTest(name = "{0} valid={1}")
    @CsvSource({"30712345671,true", "20123456786,true", "30712345672,false", "3071234567,false", "27234567891,true", "2012345678X,false"})
    void shouldCheckCuitDigitWhenValidating(String cuit, boolean valid) {
        assertThat(Cuit.isValid(cuit)).isEqualTo(valid);
    }
}
