-- What was collected between @desde and @hasta (inclusive): payment money applied to documents on those dates, not
-- reversed, in CLP at the application day's UF or dólar (the latest value up to that day). Credit-note applications are
-- not money. The applications carry their document's client and currency, so this reads ix_aplicaciones_recaudacion
-- alone. Grouped by currency and day first so the conversion runs once per day, not per row. Parameters: @empresa,
-- @desde, @hasta, @clientes (uuid[], NULL = every client).
SELECT COALESCE(sum(cartera.en_clp(x.monto, x.moneda, cartera.ultimo_valor_uf(@empresa, x.fecha), cartera.ultimo_valor_dolar(@empresa, x.fecha))), 0)
FROM (
    SELECT a.moneda, a.fecha, sum(a.monto) AS monto
    FROM cartera.aplicaciones a
    WHERE a.empresa_id = @empresa AND a.pago_id IS NOT NULL AND a.fecha_reversa IS NULL
      AND a.fecha BETWEEN @desde AND @hasta
      AND (@clientes::uuid[] IS NULL OR a.cliente_id = ANY (@clientes))
    GROUP BY a.moneda, a.fecha
) x
