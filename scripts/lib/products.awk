# CSV for POST /api/products/import: products BENCH-<from>..BENCH-<to> (awk -v from=1 -v to=5000), a
# header first; names from a word list so that a search term matches ~1 in 40 products (the same
# products, names included, on every run: importing them again changes nothing but updatedAt).
BEGIN {
  split("Azúcar Yerba Fideos Arroz Harina Aceite Leche Yogur Queso Galletitas Mermelada Café Té Cacao Sal " \
        "Vinagre Mayonesa Ketchup Mostaza Arvejas Lentejas Polenta Atún Caballa Duraznos Jabón Detergente " \
        "Lavandina Shampoo Pañales Gaseosa Agua Cerveza Vino Jugo Alfajor Chocolate Caramelos Pan Manteca", words, " ")
  split("La Serenísima|Ledesma|Marolio|Arcor|Molinos|Natura|Knorr|Taragüí|Lucchetti|Gallo", brands, "|")
  print "sku,name,category,unit,minStock,ivaRatePct,active"
  for (n = from; n <= to; n++) {
    printf "BENCH-%05d,%s %s %d,Almacén,UNIT,5,21,true\n", n, words[(n % 40) + 1], brands[(n % 10) + 1], n
  }
}
