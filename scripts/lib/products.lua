-- wrk: creates (PUT, idempotent) WRK_PRODUCTS catalogue products BENCH-00001..N, each thread its share,
-- wrapping around; names from a word list so that a search term matches ~1 in 40 products.
local total = tonumber(os.getenv("WRK_PRODUCTS") or "10000")
local words = { "Azúcar", "Yerba", "Fideos", "Arroz", "Harina", "Aceite", "Leche", "Yogur", "Queso", "Galletitas",
  "Mermelada", "Café", "Té", "Cacao", "Sal", "Vinagre", "Mayonesa", "Ketchup", "Mostaza", "Arvejas", "Lentejas",
  "Polenta", "Atún", "Caballa", "Duraznos", "Jabón", "Detergente", "Lavandina", "Shampoo", "Pañales", "Gaseosa",
  "Agua", "Cerveza", "Vino", "Jugo", "Alfajor", "Chocolate", "Caramelos", "Pan", "Manteca" }
local brands = { "La Serenísima", "Ledesma", "Marolio", "Arcor", "Molinos", "Natura", "Knorr", "Taragüí", "Lucchetti", "Gallo" }
local counter = 0
local threads = {}
local thread_id = 1
wrk.headers["Content-Type"] = "application/json"

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  counter = thread_id - 1
end

function request()
  local n = (counter % total) + 1
  counter = counter + 2
  local name = string.format("%s %s %d", words[(n % #words) + 1], brands[(n % #brands) + 1], n)
  local body = string.format(
    '{"name":"%s","category":"Almacén","unit":"UNIT","minStock":"5","ivaRatePct":"21","active":true}', name)
  return wrk.format("PUT", string.format("/api/products/BENCH-%05d", n), nil, body)
end
