-- wrk: cuenta respuestas por código y resume la latencia en una línea que lee build/carga.sh.
-- wrk: counts responses by status and prints one line that build/carga.sh parses.
local hilos = {}

function setup(hilo)
  table.insert(hilos, hilo)
end

function init(args)
  no2xx = 0
  r429 = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then no2xx = no2xx + 1 end
  if status == 429 then r429 = r429 + 1 end
end

function done(resumen, latencia, solicitudes)
  local no2xx_total, r429_total = 0, 0
  for _, hilo in ipairs(hilos) do
    no2xx_total = no2xx_total + hilo:get("no2xx")
    r429_total = r429_total + hilo:get("r429")
  end
  local e = resumen.errors
  io.write(string.format("CARGA solicitudes=%d por_segundo=%.1f p50_ms=%.1f p99_ms=%.1f no_2xx=%d r429=%d errores=%d\n",
    resumen.requests, resumen.requests / (resumen.duration / 1e6),
    latencia:percentile(50) / 1000, latencia:percentile(99) / 1000,
    no2xx_total, r429_total, e.connect + e.read + e.write + e.timeout))
end
